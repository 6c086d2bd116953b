import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Blocks in the page flow: keeps, breaks, widows and orphans, progress.
@Suite struct BlockPaginationTests {
    let typesetter: Typesetter
    /// A5-ish body 400 pt high, no header or footer.
    let template = PageTemplate(size: Size(width: 400, height: 480), margins: EdgeInsets(all: 40))

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func paragraph(_ label: String, lines count: Int) -> Block {
        .paragraph(Paragraph((1...count).map { "\(label) \($0)" }.joined(separator: "\n"), style: TextStyle(size: 10)))
    }

    func pageOf(_ text: String, in pages: [Page]) -> Int? {
        pages.firstIndex { page in lines(of: page).contains(text) }.map { $0 + 1 }
    }

    @Test func keepTogetherMovesABlockToTheNextPage() throws {
        let group = Block.stack([paragraph("kept", lines: 5), paragraph("also", lines: 2)])
        let filler = Block.spacer(330)
        let loose = try Paginator(typesetter: typesetter, template: template).pages([filler, group])
        #expect(pageOf("kept 1", in: loose) == 1)
        #expect(pageOf("also 2", in: loose) == 2)

        let kept = try Paginator(typesetter: typesetter, template: template).pages([filler, .keepTogether(group)])
        #expect(kept.count == 2)
        #expect(pageOf("kept 1", in: kept) == 2)
        #expect(pageOf("also 2", in: kept) == 2)
        // Moved to the top of the body.
        #expect(baselines(of: "kept 1", in: kept[1]).first! < 60)
    }

    @Test func keepWithNextHoldsAHeadingToItsParagraph() throws {
        let heading = Block.keepWithNext(.text("Heading", style: TextStyle(style: .bold, size: 12)))
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.spacer(372), heading, paragraph("body", lines: 4)])
        #expect(pageOf("Heading", in: pages) == 2)
        #expect(pageOf("body 1", in: pages) == 2)
    }

    @Test func widowsAndOrphansAreAvoided() throws {
        // 12 pt lines; 30 pt left on page 1 fits two lines, not three.
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.spacer(400 - 30), paragraph("line", lines: 3)])
        // Two lines would fit but leave a widow: all three move.
        #expect(pageOf("line 1", in: pages) == 2)
        let loose = try Paginator(typesetter: typesetter, template: template)
            .pages([.spacer(400 - 30), .paragraph(Paragraph((1...3).map { "line \($0)" }.joined(separator: "\n")), lines: .none)])
        #expect(pageOf("line 1", in: loose) == 1)
        #expect(pageOf("line 3", in: loose) == 2)
        // An orphan: one line fits at the foot; with orphans = 2 the paragraph starts on the next page.
        let orphan = try Paginator(typesetter: typesetter, template: template).pages([.spacer(400 - 14), paragraph("word", lines: 6)])
        #expect(pageOf("word 1", in: orphan) == 2)
    }

    @Test func explicitPageBreakAndSpacingThatVanishesAtThePageTop() throws {
        let pages = try Paginator(typesetter: typesetter, template: template)
            .pages([.stack([.text("one"), .pageBreak, .text("two")], spacing: 20)])
        #expect(pages.count == 2)
        #expect(pageOf("two", in: pages) == 2)
        // The spacing after the break is dropped: "two" sits at the very top of the body.
        #expect(baselines(of: "two", in: pages[1]).first! < 40 + 12)
    }

    @Test func contentTallerThanAPageIsSplitOrNamedInAnError() throws {
        let long = paragraph("long", lines: 80)
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.keepTogether(long)])
        #expect(pages.count == 3)
        #expect(pages.flatMap { lines(of: $0) }.count == 80)

        let huge = Block.named("logo", .spacer(1000))
        #expect {
            try Paginator(typesetter: typesetter, template: template).pages([huge])
        } throws: { error in
            (error as? LayoutError).map { $0.kind == .doesNotFit && $0.block == "logo" } ?? false
        }
    }

    @Test func boxesPadAndDecorateEveryFragment() throws {
        let boxed = Block.box(paragraph("boxed", lines: 50), BoxStyle(padding: EdgeInsets(all: 10), background: Color(gray: 0.9), border: .black))
        let pages = try Paginator(typesetter: typesetter, template: template).pages([boxed])
        #expect(pages.count == 2)
        for page in pages {
            let fills = page.items.filter { if case .rectangle = $0 { true } else { false } }
            #expect(!fills.isEmpty)
            for case .rectangle(let rectangle) in page.items {
                #expect(rectangle.rect.minX == 40)
                #expect(rectangle.rect.width == 320)
            }
        }
        let text = try #require(pages[0].items.first { if case .glyphs = $0 { true } else { false } })
        if case .glyphs(let run) = text { #expect(run.origin.x == 50) }
    }

    @Test func columnsShareTheWidth() throws {
        let block = Block.columns([
            Column(.fixed(100), .text("fixed")), Column(.auto, .text("auto width")), Column(.fraction(1), .text("rest")),
        ], gap: 10)
        let layout = try BlockLayouter(typesetter: typesetter).layout(block, width: 400)
        var origins: [String: Double] = [:]
        for case .glyphs(let run) in layout.frames(at: .zero) { origins[run.text] = run.origin.x }
        #expect(origins["fixed"] == 0)
        #expect(origins["auto width"] == 110)
        let autoWidth = typesetter.measure("auto width", style: TextStyle())
        #expect(abs(origins["rest"]! - (110 + autoWidth + 10)) < 0.1)
    }

    @Test func splittingReturnsTheRemainderAsAValue() throws {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.paragraph(Paragraph("a\nb\nc\nd"), lines: .none), width: 200)
        let (head, remainder) = layout.split(fittingHeight: layout.height / 2)
        #expect(head.slices.count == 2)
        #expect(remainder?.slices.count == 2)
        #expect(abs(head.height + remainder!.height - layout.height) < 1e-9)
    }

    @Test func runningContentAndADifferentFirstPage() throws {
        let first = PageLayout(margins: EdgeInsets(top: 120, left: 40, bottom: 40, right: 40), header: PageRegion(height: 14) { _ in .text("LETTERHEAD") })
        let template = PageTemplate(
            size: Size(width: 400, height: 480), margins: EdgeInsets(all: 40),
            header: PageRegion(height: 14) { page in .text("\(page.firstMark ?? "") — continued") }, firstPage: first)
        let pages = try Paginator(typesetter: typesetter, template: template)
            .pages([.mark("Invoice 123"), paragraph("item", lines: 60)])
        #expect(lines(of: pages[0]).first == "LETTERHEAD")
        #expect(lines(of: pages[1]).first == "Invoice 123 — continued")
        #expect(baselines(of: "item 1", in: pages[0]).first! > 120)
    }

    @Test func bookmarksAndLinksLandInTheFrames() throws {
        let pages = try Paginator(typesetter: typesetter, template: template)
            .pages([.spacer(100), .bookmark("Totals"), .link("https://example.org/pay", .text("Pay online"))])
        #expect(pages[0].outline == [OutlineEntry(title: "Totals", level: 1, y: 140)])
        let links = pages[0].items.compactMap { item -> Link? in if case .link(let link) = item { link } else { nil } }
        #expect(links.count == 1)
        #expect(links.first?.uri == "https://example.org/pay")
        #expect(links.first?.rect.minY == 140)
    }

    @Test func fixedColumnsWiderThanThePageAreAnErrorNotClipped() throws {
        let block = Block.named("address row", .columns([Column(.fixed(300), .text("a")), Column(.fixed(200), .text("b"))], gap: 10))
        #expect {
            try Paginator(typesetter: typesetter, template: template).pages([block])
        } throws: { error in
            (error as? LayoutError).map { $0.kind == .doesNotFit && $0.block == "address row" } ?? false
        }
    }
}
