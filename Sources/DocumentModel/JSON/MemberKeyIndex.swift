/// Finds an object's earlier member by key, for the parser's duplicate check once an object has
/// more than 16 members (below that a linear search is cheaper).
///
/// Keys compare as `String`s, with canonical equivalence, as everywhere in the decoder. While every
/// key of the object is ASCII (all the schema's keys and a label file's are), keys are found by a
/// hash of their bytes in an open-addressing table, each key hashed once: a `[String: Int]` hashed
/// each key twice or more through `String`'s normalising hash (a 248-key label file took 0.43 M
/// instructions in it). The first non-ASCII key moves every key to a `[String: Int]`, because a
/// non-ASCII key can equal an ASCII one ("\u{212A}", KELVIN SIGN, is "K").
struct MemberKeyIndex {
    /// Member index + 1 per slot, 0 for empty; a power of two at least twice the keys.
    private var slots: [Int32]
    /// The hash of each member's key, by member index, while every key is ASCII.
    private var hashes: [Int] = []
    private var byString: [String: Int]?

    /// Indexes `members`, whose keys are distinct.
    init(_ members: [JSONNode.Member]) {
        slots = Array(repeating: 0, count: 256)
        for member in members {
            guard let hash = Self.asciiHash(member.key) else {
                moveToStrings(members[...])
                return
            }
            hashes.append(hash)
        }
        for (index, hash) in hashes.enumerated() { place(index, hash: hash) }
    }

    /// The index of the earlier member whose key equals `key`, if there is one; else records `key` as
    /// the key of the member about to be appended at `members.count`.
    mutating func claim(_ key: String, among members: [JSONNode.Member]) -> Int? {
        let index = members.count
        if byString == nil {
            guard let hash = Self.asciiHash(key) else {
                // It may still equal an ASCII key: from now on every key goes through the dictionary.
                moveToStrings(members[...])
                return claim(key, among: members)
            }
            let mask = slots.count - 1
            var slot = hash & mask
            while slots[slot] != 0 {
                let earlier = Int(slots[slot]) - 1
                // Both ASCII: equal bytes are equal strings.
                if hashes[earlier] == hash && members[earlier].key == key { return earlier }
                slot = (slot + 1) & mask
            }
            hashes.append(hash)
            if hashes.count * 2 > slots.count {
                slots = Array(repeating: 0, count: slots.count * 2)
                for (earlier, hash) in hashes.enumerated() { place(earlier, hash: hash) }
            } else {
                slots[slot] = Int32(index + 1)
            }
            return nil
        }
        if let earlier = byString![key] { return earlier }
        byString![key] = index
        return nil
    }

    private mutating func place(_ index: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    private mutating func moveToStrings(_ members: ArraySlice<JSONNode.Member>) {
        var byKey: [String: Int] = Dictionary(minimumCapacity: members.count * 2)
        for (index, member) in zip(members.indices, members) where byKey[member.key] == nil { byKey[member.key] = index }
        byString = byKey
        slots = []
        hashes = []
    }

    /// The hash of `key`'s bytes when they are all ASCII, else nil. Seeded per process (`Hasher`), so
    /// a document cannot be made of colliding keys.
    private static func asciiHash(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { bytes -> Int? in
            var any: UInt8 = 0
            for byte in bytes { any |= byte }
            guard any < 0x80 else { return nil }
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }
}
