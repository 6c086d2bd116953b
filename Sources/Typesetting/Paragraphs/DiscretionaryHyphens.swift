import PageFrames
import TextShaping

/// The hyphens a paragraph may add at line ends: where words may break, and the hyphen glyph of
/// the style at that point (shaped once per span).
///
/// A reference type used by one paragraph setting on one thread: it fills its caches as the
/// setter asks.
final class DiscretionaryHyphens {
    /// The cost of ending a line with a hyphen (TeX's \hyphenpenalty), flagged so that two
    /// hyphenated lines in a row cost more.
    static let penalty = 50.0

    private let dictionary: HyphenationDictionary
    private let shaped: ShapedParagraph
    private let shaper: TextShaper
    private var hyphenBySpan: [Int: ShapedRun] = [:]
    /// `clusterStarts[i]`: a glyph cluster starts at byte `i` (a hyphen never splits a ligature).
    private lazy var clusterStarts: [Bool] = {
        var starts = [Bool](repeating: false, count: shaped.utf8.count + 1)
        for run in shaped.runs {
            for glyph in run.glyphs { starts[Int(glyph.cluster)] = true }
        }
        return starts
    }()

    init(dictionary: HyphenationDictionary, shaped: ShapedParagraph, shaper: TextShaper) {
        self.dictionary = dictionary
        self.shaped = shaped
        self.shaper = shaper
    }

    /// Byte offsets inside `word` (a box between break opportunities) where a hyphen may go.
    func points(in word: Range<Int>) -> [Int] {
        HyphenationPoints.offsets(in: shaped.utf8[word], dictionary: dictionary)
            .map { word.lowerBound + $0 }
            .filter { clusterStarts[$0] && !isRightToLeft(at: $0 - 1) }
    }

    /// Advance of the hyphen drawn when the line breaks at `point`.
    func width(at point: Int) -> Double {
        hyphen(at: point)?.glyphs.reduce(0) { $0 + $1.advance } ?? 0
    }

    /// The hyphen as a glyph run at x = 0 on the baseline, in the style of the letter before it.
    func run(at point: Int, styles: [TextStyle]) -> GlyphRun? {
        guard let hyphen = hyphen(at: point), !hyphen.glyphs.isEmpty else { return nil }
        var x = 0.0
        let glyphs = hyphen.glyphs.map { glyph -> PositionedGlyph in
            defer { x += glyph.advance }
            return PositionedGlyph(id: glyph.id, x: x + glyph.xOffset, y: glyph.yOffset, advance: glyph.advance)
        }
        return GlyphRun(
            font: hyphen.font, size: hyphen.size, color: styles[spanIndex(at: point - 1)].color, origin: Point(x: 0, y: 0),
            glyphs: glyphs, text: "-", clusters: [TextCluster(byteCount: 1, glyphCount: Int32(glyphs.count))], clustersBackward: false)
    }

    private func hyphen(at point: Int) -> ShapedRun? {
        let index = spanIndex(at: point - 1)
        if let cached = hyphenBySpan[index] { return cached }
        let span = shaped.spans[index]
        let hyphen = shaper.shape(
            "-", spans: [ShapingSpan(range: 0..<1, fonts: span.fonts, size: span.size, features: span.features, language: span.language)],
            direction: .leftToRight
        ).runs.first
        hyphenBySpan[index] = hyphen
        return hyphen
    }

    private func spanIndex(at byte: Int) -> Int {
        shaped.spans.firstIndex { $0.range.contains(byte) } ?? max(0, shaped.spans.count - 1)
    }

    private func isRightToLeft(at byte: Int) -> Bool {
        shaped.runs.first { $0.range.contains(byte) }?.isRightToLeft ?? false
    }
}
