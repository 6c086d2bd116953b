/// Extended grapheme cluster boundaries (UAX #29) from ICU, the same Unicode data as the line
/// breaks: a flag, a skin-toned emoji or a ZWJ family is one cluster and is never cut.
enum GraphemeClusters {
    /// Byte offsets in `utf8` where a cluster ends (the last is `utf8.count`).
    static func ends(_ utf8: ArraySlice<UInt8>) -> [Int] {
        guard !utf8.isEmpty else { return [] }
        let marks = utf8.withUnsafeBufferPointer { bytes in
            UnicodeBreakIterator.withIterator(.character, locale: nil) { $0.boundaries(bytes) } ?? nil
        }
        guard let marks else {
            // Without ICU: Swift's own grapheme breaking, which follows the same UAX #29 rules.
            var ends: [Int] = []
            var offset = 0
            for character in String(decoding: utf8, as: UTF8.self) {
                offset += character.utf8.count
                ends.append(offset)
            }
            return ends
        }
        var ends: [Int] = []
        for index in marks.indices where marks[index] != 0 { ends.append(index + 1) }
        if ends.last != utf8.count { ends.append(utf8.count) }
        return ends
    }
}
