import PageFrames

/// Flows blocks onto pages of a ``PageTemplate`` and hands each finished page to a sink, so memory
/// does not grow with the page count.
///
/// "Page X of Y": the flow is laid out once into a buffer of page bodies; when the document ends
/// within the buffer (every ordinary invoice, and a 1,000-shipment one at about 45 pages), the total
/// is known and the buffered pages are emitted with their headers and footers — one layout. Longer
/// documents go out as they are laid out when the output can fill content in later (a PDF): the
/// regions that show the count are ``FrameItem/deferred(_:)`` items, made once the count is known
/// (see ``paginate(_:into:deferred:)``) — one layout, flat memory. For an output that cannot (a
/// raster), they drop the buffer, finish a counting pass, and lay out again while emitting, the
/// second pass finding the paragraphs that recur in the typesetter's memo. Headers and footers are
/// made in bands of fixed height, so the count never moves the body.
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
    ///
    /// With `deferred`, a document longer than the buffer is laid out once: its pages go to `sink`
    /// as they are laid out, each header or footer that shows the page count standing as a
    /// ``FrameItem/deferred(_:)`` item, and once the count is known `deferred` receives each such
    /// region's items under the item's key (page coordinates, page order). Without it, such a
    /// document is laid out twice (a counting pass, then the pages); a backend that cannot fill
    /// content in later (a raster) passes none.
    @discardableResult
    public func paginate(
        _ content: [Block], into sink: (Page) throws -> Void, deferred: ((DeferredContent, [FrameItem]) throws -> Void)? = nil
    ) throws -> Int {
        try withoutActuallyEscaping(sink) { sink in
            guard let deferred else { return try paginateEscaping(content, sink: sink, deferred: nil) }
            return try withoutActuallyEscaping(deferred) { deferred in try paginateEscaping(content, sink: sink, deferred: deferred) }
        }
    }

    private func paginateEscaping(
        _ content: [Block], sink: @escaping (Page) throws -> Void, deferred: ((DeferredContent, [FrameItem]) throws -> Void)?
    ) throws -> Int {
        guard template.countsPages else {
            return try flow(content) { body in try sink(decorate(body, count: nil)) }
        }
        var buffer: [HeldPageBody] = []
        var overflowed = false
        // Once the buffer overflowed with a deferred sink: the marks of each page emitted, for the
        // regions made at the end.
        var emittedMarks: [(first: String?, last: String?)]?
        let count = try flow(content) { body in
            if emittedMarks != nil {
                emittedMarks!.append((body.firstMark, body.lastMark))
                return try sink(decorate(body, count: nil, deferringCount: true))
            }
            guard !overflowed else { return }
            buffer.append(.laidOut(body))
            if buffer.count > bufferedPages {
                if deferred != nil {
                    emittedMarks = []
                    try Self.release(&buffer) { body in
                        emittedMarks!.append((body.firstMark, body.lastMark))
                        try sink(decorate(body, count: nil, deferringCount: true))
                    }
                } else {
                    overflowed = true
                }
                buffer = []
            } else if buffer.count > Self.unpackedPageLimit {
                // Past the limit every held page is packed: all of them when it is crossed, then each new one.
                let first = buffer.count == Self.unpackedPageLimit + 1 ? 0 : buffer.count - 1
                for index in first..<buffer.count { buffer[index].pack() }
            }
        }
        if let emittedMarks, let deferred {
            for (index, marks) in emittedMarks.enumerated() {
                let info = PageInfo(number: index + 1, count: count, firstMark: marks.first, lastMark: marks.last)
                for (key, frames) in try countedRegions(info) { try deferred(key, frames) }
            }
            return count
        }
        if !overflowed {
            try Self.release(&buffer) { body in try sink(decorate(body, count: count)) }
            return count
        }
        let emitted = try flow(content) { body in try sink(decorate(body, count: count)) }
        assert(emitted == count, "layout is deterministic")
        return emitted
    }

    /// Hands the held pages over in order, each one dropped as it goes: the output they go to
    /// grows meanwhile, and the two need not be held at their largest together.
    private static func release(_ buffer: inout [HeldPageBody], to emit: (PageBody) throws -> Void) throws {
        buffer.reverse()
        while let held = buffer.popLast() { try emit(held.body) }
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

    /// The page with its header and footer, made now that the page number (and count) is known;
    /// with `deferringCount`, a region that shows the count is a ``FrameItem/deferred(_:)`` item
    /// instead, made by ``countedRegions(_:)`` once the count is known.
    private func decorate(_ body: PageBody, count: Int?, deferringCount: Bool = false) throws -> Page {
        let layout = template.layout(ofPage: body.number)
        let info = PageInfo(number: body.number, count: count, firstMark: body.firstMark, lastMark: body.lastMark)
        var items = body.items
        for (kind, band) in bands(of: layout) {
            if deferringCount && band.region.usesPageCount {
                items += [.structure(.beginArtifact(.pagination(kind))), .deferred(Self.deferredKey(page: body.number, kind)), .structure(.end)]
            } else {
                items += Self.artifact(try region(band.region, info: info, width: band.width, top: band.top, name: band.name), kind)
            }
        }
        return Page(size: template.size, items: items, outline: body.outline)
    }

    /// The frames of a page's regions that show the page count, under their deferred keys.
    private func countedRegions(_ info: PageInfo) throws -> [(DeferredContent, [FrameItem])] {
        try bands(of: template.layout(ofPage: info.number)).filter { $0.1.region.usesPageCount }.map { kind, band in
            (Self.deferredKey(page: info.number, kind), try region(band.region, info: info, width: band.width, top: band.top, name: band.name))
        }
    }

    private struct Band {
        var region: PageRegion
        var top: Double
        var width: Double
        var name: String
    }

    /// A layout's header and footer, in drawing order, with where they stand.
    private func bands(of layout: PageLayout) -> [(ArtifactKind.PaginationArtifact, Band)] {
        let width = template.size.width - layout.margins.horizontal
        var bands: [(ArtifactKind.PaginationArtifact, Band)] = []
        if let header = layout.header {
            bands.append((.header, Band(region: header, top: layout.margins.top, width: width, name: "page header")))
        }
        if let footer = layout.footer {
            let top = template.size.height - layout.margins.bottom - footer.height
            bands.append((.footer, Band(region: footer, top: top, width: width, name: "page footer")))
        }
        return bands
    }

    private static func deferredKey(page: Int, _ kind: ArtifactKind.PaginationArtifact) -> DeferredContent {
        DeferredContent(key: page * 2 + (kind == .header ? 0 : 1))
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
