/// Builds the `JSONNode` tree of a model value straight from its `Encodable` conformance: the tree the
/// strict parser would make of `JSONEncoder`'s output, without writing or parsing any JSON text.
///
/// `DocumentDecoder.validate` reads this tree with the very readers that decode files, so a document
/// built in code gets the same checks, paths and reasons as its JSON would, with no second copy of
/// any rule. Members keep the order in which the model encodes them (its `CodingKeys`), and offsets
/// are positions in a walk of the tree in that order, so issues come out in declaration order
/// (`JSONEncoder` on Linux writes members in hash order, which changes from one process to the next).
///
/// Only what the model encodes is supported: strings, integers, booleans, `nil`, keyed and unkeyed
/// containers; a floating-point value is refused (the contract has none, amounts are decimal strings).
struct ModelTreeEncoder {
    /// The tree of `value`; throws `EncodingError` when a conformance throws or encodes nothing.
    static func tree(of value: some Encodable) throws -> JSONNode {
        let root = Slot()
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        var position = 0
        return try root.node(at: &position, codingPath: [])
    }
}

/// One value under construction. A class because containers hand out references to their children
/// before those are filled (nested containers, `superEncoder`).
private final class Slot {
    enum Content {
        case unset
        case object
        case array
        case scalar(JSONNode.Value)
    }

    var content = Content.unset
    /// Members in first-encoded order (re-encoding a key replaces its value in place).
    var keys: [String] = []
    var members: [String: Slot] = [:]
    var items: [Slot] = []

    func member(_ key: String) -> Slot {
        if let existing = members[key] { return existing }
        let slot = Slot()
        keys.append(key)
        members[key] = slot
        return slot
    }

    func appendItem() -> Slot {
        let slot = Slot()
        items.append(slot)
        return slot
    }

    /// The finished node; `position` counts every value, key and closing bracket visited so far,
    /// which keeps offsets increasing in document order as the parser's byte offsets do.
    func node(at position: inout Int, codingPath: [any CodingKey]) throws -> JSONNode {
        let start = position
        position += 1
        switch content {
        case .unset:
            throw EncodingError.invalidValue((), .init(codingPath: codingPath, debugDescription: "no value was encoded"))
        case .scalar(let value):
            return JSONNode(value: value, offset: start, endOffset: start)
        case .object:
            var built: [JSONNode.Member] = []
            built.reserveCapacity(keys.count)
            for key in keys {
                let keyOffset = position
                position += 1
                let value = try members[key]!.node(at: &position, codingPath: codingPath + [TreeKey(key)])
                built.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            }
            position += 1
            return JSONNode(value: .object(built), offset: start, endOffset: position - 1)
        case .array:
            var built: [JSONNode] = []
            built.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                built.append(try item.node(at: &position, codingPath: codingPath + [TreeKey(index)]))
            }
            position += 1
            return JSONNode(value: .array(built), offset: start, endOffset: position - 1)
        }
    }
}

private struct TreeKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(_ key: String) { stringValue = key; intValue = nil }
    init(_ index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array }
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

/// Stores one value into `slot`: the shared body of the three container kinds.
private func store(_ value: some Encodable, into slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.content = .scalar(.string(text))
    case let flag as Bool: slot.content = .scalar(.bool(flag))
    case let number as any BinaryInteger: slot.content = .scalar(.number(String(describing: number)))
    case is any BinaryFloatingPoint:
        throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "floating-point numbers are not part of the document contract"))
    default: try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: slot.member("super"), codingPath: codingPath + [TreeKey("super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.items.count }

    private var nextPath: [any CodingKey] { codingPath + [TreeKey(slot.items.count)] }

    mutating func encodeNil() throws { slot.appendItem().content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try store(value, into: slot.appendItem(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), codingPath: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), codingPath: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), codingPath: path)
    }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, into: slot, codingPath: codingPath) }
}
