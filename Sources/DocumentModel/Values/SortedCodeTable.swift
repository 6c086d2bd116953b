/// A table of fixed-width text entries sorted by their leading code, searched in place.
///
/// The ISO tables stay plain text, so an amendment is an edit of the text. Building a `Set` or a
/// `Dictionary` from them cost every process about 1.2 M instructions at its first document (hashing
/// each entry, and the runtime's first instantiation of those collection types); a binary search in
/// the literal's own bytes costs nothing before it is asked.
///
/// ```swift
/// let table = SortedCodeTable(text: "AD 1 FR 2 ", codeLength: 2, entryLength: 5)
/// table.entry(for: "FR")   // 1 (the entry's index)
/// table.payload(at: 1)     // "2"
/// ```
struct SortedCodeTable: Sendable {
    /// Entries of `entryLength` bytes, each a code of `codeLength` bytes, a space, its payload and a
    /// space (the last entry's final space may be missing), in strictly increasing order of code.
    let text: String
    let codeLength: Int
    let entryLength: Int

    var count: Int { (text.utf8.count + 1) / entryLength }

    /// The index of the entry whose code is `code`, or nil.
    func entry(for code: String) -> Int? {
        guard code.utf8.count == codeLength else { return nil }
        var code = code
        var text = text
        return code.withUTF8 { key in
            text.withUTF8 { bytes -> Int? in
                var low = 0
                var high = (bytes.count + 1) / entryLength
                while low < high {
                    let middle = (low + high) / 2
                    let start = middle * entryLength
                    var order = 0
                    for offset in 0..<codeLength where bytes[start + offset] != key[offset] {
                        order = bytes[start + offset] < key[offset] ? -1 : 1
                        break
                    }
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// The code of entry `index`.
    func code(at index: Int) -> Substring {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: index * entryLength)
        return text[start..<text.utf8.index(start, offsetBy: codeLength)]
    }

    /// What follows the code of entry `index` and its space, up to the entry's end.
    func payload(at index: Int) -> Substring {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: index * entryLength + codeLength + 1)
        let end = text.utf8.index(text.utf8.startIndex, offsetBy: min(text.utf8.count, (index + 1) * entryLength - 1))
        return text[start..<end]
    }

    /// Whether every entry has the layout above and the codes increase strictly (binary search needs both).
    var isWellFormed: Bool {
        let bytes = Array(text.utf8)
        guard entryLength > codeLength, (bytes.count + 1) % entryLength == 0 else { return false }
        for index in 0..<count {
            let start = index * entryLength
            let entry = bytes[start..<min(bytes.count, start + entryLength)]
            guard entry.prefix(codeLength).allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return false }
            // The last entry of a table without payloads is its bare code.
            guard entry.count == codeLength || entry.dropFirst(codeLength).first == UInt8(ascii: " ") else { return false }
            guard entry.count < entryLength || entry.last == UInt8(ascii: " ") else { return false }
            if index > 0, !code(at: index - 1).utf8.lexicographicallyPrecedes(code(at: index).utf8) { return false }
        }
        return true
    }
}
