/// A JSON value that keeps object members in order, so the stream can detect duplicate keys (S-4)
/// and write results deterministically.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's source text: the stream never needs arithmetic on JSON numbers.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && Dictionary(a, uniquingKeysWith: { x, _ in x }) == Dictionary(b, uniquingKeysWith: { x, _ in x })
        default: false
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? { if case let .string(text) = self { text } else { nil } }
    public var boolValue: Bool? { if case let .bool(flag) = self { flag } else { nil } }
    public var arrayValue: [JSONValue]? { if case let .array(items) = self { items } else { nil } }
}
