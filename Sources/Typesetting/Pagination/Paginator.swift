import PageFrames

/// Flows blocks onto pages of a ``PageTemplate`` and hands each finished page to a sink, so memory
/// does not grow with the page count.
///
/// "Page X of Y": the flow is laid out once into a buffer of page bodies; when the document ends
/// within the buffer (every ordinary invoice, and a 1,000-shipment one at about 45 pages), the total
/// is known and the buffered pages are emitted with their headers and footers — one layout. Longer
/// documents drop the buffer, finish a counting pass, and lay out again while emitting: flat memory,
/// and the second pass finds most paragraphs already set in the typesetter's memo. Headers and
/// footers are made at emission, in bands of fixed height, so the count never moves the body.
/// Past ``unpackedPageLimit`` held pages, their items are packed into bytes (``HeldPageBody``): the
/// 44 pages of a 1,000-shipment invoice then hold 3 MB instead of 8, for about 5 % of its layout
/// time — far less than a second layout of every page.
///
/// ```swift
/// let template = PageTemplate(
///     size: .a4, margins: EdgeInsets(all: 40),
///     header: PageRegion(height: 12) { page in .text(page.isFirst ? "Invoice 123" : "Invoice 123 — continued") },
///     footer: PageRegion(height: 12, usesPageCount: true) { page in
///         .text("Page \(page.number) of \(page.count!)", paragraph: ParagraphStyle(alignment: .end))
///     })
/// let paginator = Paginator(typesetter: try .bundled(), template: template)
/// let writer = try PDFWriter(registry: paginator.typesetter.registry, metadata: DocumentMetadata())
/// try paginator.paginate([.table(table)]) { page in try writer.add(page) }
/// ```
public struct Paginator: Sendable {
    public let typesetter: Typesetter
    public let template: PageTemplate
    /// Pages held back while the total is not yet known.
    public var bufferedPages: Int
    /// Pages held as they were laid out; past this many, held pages are packed (``HeldPageBody``).
    static let unpackedPageLimit = 8
    /// Called with the page number each time a page body is laid out, in the counting pass too, so
    /// a caller can stop a runaway document (page limit, deadline, cancellation) by throwing —
    /// the sink alone would hear nothing until a long counting pass ends.
    public var checkpoint: (@Sendable (_ pageNumber: Int) throws -> Void)?

    public init(
        typesetter: Typesetter, template: PageTemplate, bufferedPages: Int = 64,
        checkpoint: (@Sendable (_ pageNumber: Int) throws -> Void)? = nil
    ) {
        self.typesetter = typesetter
        self.template = template
        self.bufferedPages = bufferedPages
        self.checkpoint = checkpoint
    }

    /// Lays out `content` and calls `sink` with each page in order; returns the page count.
    @discardableResult
    public func paginate(_ content: [Block], into sink: (Page) throws -> Void) throws -> Int {
        try withoutActuallyEscaping(sink) { sink in try paginateEscaping(content, sink: sink) }
    }

    private func paginateEscaping(_ content: [Block], sink: @escaping (Page) throws -> Void) throws -> Int {
        guard template.countsPages else {
            return try flow(content) { body in try sink(decorate(body, count: nil)) }
        }
        var buffer: [HeldPageBody] = []
        var overflowed = false
        let count = try flow(content) { body in
            guard !overflowed else { return }
            buffer.append(.laidOut(body))
            if buffer.count > bufferedPages {
                overflowed = true
                buffer = []
            } else if buffer.count > Self.unpackedPageLimit {
                for index in buffer.indices { buffer[index].pack() }
            }
        }
        if !overflowed {
            for held in buffer { try sink(decorate(held.body, count: count)) }
            return count
        }
        let emitted = try flow(content) { body in try sink(decorate(body, count: count)) }
        assert(emitted == count, "layout is deterministic")
        return emitted
    }

    /// Every page in memory: for tests and short documents.
    public func pages(_ content: [Block]) throws -> [Page] {
        var pages: [Page] = []
        try paginate(content) { pages.append($0) }
        return pages
    }

    private var layouter: BlockLayouter { BlockLayouter(typesetter: typesetter) }

    private func flow(_ content: [Block], emit: @escaping (PageBody) throws -> Void) throws -> Int {
        let checkpoint = self.checkpoint
        let placer = try FlowPlacer(template: template) { body in
            try checkpoint?(body.number)
            try emit(body)
        }
        try feed(StructureKeys.assigned(to: content), spacing: 0, owner: nil, enclosing: [], into: placer)
        return try placer.finish()
    }

    /// Top-level stacks are flattened so the tables in them stream row by row.
    private func feed(_ blocks: [Block], spacing: Double, owner: String?, enclosing: [StructureElement], into placer: FlowPlacer) throws {
        for (index, block) in blocks.enumerated() {
            if index > 0, spacing > 0 {
                let slice = LayoutSlice(
                    height: spacing, breakAfter: placer.isHoldingUnit ? .avoid : .allowed, discardableAtPageTop: true, owner: owner ?? "stack")
                try placer.add([slice])
            }
            try feed(block, owner: owner, enclosing: enclosing, into: placer)
        }
    }

    /// `enclosing`: tagged blocks the flow is inside (outermost first), put around every slice
    /// fed, so a tagged section still streams its tables row by row.
    private func feed(_ block: Block, owner: String?, enclosing: [StructureElement], into placer: FlowPlacer) throws {
        switch block {
        case .stack(let children, let spacing):
            try feed(children, spacing: spacing, owner: owner, enclosing: enclosing, into: placer)
        case .named(let name, let content):
            try feed(content, owner: name, enclosing: enclosing, into: placer)
        case .tagged(let element, let content):
            try feed(content, owner: owner, enclosing: enclosing + [element], into: placer)
        case .table(let table):
            try feedTable(table, owner: owner ?? "table", enclosing: enclosing, into: placer)
        case .formGrid(let grid) where grid.lineItems != nil:
            try feedForm(grid, owner: owner ?? "form grid", enclosing: enclosing, into: placer)
        default:
            var slices = try layouter.layout(block, width: placer.bodyWidth, owner: owner ?? block.kindDescription).slices
            slices.enclose(in: enclosing)
            try placer.add(slices)
        }
    }

    /// Streams a table: one row laid out, placed, and forgotten at a time.
    private func feedTable(_ table: Table, owner: String, enclosing: [StructureElement], into placer: FlowPlacer) throws {
        // A table keeps one set of column widths: those that fit this page and the following ones.
        let width = min(placer.bodyWidth, template.body(ofPage: placer.pageNumber + 1).width)
        var rows = try TableLayouter(layouter: layouter, table: table, width: width, owner: owner)
        rows.enclosing = enclosing
        let flow = try TableFlow(layouter: rows)
        placer.upcomingTable = flow
        try placer.add([LayoutSlice(height: 0, breakAfter: .avoid, owner: owner, events: [.tableStart])] + flow.header)
        let count = table.rows.count
        for index in 0..<count {
            let row = rows.bodyRow(index)
            if table.subtotals != nil { flow.inFlight[index] = row }
            var slices = try rows.rowSlices(row, kind: .body(index: index))
            if index == count - 1, let last = slices.indices.last {
                if table.footer.isEmpty { slices[last].events.append(.tableEnd) } else { slices[last].breakAfter = .avoid }
            } else if row.keepWithNext, let last = slices.indices.last, slices[last].breakAfter != .forced {
                slices[last].breakAfter = .avoid
            }
            try placer.add(slices)
        }
        var footer: [LayoutSlice] = []
        for (index, row) in table.footer.enumerated() { footer += try rows.rowSlices(row, kind: .footer(index: index)) }
        if count == 0 || !table.footer.isEmpty {
            footer.append(LayoutSlice(height: 0, owner: owner, events: [.tableEnd]))
        }
        for index in footer.indices.dropLast() { footer[index].breakAfter = .avoid }
        try placer.add(footer)
    }

    /// A form: the grid, then its line items flowing into their area and on to continuation sheets.
    private func feedForm(_ grid: FormGrid, owner: String, enclosing: [StructureElement], into placer: FlowPlacer) throws {
        guard let lineItems = grid.lineItems else { return }
        let slices = try grid.layout(width: placer.bodyWidth, owner: owner, layouter: layouter, includingLineItems: false).slices
        try placer.add(slices.map { slice in
            var slice = slice
            slice.breakAfter = .allowed
            slice.enclose(in: enclosing)
            return slice
        })
        let origin = Point(x: placer.bodyLeft, y: placer.lastPlacedTop)
        let gridPage = placer.pageNumber
        let header = try layouter.layout(lineItems.continuationHeader, width: template.body(ofPage: gridPage + 1).width, owner: owner).slices
        let area = Rect(
            x: origin.x + lineItems.frame.minX, y: origin.y + lineItems.frame.minY, width: lineItems.frame.width, height: lineItems.frame.height)
        try placer.beginRegion(area, continuationHeader: header)
        try feedTable(lineItems.table, owner: owner, enclosing: enclosing, into: placer)
        try placer.endRegion(resumingBelow: placer.pageNumber == gridPage ? origin.y + grid.size.height : nil)
    }

    /// The page with its header and footer, made now that the page number (and count) is known.
    private func decorate(_ body: PageBody, count: Int?) throws -> Page {
        let layout = template.layout(ofPage: body.number)
        let info = PageInfo(number: body.number, count: count, firstMark: body.firstMark, lastMark: body.lastMark)
        var items = body.items
        let width = template.size.width - layout.margins.horizontal
        if let header = layout.header {
            let frames = try region(header, info: info, width: width, top: layout.margins.top, name: "page header")
            items += Self.artifact(frames, .header)
        }
        if let footer = layout.footer {
            let frames = try region(footer, info: info, width: width, top: template.size.height - layout.margins.bottom - footer.height, name: "page footer")
            items += Self.artifact(frames, .footer)
        }
        return Page(size: template.size, items: items, outline: body.outline)
    }

    /// Running headers and footers are read once from the document, not on every page.
    private static func artifact(_ items: [FrameItem], _ kind: ArtifactKind.PaginationArtifact) -> [FrameItem] {
        guard !items.isEmpty else { return [] }
        return [.structure(.beginArtifact(.pagination(kind)))] + items + [.structure(.end)]
    }

    private func region(_ region: PageRegion, info: PageInfo, width: Double, top: Double, name: String) throws -> [FrameItem] {
        let block = region.content(info)
        let set = try layouter.layout(block, width: width, owner: block.name ?? name)
        guard set.height <= region.height + BlockLayout.tolerance else {
            throw LayoutError(.doesNotFit, block: block.name ?? name, reason: "\(set.height) pt of content in a \(region.height) pt band on page \(info.number)")
        }
        return set.frames(at: Point(x: template.layout(ofPage: info.number).margins.left, y: top))
    }
}
