import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Frame-level tests of tables on pages: no Cairo involved.
@Suite struct TablePaginationTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    static let small = TextStyle(size: 9)

    static func template(counting: Bool = true) -> PageTemplate {
        PageTemplate(
            size: .a4, margins: EdgeInsets(all: 40),
            header: PageRegion(height: 12) { page in
                .text(page.isFirst ? "Invoice 123" : "Invoice 123 — continued", style: small)
            },
            footer: PageRegion(height: 12, usesPageCount: counting) { page in
                .text("Page \(page.number) of \(page.count.map(String.init) ?? "?")", style: small, paragraph: ParagraphStyle(alignment: .end))
            })
    }

    static func amountTable(rows count: Int, subtotals: Bool = true) -> Table {
        Table(
            columns: [TableColumn(.auto), TableColumn(.fraction(1)), TableColumn(.fixed(90), alignment: .decimal(","))],
            header: [TableRow(texts: ["No.", "Shipment", "Amount"], style: TextStyle(style: .bold, size: 9))],
            rows: TableRows(count: count) { index in
                let cents = (index * 7919) % 100_000 + 1
                return TableRow(texts: ["\(index + 1)", "Row \(index + 1) parcel", formatCents(cents)], style: small, payload: cents)
            },
            footer: [TableRow(texts: ["", "Total", "—"], style: TextStyle(style: .bold, size: 9))],
            subtotals: subtotals
                ? CarriedSubtotals(
                    zero: 0, add: { total, row in total + (row.payload as? Int ?? 0) }, cells: { [2: formatCents($0)] },
                    carriedOutLabel: "À reporter", broughtForwardLabel: "Report", labelColumn: 1)
                : nil)
    }

    /// Pages held until the count is known are packed (HeldPageBody); a document past the buffer
    /// is laid out again and never held. Both must give the same frames, structure included.
    @Test func heldPagesAreThePagesLaidOut() throws {
        let prose = (1...60).map { "Ligne \($0) : acheminement, dédouanement, ﬁn de tournée — \($0 * 17) €." }.joined(separator: " ")
        let content: [Block] = [
            .tagged(StructureElement(.paragraph, key: 1), .text(prose, style: Self.small, paragraph: ParagraphStyle(alignment: .justified))),
            .tagged(StructureElement(.section, key: 2), .table(Self.amountTable(rows: 700))),
        ]
        let held = try Paginator(typesetter: typesetter, template: Self.template()).pages(content)
        let laidOutAgain = try Paginator(typesetter: typesetter, template: Self.template(), bufferedPages: 0).pages(content)
        #expect(held.count > Paginator.unpackedPageLimit && held.count <= 64)
        #expect(held == laidOutAgain)
        #expect(held.contains { $0.items.contains { if case .structure(.begin) = $0 { true } else { false } } })
    }

    /// Past the buffer, with a deferred sink, pages go out at once with their page-count footer
    /// deferred, and the footers come after: put back in place, they give the pages laid out with
    /// the count known (held in the buffer).
    @Test func deferredFootersAreTheFootersOfPagesLaidOutWithTheCount() throws {
        let content: [Block] = [.tagged(StructureElement(.section, key: 2), .table(Self.amountTable(rows: 400)))]
        let held = try Paginator(typesetter: typesetter, template: Self.template()).pages(content)
        var emitted: [Page] = []
        var filled: [DeferredContent: [FrameItem]] = [:]
        let count = try Paginator(typesetter: typesetter, template: Self.template(), bufferedPages: 3).paginate(content, into: { page in
            #expect(filled.isEmpty, "a footer came before every page went out")
            emitted.append(page)
        }, deferred: { content, items in
            #expect(filled.updateValue(items, forKey: content) == nil, "\(content) filled twice")
        })
        #expect(count == held.count && emitted.count == held.count && held.count > 4)
        #expect(filled.count == held.count)
        for (index, page) in emitted.enumerated() {
            let deferred = page.items.compactMap { item -> DeferredContent? in if case .deferred(let content) = item { content } else { nil } }
            #expect(deferred.count == 1, "page \(index + 1): one deferred footer")
            let completed = page.items.flatMap { item -> [FrameItem] in
                if case .deferred(let content) = item { return filled[content] ?? [] }
                return [item]
            }
            #expect(Page(size: page.size, items: completed, outline: page.outline) == held[index], "page \(index + 1)")
        }
        #expect(lines(of: Page(size: .a4, items: filled.values.first { _ in true } ?? [])).first?.hasPrefix("Page ") == true)
    }

    @Test func headerRowsRepeatOnEveryPage() throws {
        let pages = try Paginator(typesetter: typesetter, template: Self.template()).pages([.table(Self.amountTable(rows: 200))])
        #expect(pages.count > 2)
        for (number, page) in pages.enumerated() {
            let text = lines(of: page)
            #expect(text.contains("No. | Shipment | Amount"), "header missing on page \(number + 1)")
            // The header is the first body line, right under the page header.
            #expect(text.dropFirst().first == "No. | Shipment | Amount")
        }
    }

    @Test func carriedSubtotalsSumTheRowsOfEachPageAndChain() throws {
        let pages = try Paginator(typesetter: typesetter, template: Self.template()).pages([.table(Self.amountTable(rows: 300))])
        #expect(pages.count >= 3)
        var previousCarriedOut: Int?
        var rowsSeen = 0
        for (number, page) in pages.enumerated() {
            var carriedIn: Int?
            var carriedOut: Int?
            var pageSum = 0
            for line in lines(of: page) {
                let cells = line.components(separatedBy: " | ")
                if cells.first == "Report" { carriedIn = parseCents(cells.last!) }
                if cells.first == "À reporter" { carriedOut = parseCents(cells.last!) }
                if cells.count == 3, cells[1].hasPrefix("Row "), let cents = parseCents(cells[2]) {
                    pageSum += cents
                    rowsSeen += 1
                }
            }
            if number == 0 { #expect(carriedIn == nil) } else { #expect(carriedIn == previousCarriedOut, "page \(number + 1)") }
            if number == pages.count - 1 {
                #expect(carriedOut == nil)
            } else {
                #expect(carriedOut != nil)
                #expect(carriedOut == (carriedIn ?? 0) + pageSum, "page \(number + 1): carried-in + rows = carried-out")
            }
            previousCarriedOut = carriedOut
        }
        #expect(rowsSeen == 300)
    }

    @Test func pageXOfYIsRightOnAFortyPageTable() throws {
        let paginator = Paginator(typesetter: typesetter, template: Self.template())
        // Find how many rows fill a page, then ask for exactly 40 pages.
        let probe = try paginator.pages([.table(Self.amountTable(rows: 400, subtotals: false))])
        let rowsOn = probe.map { page in lines(of: page).filter { $0.contains("| Row ") }.count }
        let perPage = rowsOn[1]
        #expect(rowsOn.dropFirst().dropLast().allSatisfy { $0 == perPage }, "\(rowsOn)")
        let rows = rowsOn[0] + 38 * perPage + perPage / 2
        var numbers: [String] = []
        let count = try paginator.paginate([.table(Self.amountTable(rows: rows, subtotals: false))]) { page in
            numbers.append(lines(of: page).last ?? "")
        }
        #expect(count == 40)
        #expect(numbers == (1...40).map { "Page \($0) of 40" })
    }

    @Test func shortDocumentsKnowTheirPageCountWithoutASecondPass() throws {
        let pages = try Paginator(typesetter: typesetter, template: Self.template()).pages([.table(Self.amountTable(rows: 80))])
        #expect(pages.map { lines(of: $0).last } == (1...pages.count).map { "Page \($0) of \(pages.count)" })
    }

    @Test func aRowTallerThanAPageSplitsBetweenLines() throws {
        let tall = (1...150).map { "line \($0)" }.joined(separator: "\n")
        var table = Self.amountTable(rows: 3, subtotals: false)
        table.rows = TableRows([
            TableRow(texts: ["1", "short", "1,00"], style: Self.small),
            TableRow([TableCell("2", style: Self.small), TableCell(tall, style: Self.small), TableCell("2,00", style: Self.small)]),
            TableRow(texts: ["3", "after", "3,00"], style: Self.small),
        ])
        let pages = try Paginator(typesetter: typesetter, template: Self.template()).pages([.table(table)])
        #expect(pages.count >= 2)
        let all = pages.flatMap { lines(of: $0) }
        for number in 1...150 { #expect(all.contains { $0.hasSuffix("line \(number)") || $0.contains("line \(number) ") || $0.contains("| line \(number)") }) }
        // Every line appears exactly once, in order, with the header on each page.
        let seen = all.compactMap { line -> Int? in
            guard let range = line.range(of: "line ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(seen == Array(1...150))
        for page in pages { #expect(lines(of: page).contains("No. | Shipment | Amount")) }
        // The split row starts on the first page, right under the first row.
        #expect(lines(of: pages[0]).contains { $0.contains("line 1") })
    }

    @Test func rowsThatDoNotFitMoveWholeToTheNextPage() throws {
        let pages = try Paginator(typesetter: typesetter, template: Self.template()).pages([.table(Self.amountTable(rows: 200))])
        // No body row has its number on one page and its text on another: each line is a full row.
        for page in pages {
            for line in lines(of: page) where line.contains("| Row ") {
                #expect(line.components(separatedBy: " | ").count == 3, "\(line)")
            }
        }
    }

    @Test func decimalSeparatorsLineUp() throws {
        let table = Table(
            columns: [TableColumn(.fixed(100), alignment: .decimal(","))],
            rows: TableRows(["1,5", "12 345,75", "7", "0,125"].map { TableRow(texts: [$0], style: Self.small) }))
        let layout = try BlockLayouter(typesetter: typesetter).layout(.table(table), width: 300)
        let runs = layout.frames(at: .zero).compactMap { item -> GlyphRun? in
            if case .glyphs(let run) = item { return run }
            return nil
        }
        var separatorX: [Double] = []
        for run in runs {
            guard let offset = Array(run.text.utf8).firstIndex(of: UInt8(ascii: ",")) else { continue }
            var bytes = 0, glyph = 0
            for cluster in run.clusters where bytes < offset {
                bytes += Int(cluster.byteCount)
                glyph += Int(cluster.glyphCount)
            }
            separatorX.append(run.origin.x + run.glyphs[glyph].x)
        }
        #expect(separatorX.count == 3)
        for x in separatorX { #expect(abs(x - separatorX[0]) < 0.01) }
        // "7" has no separator: its end sits where the separators are.
        let seven = runs.first { $0.text == "7" }!
        #expect(abs(seven.origin.x + seven.width - separatorX[0]) < 0.01)
    }

    @Test func rightToLeftTablesMirrorTheColumns() throws {
        let table = Table(
            columns: [TableColumn(.fixed(100)), TableColumn(.fixed(100))],
            rows: TableRows([TableRow(texts: ["first", "second"], style: Self.small)]), direction: .rightToLeft)
        let layout = try BlockLayouter(typesetter: typesetter).layout(.table(table), width: 200)
        let runs = layout.frames(at: .zero).compactMap { item -> GlyphRun? in
            if case .glyphs(let run) = item { return run }
            return nil
        }
        let first = runs.first { $0.text == "first" }!
        let second = runs.first { $0.text == "second" }!
        #expect(first.origin.x > 100)
        #expect(second.origin.x < 100)

        // Amounts stay left to right: one run, digits in reading order.
        let amounts = Table(
            columns: [TableColumn(.fixed(100)), TableColumn(.fixed(100), alignment: .decimal(","))],
            rows: TableRows([TableRow(texts: ["شحن", "1 250,00"], style: Self.small)]), direction: .rightToLeft)
        let set = try BlockLayouter(typesetter: typesetter).layout(.table(amounts), width: 200)
        let amountRuns = set.frames(at: .zero).compactMap { item -> GlyphRun? in
            if case .glyphs(let run) = item, !run.clustersBackward { return run }
            return nil
        }
        #expect(amountRuns.map(\.text) == ["1 250,00"])
        #expect(amountRuns[0].origin.x < 100)
    }

    @Test func cellsSpanColumns() throws {
        let table = Table(
            columns: [TableColumn(.fixed(60)), TableColumn(.fixed(60)), TableColumn(.fixed(60))],
            rows: TableRows([
                TableRow([TableCell("a wide cell spanning two columns", style: Self.small, columnSpan: 2), TableCell("c", style: Self.small)]),
            ]))
        let layout = try BlockLayouter(typesetter: typesetter).layout(.table(table), width: 180)
        // 120 pt wide: the text needs fewer lines than in 60 pt.
        #expect(layout.frames(at: .zero).contains { if case .glyphs(let run) = $0 { run.text.hasPrefix("a wide cell") } else { false } })
        #expect(throws: LayoutError.self) {
            var broken = table
            broken.rows = TableRows([TableRow([TableCell("x", columnSpan: 3), TableCell("y")])])
            _ = try BlockLayouter(typesetter: typesetter).layout(.table(broken), width: 180)
        }
    }

    @Test func aHeadingKeptWithATableMovesWithItsHeaderAndFirstRow() throws {
        let template = PageTemplate(size: Size(width: 400, height: 300), margins: EdgeInsets(all: 20))
        let heading = Block.keepWithNext(.text("Shipments", style: TextStyle(style: .bold, size: 12)))
        let pages = try Paginator(typesetter: typesetter, template: template)
            .pages([.spacer(240), heading, .table(Self.amountTable(rows: 5, subtotals: false))])
        #expect(lines(of: pages[0]).isEmpty)
        #expect(Array(lines(of: pages[1]).prefix(3)) == ["Shipments", "No. | Shipment | Amount", "1 | Row 1 parcel | 0,01"])
    }

    @Test func cellsAlignAtTheirEndOrCentre() throws {
        let table = Table(
            columns: [TableColumn(.fixed(100), alignment: .end), TableColumn(.fixed(100), alignment: .center)],
            rows: TableRows([TableRow(texts: ["end", "centre"], style: Self.small)]), style: TableStyle(cellPadding: EdgeInsets()))
        let layout = try BlockLayouter(typesetter: typesetter).layout(.table(table), width: 200)
        var runs: [String: GlyphRun] = [:]
        for case .glyphs(let run) in layout.frames(at: .zero) { runs[run.text] = run }
        #expect(abs(runs["end"]!.origin.x + runs["end"]!.width - 100) < 0.01)
        let centre = runs["centre"]!
        #expect(abs((centre.origin.x + centre.width / 2) - 150) < 0.01)
    }

    @Test func aTableHeaderIsNeverLeftAloneAtThePageFoot() throws {
        let template = PageTemplate(size: Size(width: 400, height: 300), margins: EdgeInsets(all: 20))
        let tall = (1...40).map { "line \($0)" }.joined(separator: "\n")
        var table = Self.amountTable(rows: 1, subtotals: false)
        table.rows = TableRows([TableRow([TableCell("1", style: Self.small), TableCell(tall, style: Self.small), TableCell("1,00", style: Self.small)])])
        // 20 pt left: the header (about 15 pt) would fit, not with the row's first line.
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.spacer(240), .table(table)])
        #expect(lines(of: pages[0]).isEmpty)
        #expect(Array(lines(of: pages[1]).prefix(2)) == ["No. | Shipment | Amount", "1 | line 1 | 1,00"])
        // With room for a few lines the row starts at once and continues under a repeated header.
        let early = try Paginator(typesetter: typesetter, template: template).pages([.spacer(180), .table(table)])
        #expect(Array(lines(of: early[0]).prefix(2)) == ["No. | Shipment | Amount", "1 | line 1 | 1,00"])
        #expect(lines(of: early[1]).first == "No. | Shipment | Amount")
    }

    @Test func pagesReachTheSinkWhileLaterRowsAreNotYetMade() throws {
        // `@unchecked Sendable`: the row closure must be Sendable, and the paginator calls it on
        // this test's thread only, as it calls the sink.
        final class Counter: @unchecked Sendable {
            var requests = 0
        }
        let counter = Counter()
        var table = Self.amountTable(rows: 2000, subtotals: false)
        let rows = table.rows
        table.rows = TableRows(count: rows.count) { index in
            counter.requests += 1
            return rows[index]
        }
        table.style.sampleRows = 10
        var requestsAtFirstPage: Int?
        let count = try Paginator(typesetter: typesetter, template: Self.template(counting: false)).paginate([.table(table)]) { _ in
            if requestsAtFirstPage == nil { requestsAtFirstPage = counter.requests }
        }
        // Page 1 (about 45 rows) is emitted after 30 sampled rows and the rows it holds, long
        // before row 2000 is made: memory does not depend on the row count. The sampled rows are
        // kept and laid out as they are, so each row is made exactly once.
        #expect(count > 40)
        #expect(try #require(requestsAtFirstPage) < 100)
        #expect(counter.requests == 2000)
    }
}
