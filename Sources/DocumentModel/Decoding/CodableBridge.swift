import Foundation

/// Lets the model's `Decodable` conformances reuse the strict reader: the value the `Decoder`
/// holds is rebuilt as a `JSONNode` tree, then read exactly as `DocumentDecoder` would.
///
/// A plain `Decoder` cannot see duplicate keys or source offsets, and JSONDecoder hands numbers over
/// already converted; the contract's numbers are all small integers, so nothing is lost in practice.
/// Use `DocumentDecoder` for byte-exact, fully reported decoding.
struct AnyJSONValue: Decodable {
    let node: JSONNode

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            let members = try keyed.allKeys.sorted { $0.stringValue < $1.stringValue }.map { key in
                JSONNode.Member(key: key.stringValue, keyOffset: 0, value: try keyed.decode(AnyJSONValue.self, forKey: key).node)
            }
            node = JSONNode(value: .object(members), offset: 0, endOffset: 0)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONNode] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(AnyJSONValue.self).node) }
            node = JSONNode(value: .array(items), offset: 0, endOffset: 0)
            return
        }
        let single = try decoder.singleValueContainer()
        let value: JSONNode.Value
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .bool(flag)
        } else if let text = try? single.decode(String.self) {
            value = .string(text)
        } else if let integer = try? single.decode(Int64.self) {
            value = .number(String(integer))
        } else if let decimal = try? single.decode(Decimal.self) {
            value = .number(plainDecimalText(decimal))
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unsupported JSON value"))
        }
        node = JSONNode(value: value, offset: 0, endOffset: 0)
    }
}

extension ObjectDecodable {
    /// Decodes `Self` from any `Decoder` through the strict reader; throws `DocumentDecodingError`.
    /// Amounts need the currency in `decoder.userInfo[.folioCurrency]`.
    init(strictlyFrom decoder: any Decoder) throws {
        let tree = try AnyJSONValue(from: decoder).node
        let session = DecodingSession(limits: .default, root: tree)
        session.documentCurrency = decoder.userInfo[.folioCurrency] as? Currency
        let path = decoder.codingPath.map { key -> PathComponent in key.intValue.map { .index($0) } ?? .key(key.stringValue) }
        let value = FieldDecoder<Self>.object(Self.self).decode(tree, FieldPath(path), session)
        if session.hasIssues { throw session.error() }
        guard let value else {
            throw DocumentDecodingError(issues: [DocumentIssue(path: renderPath(path), reason: "amounts need decoder.userInfo[.folioCurrency]")])
        }
        self = value
    }
}
