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
        try value.encode(to: SlotEncoder(slot: root, link: nil))
        var position = 0
        return try root.node(at: &position, link: nil)
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
    /// Members in first-encoded order (re-encoding a key replaces its value in place); the model's
    /// objects have a few dozen members at most, so a linear search finds a key again.
    var keys: [String] = []
    var members: [Slot] = []
    var items: [Slot] = []

    func member(_ key: String) -> Slot {
        if let existing = keys.firstIndex(of: key) { return members[existing] }
        let slot = Slot()
        keys.append(key)
        members.append(slot)
        return slot
    }

    func appendItem() -> Slot {
        let slot = Slot()
        items.append(slot)
        return slot
    }

    /// The finished node; `position` counts every value, key and closing bracket visited so far,
    /// which keeps offsets increasing in document order as the parser's byte offsets do.
    func node(at position: inout Int, link: PathLink?) throws -> JSONNode {
        let start = position
        position += 1
        switch content {
        case .unset:
            throw EncodingError.invalidValue((), .init(codingPath: PathLink.path(of: link), debugDescription: "no value was encoded"))
        case .scalar(let value):
            return JSONNode(value: value, offset: start, endOffset: start)
        case .object:
            var built: [JSONNode.Member] = []
            built.reserveCapacity(keys.count)
            for (key, member) in zip(keys, members) {
                let keyOffset = position
                position += 1
                let value = try member.node(at: &position, link: PathLink(TreeKey(key), under: link))
                built.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            }
            position += 1
            return JSONNode(value: .object(built), offset: start, endOffset: position - 1)
        case .array:
            var built: [JSONNode] = []
            built.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                built.append(try item.node(at: &position, link: PathLink(TreeKey(index), under: link)))
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

/// A coding path as links to the parent's: conformances rarely ask for it, so the array is spelled
/// out only when asked for (an error), not copied one level longer for every value.
private final class PathLink {
    let key: any CodingKey
    let parent: PathLink?
    init(_ key: any CodingKey, under parent: PathLink?) { self.key = key; self.parent = parent }

    static func path(of link: PathLink?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var link = link
        while let current = link { keys.append(current.key); link = current.parent }
        return keys.reversed()
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let link: PathLink?
    var codingPath: [any CodingKey] { PathLink.path(of: link) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, link: link))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array }
        return UnkeyedSlotContainer(slot: slot, link: link)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, link: link)
    }
}

/// Stores one value into `slot`: the shared body of the three container kinds. The model's leaves are
/// Strings, Ints and Bools, tested first as concrete types; other standard numbers are found by type
/// identity (a cast to a protocol such as `BinaryInteger` would cost a conformance lookup per value).
private func store<T: Encodable>(_ value: T, into slot: Slot, link: @autoclosure () -> PathLink?) throws {
    if let text = value as? String {
        slot.content = .scalar(.string(text))
    } else if let number = value as? Int {
        slot.content = .scalar(.number(String(number)))
    } else if let flag = value as? Bool {
        slot.content = .scalar(.bool(flag))
    } else if otherIntegerTypes.contains(ObjectIdentifier(T.self)) {
        slot.content = .scalar(.number(String(describing: value)))
    } else if floatingPointTypes.contains(ObjectIdentifier(T.self)) {
        throw EncodingError.invalidValue(value, .init(codingPath: PathLink.path(of: link()), debugDescription: "floating-point numbers are not part of the document contract"))
    } else {
        try value.encode(to: SlotEncoder(slot: slot, link: link()))
    }
}

/// Standard numbers that encode themselves through a single-value container (so `store` must take
/// them as leaves, or it would recurse forever).
private let otherIntegerTypes: Set<ObjectIdentifier> = [
    ObjectIdentifier(Int8.self), ObjectIdentifier(Int16.self), ObjectIdentifier(Int32.self), ObjectIdentifier(Int64.self),
    ObjectIdentifier(UInt.self), ObjectIdentifier(UInt8.self), ObjectIdentifier(UInt16.self), ObjectIdentifier(UInt32.self),
    ObjectIdentifier(UInt64.self),
]
private let floatingPointTypes: Set<ObjectIdentifier> = [ObjectIdentifier(Float.self), ObjectIdentifier(Double.self)]

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let link: PathLink?
    var codingPath: [any CodingKey] { PathLink.path(of: link) }

    mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try store(value, into: slot.member(key.stringValue), link: PathLink(key, under: link))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.member(key.stringValue), link: PathLink(key, under: link)).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.member(key.stringValue), link: PathLink(key, under: link)).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        SlotEncoder(slot: slot.member("super"), link: PathLink(TreeKey("super"), under: link))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.member(key.stringValue), link: PathLink(key, under: link))
    }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let link: PathLink?
    var codingPath: [any CodingKey] { PathLink.path(of: link) }
    var count: Int { slot.items.count }

    private var nextPath: PathLink { PathLink(TreeKey(slot.items.count), under: link) }

    mutating func encodeNil() throws { slot.appendItem().content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try store(value, into: slot.appendItem(), link: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), link: path).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), link: path).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return SlotEncoder(slot: slot.appendItem(), link: path)
    }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    let link: PathLink?
    var codingPath: [any CodingKey] { PathLink.path(of: link) }

    mutating func encodeNil() throws { slot.content = .scalar(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try store(value, into: slot, link: link) }
}
