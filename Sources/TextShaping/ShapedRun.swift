/// One glyph out of HarfBuzz, in points.
public struct ShapedGlyph: Hashable, Sendable {
    public var id: UInt32
    /// UTF-8 byte offset, in the paragraph's text, of the cluster this glyph belongs to.
    public var cluster: Int32
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double

    public init(id: UInt32, cluster: Int32, advance: Double, xOffset: Double = 0, yOffset: Double = 0) {
        self.id = id
        self.cluster = cluster
        self.advance = advance
        self.xOffset = xOffset
        self.yOffset = yOffset
    }
}

/// A maximal stretch of a paragraph with one font, size, script, bidi level and span, shaped.
///
/// Glyphs are in visual order as HarfBuzz returns them: clusters increase for left-to-right runs and
/// decrease for right-to-left ones.
public struct ShapedRun: Hashable, Sendable {
    public var font: FontID
    public var size: Double
    /// Bidi embedding level; odd is right-to-left.
    public var level: UInt8
    /// UTF-8 byte range of the run in the paragraph's text.
    public var range: Range<Int>
    /// Index of the ``ShapingSpan`` the run comes from.
    public var spanIndex: Int
    public var glyphs: [ShapedGlyph]

    public init(font: FontID, size: Double, level: UInt8, range: Range<Int>, spanIndex: Int, glyphs: [ShapedGlyph]) {
        self.font = font
        self.size = size
        self.level = level
        self.range = range
        self.spanIndex = spanIndex
        self.glyphs = glyphs
    }

    public var isRightToLeft: Bool { level & 1 == 1 }
    public var width: Double { glyphs.reduce(0) { $0 + $1.advance } }
}

/// A character no font of the chain covers; it is drawn as the primary font's `.notdef` glyph and
/// reported, never hidden.
public struct MissingGlyph: Hashable, Sendable, CustomStringConvertible {
    public var scalar: Unicode.Scalar
    /// UTF-8 byte offset in the paragraph.
    public var offset: Int
    /// The paragraph text around the character, for messages.
    public var context: String

    public var description: String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return "no bundled font has U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) (\(scalar.properties.name ?? "unnamed")) at byte \(offset) in “\(context)”"
    }
}
