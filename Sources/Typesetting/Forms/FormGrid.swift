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
    /// Tells the grid's division apart from its siblings in the structure tree (set by ``StructureKeys``).
    public var structureKey = 0

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
        for (index, box) in boxes.enumerated() {
            items.append(.structure(.begin(StructureElement(.division, key: index))))
            items += try box.frames(layouter: layouter)
            items.append(.structure(.end))
        }
        if includingLineItems, let lineItems {
            let table = try TableLayouter(layouter: layouter, table: lineItems.table, width: lineItems.frame.width, owner: owner).wholeTable()
            guard table.height <= lineItems.frame.height + BlockLayout.tolerance else {
                throw LayoutError(
                    .doesNotFit, block: owner,
                    reason: "line items need \(Int(table.height.rounded(.up))) pt in a \(Int(lineItems.frame.height)) pt area; continuation sheets need the form at the top level of the flow")
            }
            items += table.frames(at: lineItems.frame.origin)
        }
        var slice = LayoutSlice(height: size.height, items: items, owner: owner)
        slice.enclose(in: .begin(StructureElement(.division, key: structureKey)))
        return BlockLayout(width: size.width, slices: [slice])
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
