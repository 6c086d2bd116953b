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

    convenience init(node: JSONNode, path: FieldPath, session: DecodingSession) {
        self.init(node: node, path: path.components, session: session)
    }

    init(node: JSONNode, path: [PathComponent], session: DecodingSession) {
        self.node = node
        self.path = path
        self.session = session
        if case .object(let members) = node.value { self.members = members } else { self.members = [] }
    }

    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    func childPath(_ key: String) -> [PathComponent] { path + [.key(key)] }

    /// The raw node of a member, marking it as known.
    func node(_ key: String) -> JSONNode? {
        // Members are unique (the parser drops duplicates), so the member equal to `key` is the one asked for.
        guard let index = members.firstIndex(where: { $0.key == key }) else { return nil }
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
        let offset = members.first { $0.key == key }?.value.offset ?? node.endOffset
        session.report(childPath(key), offset: offset, reason)
    }

    /// Reports every member never asked for, as an unknown property, in document order.
    func finish() {
        for (index, member) in members.enumerated() where !wasAsked(index) {
            session.report(childPath(member.key), offset: member.keyOffset, "unknown property \(quoted(member.key))")
        }
    }
}
