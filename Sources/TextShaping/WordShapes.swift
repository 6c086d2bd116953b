import FolioCore

/// Words of one face as HarfBuzz shaped them, kept across paragraphs and documents.
///
/// Invoices repeat words far more than paragraphs: a name, a city, a service or a currency comes back
/// in another sentence, cell or address. Over the bench's 50 distinct invoices, eight words in ten
/// (by characters) were seen in an earlier one. Shaping a word costs about 1,000 instructions a
/// glyph with Noto Sans (its GPOS kerning); finding it here, a hash of its bytes.
///
/// A word is kept in font units, without the size, so every size shares it, and its clusters count
/// from the word's first byte.
final class WordShapes: Sendable {
    struct Glyph: Hashable, Sendable {
        var id: UInt32
        /// UTF-8 byte offset from the start of the word.
        var cluster: Int32
        var xAdvance: Int32
        var xOffset: Int32
        var yOffset: Int32
    }

    /// What shaping a word alone depends on besides the face: its bytes, script, language and features.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]
        let script: UInt32
        let language: String?
        let features: [String]
        private let digest: Int

        init(bytes: UnsafeBufferPointer<UInt8>, script: UInt32, language: String?, features: [String]) {
            self.bytes = Array(bytes)
            self.script = script
            self.language = language
            self.features = features
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            hasher.combine(script)
            digest = hasher.finalize()
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.digest == rhs.digest && lhs.script == rhs.script && lhs.bytes == rhs.bytes && lhs.language == rhs.language
                && lhs.features == rhs.features
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    /// About 300 bytes a word: at most a megabyte or so a face.
    private let memo = BoundedMemo<Key, [Glyph]>(capacity: 4096)

    /// Longer words (a reference or an identifier typed without spaces, up to a field's whole length)
    /// are shaped each time and not kept: kept, 4,096 of them could hold gigabytes. Bounded so, a
    /// face's memo stays under 5 MB whatever the text.
    static let longestKeptWord = 48

    func glyphs(for key: Key, _ shape: () -> [Glyph]) -> [Glyph] { memo.value(for: key, shape) }

    /// Words kept now.
    var count: Int { memo.count }
}
