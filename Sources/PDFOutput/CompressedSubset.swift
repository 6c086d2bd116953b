/// A TrueType subset as its font file stream carries it: compressed, with what the CID-to-glyph
/// map needs. The same glyphs always give the same subset (``TrueTypeSubsetter`` keeps glyphs in
/// their original order), so one made for an earlier document serves a later one byte for byte.
///
/// ```swift
/// let subset = CompressedSubset(TrueTypeSubsetter.subset(program, glyphs: [36, 68]), deflater: deflater)
/// subset.newGlyph(for: 68)  // 2: .notdef, then glyph 36, then 68
/// ```
struct CompressedSubset: Sendable {
    /// The subset font file, zlib-compressed (FlateDecode).
    let compressed: [UInt8]
    /// Its length uncompressed (`/Length1`).
    let length: Int
    /// The old index of each glyph kept, by new index (ascending).
    private let kept: [UInt16]

    init(_ subset: TrueTypeSubsetter.Subset, deflater: Deflater) {
        compressed = subset.font.withUnsafeBytes { Array(deflater.compress($0)) }
        length = subset.font.count
        kept = subset.kept
    }

    /// The subset's index for `glyph`, 0 (.notdef) for a glyph it does not hold.
    func newGlyph(for glyph: UInt16) -> UInt16 {
        var low = 0, high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if kept[middle] < glyph { low = middle + 1 } else { high = middle }
        }
        return low < kept.count && kept[low] == glyph ? UInt16(low) : 0
    }
}
