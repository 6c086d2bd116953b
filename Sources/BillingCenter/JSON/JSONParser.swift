import DocumentModel

/// Why a line is not acceptable JSON; becomes an `invalid_request` message.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public let message: String
}

/// Reads one request line with the document model's strict RFC 8259 parser — duplicate keys,
/// `NaN`/`Infinity`, trailing data and invalid UTF-8 are refused (S-4) — and words its verdict
/// as the request stream does.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"op":"list"}"#.utf8))
/// value["op"] // .string("list")
/// ```
public enum JSONParser {
    /// A request line nests at most 64 levels (S-4); the other limits are the document model's.
    private static let limits = DocumentLimits(maxDepth: 64)

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        // A document may start with a byte-order mark; a request line may not.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw JSONSyntaxError(message: "line is not valid JSON") }
        let (root, problems) = bytes.withUnsafeBufferPointer { StrictJSONParser.parse($0, limits: limits) }
        if let problem = problems.first {
            switch problem.kind {
            case .notUTF8: throw JSONSyntaxError(message: "line is not valid UTF-8")
            case .duplicateKey(let key): throw JSONSyntaxError(message: "duplicate key \"\(key)\"")
            case .tooDeep: throw JSONSyntaxError(message: "nesting deeper than \(limits.maxDepth)")
            case .unpairedSurrogate: throw JSONSyntaxError(message: "unpaired surrogate in string")
            case .other: throw JSONSyntaxError(message: "line is not valid JSON")
            }
        }
        guard let root else { throw JSONSyntaxError(message: "line is not valid JSON") }
        return JSONValue(root)
    }
}

extension JSONValue {
    /// The same value with members in their written order, without the parser's byte offsets.
    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONValue($0.value)) })
        }
    }
}
