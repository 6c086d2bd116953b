/// Direction of a paragraph or of a table.
public enum TextDirection: String, Hashable, Sendable, Codable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
    /// Decided by the first strong character (UAX #9 rules P2–P3), left-to-right when there is none.
    case auto
}

/// A stretch of a paragraph that shares font chain, size, features and language.
///
/// ```swift
/// let span = ShapingSpan(range: 0..<text.utf8.count, fonts: chain, size: 9, features: ["tnum"])
/// ```
public struct ShapingSpan: Hashable, Sendable {
    /// UTF-8 byte range in the paragraph's text.
    public var range: Range<Int>
    public var fonts: FontChain
    public var size: Double
    /// OpenType features in HarfBuzz syntax (`"tnum"`, `"-liga"`, `"ss01=1"`). Kerning and standard
    /// ligatures are on unless turned off here.
    public var features: [String]
    /// BCP 47 language tag, used for language-specific shaping (e.g. `"fr"`, `"ar"`).
    public var language: String?

    public init(range: Range<Int>, fonts: FontChain, size: Double, features: [String] = [], language: String? = nil) {
        self.range = range
        self.fonts = fonts
        self.size = size
        self.features = features
        self.language = language
    }
}

/// A paragraph broken into shaped runs in logical order.
public struct ShapedParagraph: Sendable {
    public let text: String
    public let utf8: [UInt8]
    /// The resolved base direction (never `.auto`).
    public let baseDirection: TextDirection
    public let spans: [ShapingSpan]
    /// Logical order; together they cover `utf8` exactly.
    public let runs: [ShapedRun]
    public let missingGlyphs: [MissingGlyph]
}
