import DocumentModel
/// Reads the members of one JSON object with the S-4 shape checks, naming the JSON path in errors.
/// Instant fields are parsed only after every shape check passed, because `invalid_request` comes
/// before `invalid_timestamp` (S-4).
struct FieldReader {
    struct ShapeError: Error { let message: String }

    let path: String
    private let members: [String: JSONValue]
    private let timestamps: TimestampLedger

    /// Collects instant fields in reading order; parsed once the whole request is well-shaped.
    final class TimestampLedger {
        var firstFailure: String?
        func parse(_ text: String, field: String) -> Instant {
            do { return try Instant(rfc3339: text) } catch {
                if firstFailure == nil { firstFailure = "\(field): \(error.reason)" }
                return Instant(microseconds: 0)
            }
        }
    }

    init(_ value: JSONValue, path: String, allowed: Set<String>, timestamps: TimestampLedger) throws(ShapeError) {
        guard case let .object(members) = value else { throw ShapeError(message: "\(path.isEmpty ? "request" : path) is not an object") }
        for (key, _) in members where !allowed.contains(key) {
            throw ShapeError(message: "unknown field \"\(Self.join(path, key))\"")
        }
        // S-4: an optional field given as null counts as absent.
        self.members = Dictionary(members.filter { $0.1 != .null }, uniquingKeysWith: { first, _ in first })
        self.path = path
        self.timestamps = timestamps
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func has(_ key: String) -> Bool { members[key] != nil }

    func raw(_ key: String) -> JSONValue? { members[key] }

    private func required(_ key: String) throws(ShapeError) -> JSONValue {
        guard let value = members[key] else { throw ShapeError(message: "missing field \"\(Self.join(path, key))\"") }
        return value
    }

    func string(_ key: String) throws(ShapeError) -> String {
        guard case let .string(text) = try required(key) else { throw ShapeError(message: "\(Self.join(path, key)) must be a string") }
        return text
    }

    func optionalString(_ key: String) throws(ShapeError) -> String? { has(key) ? try string(key) : nil }

    /// Ids, numbers, document paths…: must not be empty or blank (S-4).
    func identifier(_ key: String) throws(ShapeError) -> String {
        let text = try string(key)
        guard !text.isBlank else { throw ShapeError(message: "\(Self.join(path, key)) must not be blank") }
        return text
    }

    func optionalIdentifier(_ key: String) throws(ShapeError) -> String? { has(key) ? try identifier(key) : nil }

    func bool(_ key: String) throws(ShapeError) -> Bool {
        guard case let .bool(flag) = try required(key) else { throw ShapeError(message: "\(Self.join(path, key)) must be a boolean") }
        return flag
    }

    func optionalBool(_ key: String) throws(ShapeError) -> Bool? { has(key) ? try bool(key) : nil }

    func array(_ key: String) throws(ShapeError) -> [JSONValue] {
        guard case let .array(items) = try required(key) else { throw ShapeError(message: "\(Self.join(path, key)) must be an array") }
        return items
    }

    func enumeration<Value: RawRepresentable>(_ key: String, _: Value.Type) throws(ShapeError) -> Value where Value.RawValue == String {
        let text = try string(key)
        guard let value = Value(rawValue: text) else { throw ShapeError(message: "\(Self.join(path, key)) has unknown value \"\(text)\"") }
        return value
    }

    func optionalEnumeration<Value: RawRepresentable>(_ key: String, _ type: Value.Type) throws(ShapeError) -> Value? where Value.RawValue == String {
        has(key) ? try enumeration(key, type) : nil
    }

    func date(_ key: String) throws(ShapeError) -> CalendarDate {
        let text = try string(key)
        guard let date = CalendarDate(text) else { throw ShapeError(message: "\(Self.join(path, key)) is not a valid YYYY-MM-DD date") }
        return date
    }

    func instant(_ key: String) throws(ShapeError) -> Instant {
        timestamps.parse(try string(key), field: Self.join(path, key))
    }

    func optionalInstant(_ key: String) throws(ShapeError) -> Instant? { has(key) ? try instant(key) : nil }

    /// Money as a string `-?digits[.digits]` in `currency`, at most the currency's exponent of decimals.
    func money(_ key: String, currencyKey: String) throws(ShapeError) -> Money {
        let code = try string(currencyKey)
        guard let currency = Currency(code) else {
            throw ShapeError(message: "\(Self.join(path, currencyKey)) \"\(code)\" is not an active ISO 4217 code with a minor unit")
        }
        let text = try string(key)
        guard let amount = Money(text, currency: currency) else {
            throw ShapeError(message: "\(Self.join(path, key)) \"\(text)\" is not an amount in \(code)")
        }
        return amount
    }

    func nested(_ key: String, allowed: Set<String>) throws(ShapeError) -> FieldReader {
        try FieldReader(try required(key), path: Self.join(path, key), allowed: allowed, timestamps: timestamps)
    }

    func element(_ value: JSONValue, at index: Int, of key: String, allowed: Set<String>) throws(ShapeError) -> FieldReader {
        try FieldReader(value, path: "\(Self.join(path, key))[\(index)]", allowed: allowed, timestamps: timestamps)
    }
}
