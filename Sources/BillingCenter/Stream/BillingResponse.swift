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
