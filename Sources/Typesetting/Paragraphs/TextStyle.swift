import PageFrames
import TextShaping

/// How a run of text looks: font family and style, size, colour, OpenType features, language.
///
/// ```swift
/// let amount = TextStyle(size: 9, features: ["tnum"])
/// let heading = TextStyle(style: .bold, size: 14, color: Color(hex: "#1F4E79")!)
/// ```
public struct TextStyle: Hashable, Sendable {
    public var family: String
    public var style: FontStyle
    public var size: Double
    public var color: Color
    public var features: [String]
    /// BCP 47 tag for language-specific shaping and line breaking.
    public var language: String?
    /// Line pitch as a multiple of `size`.
    public var lineSpacing: Double

    public init(
        family: String = "Noto Sans", style: FontStyle = .regular, size: Double = 10, color: Color = .black,
        features: [String] = [], language: String? = nil, lineSpacing: Double = 1.2
    ) {
        self.family = family
        self.style = style
        self.size = size
        self.color = color
        self.features = features
        self.language = language
        self.lineSpacing = lineSpacing
    }

    public func with(_ change: (inout TextStyle) -> Void) -> TextStyle {
        var copy = self
        change(&copy)
        return copy
    }
}

/// A piece of a paragraph in one style.
public struct TextSpan: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    public init(_ text: String, style: TextStyle) {
        self.text = text
        self.style = style
    }
}

/// Horizontal placement of lines.
public enum TextAlignment: Hashable, Sendable {
    /// Left in left-to-right paragraphs, right in right-to-left ones.
    case start
    case end
    case left
    case right
    case center
    /// Both edges flush; the last line is set at `start`.
    case justified
}

/// How lines are chosen.
public enum LineBreaking: Hashable, Sendable {
    /// Knuth–Plass total fit: the breaks that minimise the demerits of the whole paragraph.
    case totalFit
    /// First fit: each line takes as many words as fit.
    case greedy
}

/// Paragraph-wide settings.
public struct ParagraphStyle: Hashable, Sendable {
    public var alignment: TextAlignment
    public var direction: TextDirection
    public var breaking: LineBreaking
    public var firstLineIndent: Double
    /// Largest adjustment ratio accepted by total-fit breaking before it falls back to first fit.
    public var tolerance: Double

    public init(
        alignment: TextAlignment = .start, direction: TextDirection = .auto, breaking: LineBreaking = .totalFit,
        firstLineIndent: Double = 0, tolerance: Double = 3
    ) {
        self.alignment = alignment
        self.direction = direction
        self.breaking = breaking
        self.firstLineIndent = firstLineIndent
        self.tolerance = tolerance
    }
}

/// Text to be set: spans in logical order and a paragraph style. A `\n` forces a new line.
///
/// ```swift
/// let note = Paragraph("Paiement à 30 jours.", style: TextStyle(size: 8), paragraph: ParagraphStyle(alignment: .justified))
/// ```
public struct Paragraph: Hashable, Sendable {
    public var spans: [TextSpan]
    public var style: ParagraphStyle

    public init(spans: [TextSpan], style: ParagraphStyle = ParagraphStyle()) {
        self.spans = spans
        self.style = style
    }

    public init(_ text: String, style: TextStyle = TextStyle(), paragraph: ParagraphStyle = ParagraphStyle()) {
        self.init(spans: [TextSpan(text, style: style)], style: paragraph)
    }

    public var text: String { spans.map(\.text).joined() }
}
