import PageFrames

/// Whether a page may end after a slice.
public enum BreakRule: Hashable, Sendable {
    /// A page may end here.
    case allowed
    /// Keep with the next slice unless the group is taller than an empty page (then it is split
    /// anyway, between slices, so pagination always progresses).
    case avoid
    /// The page must end here (explicit page break).
    case forced
}

/// Things pagination must know about a slice besides its size (table bookkeeping, running marks).
enum FlowEvent: Hashable, Sendable {
    /// The first slice of a top-level table: from here the table's page hooks are active.
    case tableStart
    /// The first slice of the body row with this index.
    case tableRow(Int)
    /// The last slice of a top-level table.
    case tableEnd
    /// Running content for page templates (``Block/mark(_:)``).
    case mark(String)
}

/// An unbreakable horizontal strip of laid-out content: a line of a paragraph, a table row's line,
/// an image. Items are relative to the slice's top-left corner.
public struct LayoutSlice: Sendable {
    public var height: Double
    public var items: [FrameItem]
    public var outline: [OutlineEntry]
    /// Whether a page may end after this slice.
    public var breakAfter: BreakRule
    /// Space that disappears when it would start a page (spacing between blocks).
    public var discardableAtPageTop: Bool
    /// Name of the innermost named block, for errors.
    var owner: String
    var events: [FlowEvent]

    /// Room a slice's items are made with for what encloses them later (structure markers for a
    /// cell, its row, section and table; a row's background and rule), so that enclosing moves
    /// them within their buffer instead of into a larger one at each level.
    static let enclosureRoom = 12

    init(
        height: Double, items: [FrameItem] = [], outline: [OutlineEntry] = [], breakAfter: BreakRule = .allowed,
        discardableAtPageTop: Bool = false, owner: String, events: [FlowEvent] = []
    ) {
        self.height = height
        self.items = items
        self.outline = outline
        self.breakAfter = breakAfter
        self.discardableAtPageTop = discardableAtPageTop
        self.owner = owner
        self.events = events
    }
}
