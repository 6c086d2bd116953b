import PageFrames

/// Boxes placed on an absolute grid, as on official forms (CBP 7501, CBSA B3): each box has a
/// number, a caption and a value. An optional line-item area takes a table whose rows continue on
/// continuation sheets, each with its own header, when they do not fit the area.
///
/// Text that does not fit its box shrinks (down to the box's minimum size), then wraps; if it still
/// does not fit, layout fails with an error naming the box. Nothing is clipped.
///
/// ```swift
/// let grid = FormGrid(size: Size(width: 540, height: 300), boxes: [
///     FormBox(number: "1", caption: "Filer code/Entry number", value: "ABC-1234567-8", frame: Rect(x: 0, y: 0, width: 180, height: 28)),
///     FormBox(number: "2", caption: "Entry type", value: "01 ABI/A", frame: Rect(x: 180, y: 0, width: 90, height: 28)),
/// ], lineItems: LineItemArea(frame: Rect(x: 0, y: 120, width: 540, height: 180), table: items,
///                            continuationHeader: .text("CBP Form 7501 — continuation sheet")))
/// ```
public struct FormGrid: Sendable {
    public var size: Size
    public var boxes: [FormBox]
    /// Where line items go on the first sheet; they continue on continuation sheets.
    public var lineItems: LineItemArea?

    public init(size: Size, boxes: [FormBox], lineItems: LineItemArea? = nil) {
        self.size = size
        self.boxes = boxes
        self.lineItems = lineItems
    }

    /// The grid as one unbreakable slice. Nested in another block, line items must fit their area;
    /// at the top level of the flow the paginator flows them (`includingLineItems: false`).
    func layout(width: Double, owner: String, layouter: BlockLayouter, includingLineItems: Bool = true) throws -> BlockLayout {
        guard size.width <= width + BlockLayout.tolerance || !width.isFinite else {
            throw LayoutError(.doesNotFit, block: owner, reason: "the form grid is \(size.width) pt wide; \(width) pt available")
        }
        var items: [FrameItem] = []
        for box in boxes { items += try box.frames(layouter: layouter) }
        if includingLineItems, let lineItems {
            let table = try TableLayouter(layouter: layouter, table: lineItems.table, width: lineItems.frame.width, owner: owner).wholeTable()
            guard table.height <= lineItems.frame.height + BlockLayout.tolerance else {
                throw LayoutError(
                    .doesNotFit, block: owner,
                    reason: "line items need \(Int(table.height.rounded(.up))) pt in a \(Int(lineItems.frame.height)) pt area; continuation sheets need the form at the top level of the flow")
            }
            items += table.frames(at: lineItems.frame.origin)
        }
        return BlockLayout(width: size.width, slices: [LayoutSlice(height: size.height, items: items, owner: owner)])
    }
}

/// One numbered box of a form.
public struct FormBox: Sendable {
    public var number: String
    public var caption: String
    public var value: String
    /// Position and size relative to the grid's top-left corner.
    public var frame: Rect
    public var valueStyle: TextStyle
    public var captionStyle: TextStyle
    /// Smallest size the value may shrink to before it wraps.
    public var minimumSize: Double
    public var alignment: TextAlignment
    public var padding: Double
    public var border: Color?

    public init(
        number: String, caption: String, value: String, frame: Rect, valueStyle: TextStyle = TextStyle(size: 9),
        captionStyle: TextStyle = TextStyle(size: 5.5, color: Color(gray: 0.3)), minimumSize: Double = 6,
        alignment: TextAlignment = .start, padding: Double = 2, border: Color? = .black
    ) {
        self.number = number
        self.caption = caption
        self.value = value
        self.frame = frame
        self.valueStyle = valueStyle
        self.captionStyle = captionStyle
        self.minimumSize = minimumSize
        self.alignment = alignment
        self.padding = padding
        self.border = border
    }

    var name: String { "box \(number) “\(caption)”" }

    /// Border, "number caption" at the top, the value under it at the largest size that fits.
    func frames(layouter: BlockLayouter) throws -> [FrameItem] {
        var items: [FrameItem] = []
        if let border { items.append(.rectangle(FilledRectangle(rect: frame, stroke: border, strokeWidth: 0.5))) }
        let inner = frame.width - 2 * padding
        let label = Paragraph("\(number)  \(caption)", style: captionStyle)
        let labelLayout = layouter.typesetter.layout(label, width: inner)
        let labelHeight = labelLayout.lines.first?.height ?? 0
        // The caption is set on one line; one that needs two is an error, not clipped.
        guard labelLayout.lines.count <= 1 else {
            throw LayoutError(.textDoesNotFitBox, block: name, reason: "the caption needs \(labelLayout.lines.count) lines in a \(frame.width) pt wide box")
        }
        items += labelLayout.frames(at: Point(x: frame.minX + padding, y: frame.minY + padding))
        guard !value.isEmpty else { return items }
        let available = Size(width: inner, height: frame.height - 2 * padding - labelHeight)
        let fitted = try fit(available: available, layouter: layouter)
        items += fitted.frames(at: Point(x: frame.minX + padding, y: frame.minY + padding + labelHeight))
        return items
    }

    /// One line at the value's size, else one line shrunk (not below the minimum), else wrapped at
    /// the largest size from the value's size down to the minimum, else an error naming the box.
    func fit(available: Size, layouter: BlockLayouter) throws -> ParagraphLayout {
        let typesetter = layouter.typesetter
        func paragraph(_ size: Double) -> Paragraph {
            Paragraph(value, style: valueStyle.with { $0.size = size }, paragraph: ParagraphStyle(alignment: alignment))
        }
        func fits(_ layout: ParagraphLayout) -> Bool {
            layout.width <= available.width + BlockLayout.tolerance && layout.height <= available.height + BlockLayout.tolerance
        }
        let natural = typesetter.layout(paragraph(valueStyle.size), width: .infinity)
        if natural.lines.count == 1, fits(natural) { return typesetter.layout(paragraph(valueStyle.size), width: available.width) }
        // Width scales with the size: the size that makes the line fit, rounded down to 0.1 pt.
        if natural.lines.count == 1, natural.width > 0 {
            let shrunk = (valueStyle.size * available.width / natural.width * 10).rounded(.down) / 10
            if shrunk >= minimumSize {
                let layout = typesetter.layout(paragraph(shrunk), width: available.width)
                if layout.lines.count == 1, fits(layout) { return layout }
            }
        }
        var size = valueStyle.size
        while size >= minimumSize - 1e-9 {
            let layout = typesetter.layout(paragraph(size), width: available.width)
            if fits(layout) { return layout }
            size -= 0.5
        }
        throw LayoutError(
            .textDoesNotFitBox, block: name,
            reason: "“\(value.prefix(60))” does not fit \(Int(available.width))×\(Int(available.height)) pt even at \(minimumSize) pt, wrapped")
    }
}

/// The line-item area of a form and how it continues.
public struct LineItemArea: Sendable {
    /// Relative to the grid's top-left corner, on the first sheet.
    public var frame: Rect
    public var table: Table
    /// Heads every continuation sheet (e.g. "Continuation sheet — entry 123"), above the table's
    /// repeated header.
    public var continuationHeader: Block

    public init(frame: Rect, table: Table, continuationHeader: Block) {
        self.frame = frame
        self.table = table
        self.continuationHeader = continuationHeader
    }
}
