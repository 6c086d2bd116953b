import PageFrames

/// How wide a column (of ``Block/columns(_:gap:)`` or of a ``Table``) is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many points.
    case fixed(Double)
    /// A share of the width left after fixed and content-sized columns (`.fraction(2)` is twice `.fraction(1)`).
    case fraction(Double)
    /// The natural width of the content (for tables: of the header, footer and first rows).
    case auto
}

/// One column of ``Block/columns(_:gap:)``.
public struct Column: Sendable {
    public var width: ColumnWidth
    public var content: Block
    public init(_ width: ColumnWidth, _ content: Block) {
        self.width = width
        self.content = content
    }
}
