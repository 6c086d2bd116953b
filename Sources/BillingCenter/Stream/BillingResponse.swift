/// The answer to one request: becomes exactly one result line (S-5).
public enum BillingResponse: Equatable, Sendable {
    case failure(BillingError)
    case command(CommandResult)
    case documents([ListedDocument])
    case access(AccessDecision)
    case notices([Notice])
    /// `output` as given in the request.
    case downloaded(output: String)

    public var isOK: Bool { if case .failure = self { false } else { true } }

    /// The result line (compact JSON). Listings are written straight to bytes: a large company's
    /// page has tens of thousands of rows, and building a `JSONValue` tree for them dominates.
    public var line: String {
        guard case let .documents(rows) = self else { return json.compactText }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(48 + rows.count * 120)
        bytes += #"{"ok":true,"documents":["#.utf8
        for (index, row) in rows.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += #"{"id":"#.utf8
            JSONValue.string(row.id).write(to: &bytes)
            bytes += #","kind":""#.utf8
            bytes += row.kind.utf8
            bytes += #"","placement":""#.utf8
            bytes += row.placement.rawValue.utf8
            bytes += #"","actions":["#.utf8
            for (position, action) in row.actions.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\""))
                bytes += action.rawValue.utf8
                bytes.append(UInt8(ascii: "\""))
            }
            bytes += #"],"paperPolicy":"#.utf8
            if let policy = row.paperPolicy {
                bytes.append(UInt8(ascii: "\""))
                bytes += policy.rawValue.utf8
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes += "null".utf8
            }
            bytes.append(UInt8(ascii: "}"))
        }
        bytes += "]}".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The S-5 result object.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("ok", .bool(isOK))]
        switch self {
        case let .failure(error):
            members.append(("error", .string(error.code.rawValue)))
            members.append(("message", .string(error.message)))
            if let line = error.line { members.append(("line", .number(String(line)))) }
            if let accounts = error.accounts { members.append(("accounts", .array(accounts.map(\.canonicalJSON)))) }
        case let .command(result):
            if let duplicate = result.duplicate { members.append(("duplicate", .bool(duplicate))) }
            if let accounts = result.accounts { members.append(("accounts", .array(accounts.map(\.canonicalJSON)))) }
            if let primary = result.primaryAdministrator { members.append(("primaryAdministrator", .string(primary))) }
        case let .documents(rows):
            members.append(("documents", .array(rows.map { row in
                .object([
                    ("id", .string(row.id)), ("kind", .string(row.kind)), ("placement", .string(row.placement.rawValue)),
                    ("actions", .array(row.actions.map { .string($0.rawValue) })),
                    ("paperPolicy", row.paperPolicy.map { .string($0.rawValue) } ?? .null),
                ])
            })))
        case let .access(decision):
            members.append(("allowed", .bool(decision.allowed)))
            members.append(("reason", decision.reason.map { .string($0.rawValue) } ?? .null))
        case let .notices(notices):
            members.append(("notices", .array(notices.map { notice in
                .object([("kind", .string(notice.kind)), ("document", .string(notice.document)),
                         ("user", .string(notice.user)), ("at", .string(notice.at.description))])
            })))
        case let .downloaded(output):
            members.append(("output", .string(output)))
        }
        return .object(members)
    }
}

extension AccountKey {
    /// The canonical account of S-5: `accountType` for parcel only.
    public var canonicalJSON: JSONValue {
        var members: [(String, JSONValue)] = [("lineOfBusiness", .string(lineOfBusiness.rawValue))]
        if lineOfBusiness == .parcel, let accountType { members.append(("accountType", .string(accountType.rawValue))) }
        members.append(("number", .string(number)))
        members.append(("country", .string(country)))
        return .object(members)
    }
}
