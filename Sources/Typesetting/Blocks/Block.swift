import PageFrames

/// A piece of document content for the block layer: what templates build and the ``Paginator``
/// flows onto pages.
///
/// ```swift
/// let block: Block = .stack([
///     .keepWithNext(.paragraph(Paragraph("Shipments", style: TextStyle(style: .bold, size: 12)))),
///     .table(shipments),
///     .keepTogether(.box(.paragraph(Paragraph(terms)), BoxStyle(padding: EdgeInsets(all: 6), border: .black))),
/// ], spacing: 8)
/// ```
public indirect enum Block: Sendable {
    /// A paragraph; `lines` sets widow/orphan control.
    case paragraph(Paragraph, lines: LineKeeping = LineKeeping())
    /// Children one under the other, `spacing` points apart (spacing vanishes at a page top).
    case stack([Block], spacing: Double = 0)
    /// Children side by side with fixed, fractional or content-sized widths.
    case columns([Column], gap: Double = 0)
    /// Padding, background and border around a block.
    case box(Block, BoxStyle)
    /// Empty vertical space.
    case spacer(Double)
    /// Ends the page.
    case pageBreak
    /// Moves to the next page rather than split (split only if taller than a whole page).
    case keepTogether(Block)
    /// Never ends a page right after this block.
    case keepWithNext(Block)
    /// A table; at the top level of the flow its header repeats on every page.
    case table(Table)
    /// A PNG or JPEG image scaled into a box.
    case image(ImageBlock)
    /// A Code 128 or QR barcode.
    case barcode(Barcode)
    /// Boxes on an absolute grid (official forms).
    case formGrid(FormGrid)
    /// Makes the block's area open `uri` when clicked.
    case link(String, Block)
    /// A bookmark at this position of the flow.
    case bookmark(String, level: Int = 1)
    /// Running content: the page templates see the first and last mark of each page.
    case mark(String)
    /// A name used in errors about this block (e.g. "totals box").
    case named(String, Block)
    /// The block's logical role for tagged PDF: a heading, a figure with its alternate text, a
    /// division. Paragraphs outside any element become `P`, tables tag their own parts; keys are
    /// given by the paginator (``StructureKeys``), so templates leave them 0.
    case tagged(StructureElement, Block)

    /// Shorthand for a tagged block: `.tagged(.heading2, heading)`.
    public static func tagged(_ role: StructureRole, _ content: Block) -> Block {
        .tagged(StructureElement(role), content)
    }

    /// A figure with the alternate text a screen reader says instead of it.
    public static func figure(_ alternateText: String, _ content: Block) -> Block {
        .tagged(StructureElement(.figure, alternateText: alternateText), content)
    }

    /// Shorthand for a paragraph of plain text.
    public static func text(_ text: String, style: TextStyle = TextStyle(), paragraph: ParagraphStyle = ParagraphStyle()) -> Block {
        .paragraph(Paragraph(text, style: style, paragraph: paragraph))
    }
}

/// Widow and orphan control: the fewest lines of a paragraph left at the foot of a page (orphans)
/// or carried to the top of the next (widows).
public struct LineKeeping: Hashable, Sendable {
    public var orphans: Int
    public var widows: Int
    public init(orphans: Int = 2, widows: Int = 2) {
        self.orphans = orphans
        self.widows = widows
    }
    /// Any line may end a page.
    public static let none = LineKeeping(orphans: 1, widows: 1)
}
