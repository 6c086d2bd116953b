/// Reads the members of one JSON object, reporting missing required properties, invalid values and,
/// at `finish()`, every member that was never asked for (the contract's objects are closed).
final class ObjectReader {
    let session: DecodingSession
    let node: JSONNode
    let path: [PathComponent]
    private let members: [JSONNode.Member]
    /// Which members were asked for, by index: a bit mask for the first 64, a set beyond.
    private var askedMask: UInt64 = 0
    private var askedBeyond: Set<Int> = []
    /// The first bytes of the members' keys (one bit per ASCII byte), or nil when a key is empty or starts
    /// with a non-ASCII byte. Two strings whose first bytes are different ASCII characters are never
    /// equal, even canonically, so a key whose first byte is not in the mask names no member.
    private let firstBytes: (low: UInt64, high: UInt64)?
    /// Where the next search starts: readers ask for members mostly in the order documents list them.
    private var cursor = 0

    convenience init(node: JSONNode, path: FieldPath, session: DecodingSession) {
        self.init(node: node, path: path.components, session: session)
    }

    init(node: JSONNode, path: [PathComponent], session: DecodingSession) {
        self.node = node
        self.path = path
        self.session = session
        if case .object(let members) = node.value { self.members = members } else { self.members = [] }
        var low: UInt64 = 0
        var high: UInt64 = 0
        var ascii = true
        for member in members {
            guard let first = member.key.utf8.first, first < 0x80 else { ascii = false; break }
            if first < 64 { low |= 1 << UInt64(first) } else { high |= 1 << UInt64(first - 64) }
        }
        firstBytes = ascii ? (low, high) : nil
    }

    /// The index of the member equal to `key` (members are unique: the parser drops duplicates).
    private func index(of key: String) -> Int? {
        let count = members.count
        guard count > 0 else { return nil }
        if let mask = firstBytes, let first = key.utf8.first, first < 0x80 {
            let present = first < 64 ? (mask.low >> UInt64(first)) & 1 != 0 : (mask.high >> UInt64(first - 64)) & 1 != 0
            if !present { return nil }
        }
        var i = cursor < count ? cursor : 0
        for _ in 0..<count {
            if members[i].key == key {
                cursor = i + 1
                return i
            }
            i = i + 1 == count ? 0 : i + 1
        }
        return nil
    }

    func has(_ key: String) -> Bool { index(of: key) != nil }

    func childPath(_ key: String) -> [PathComponent] { path + [.key(key)] }

    /// The raw node of a member, marking it as known.
    func node(_ key: String) -> JSONNode? {
        // Members are unique (the parser drops duplicates), so the member equal to `key` is the one asked for.
        guard let index = index(of: key) else { return nil }
        if index < 64 { askedMask |= 1 << UInt64(index) } else { askedBeyond.insert(index) }
        return members[index].value
    }

    private func wasAsked(_ index: Int) -> Bool {
        index < 64 ? askedMask & (1 << UInt64(index)) != 0 : askedBeyond.contains(index)
    }

    /// A required member: reports `required property "key" is missing` at the key's would-be path.
    func required<T>(_ key: String, _ decoder: FieldDecoder<T>) -> T? {
        guard let value = node(key) else {
            session.report(childPath(key), offset: node.endOffset, "required property \(quoted(key)) is missing")
            return nil
        }
        return decoder.decode(value, FieldPath(path, last: .key(key)), session)
    }

    /// An optional member: `nil` when absent (or invalid, in which case an issue is recorded).
    func optional<T>(_ key: String, _ decoder: FieldDecoder<T>) -> T? {
        guard let value = node(key) else { return nil }
        return decoder.decode(value, FieldPath(path, last: .key(key)), session)
    }

    /// Reports a member that is present although a rule forbids it here.
    func forbid(_ key: String, _ reason: String) {
        if let value = node(key) { session.report(childPath(key), offset: value.offset, reason) }
    }

    /// Reports a member required by a rule (`dependentRequired`, `if/then`) when absent.
    func requireByRule(_ key: String, _ reason: String) {
        if !has(key) { session.report(childPath(key), offset: node.endOffset, reason) }
    }

    /// Reports an issue about a present member.
    func fail(_ key: String, _ reason: String) {
        let offset = index(of: key).map { members[$0].value.offset } ?? node.endOffset
        session.report(childPath(key), offset: offset, reason)
    }

    /// Reports every member never asked for, as an unknown property, in document order.
    func finish() {
        for (index, member) in members.enumerated() where !wasAsked(index) {
            session.report(childPath(member.key), offset: member.keyOffset, "unknown property \(quoted(member.key))")
        }
    }
}
