import FolioTestSupport
import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Random tables and flows: every line is placed exactly once, in order, inside the page body.
@Suite struct PaginationInvariantTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    @Test(arguments: 1...12)
    func everyLineLandsOnceInsideTheBody(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let style = TextStyle(size: 9)
        let bodyHeight = Double(Int.random(in: 160...420, using: &random))
        let template = PageTemplate(
            size: Size(width: 420, height: bodyHeight + 60), margins: EdgeInsets(top: 20, left: 20, bottom: 20, right: 20),
            footer: PageRegion(height: 10, usesPageCount: true) { page in .text("p\(page.number)/\(page.count!)", style: TextStyle(size: 7)) })
        var expected: [String] = []
        var rows: [TableRow] = []
        for row in 0..<Int.random(in: 5...60, using: &random) {
            let count = Int.random(in: 1...(Int.random(in: 0...9, using: &random) == 0 ? 40 : 4), using: &random)
            let text = (0..<count).map { "r\(row)l\($0)" }.joined(separator: "\n")
            expected += (0..<count).map { "r\(row)l\($0)" }
            rows.append(TableRow([TableCell("\(row)", style: style), TableCell(text, style: style), TableCell("\(row),00", style: style)], payload: row))
        }
        let table = Table(
            columns: [TableColumn(.fixed(40)), TableColumn(.fraction(1)), TableColumn(.fixed(60), alignment: .decimal(","))],
            header: [TableRow(texts: ["n", "text", "amount"], style: TextStyle(style: .bold, size: 9))],
            rows: TableRows(rows),
            subtotals: Bool.random(using: &random)
                ? CarriedSubtotals(zero: 0, add: { $0 + ($1.payload as? Int ?? 0) }, cells: { [2: "\($0),00"] }, carriedOutLabel: "out", broughtForwardLabel: "in")
                : nil)
        let lead = Block.paragraph(Paragraph((0..<Int.random(in: 0...30, using: &random)).map { "p\($0)" }.joined(separator: "\n"), style: style))
        let pages = try Paginator(typesetter: typesetter, template: template, bufferedPages: 4).pages([lead, .table(table), .text("end", style: style)])

        var seen: [String] = []
        for (index, page) in pages.enumerated() {
            let body = template.body(ofPage: index + 1)
            for case .glyphs(let run) in page.items {
                if run.text.hasPrefix("p"), run.text.contains("/") { continue }  // footer
                #expect(run.origin.y > body.minY && run.origin.y <= body.maxY + 0.01, "seed \(seed): “\(run.text)” at \(run.origin.y) outside \(body)")
                if run.text.hasPrefix("r") { seen.append(run.text) }
            }
            #expect(lines(of: page).last == "p\(index + 1)/\(pages.count)")
        }
        #expect(seen == expected, "seed \(seed)")
    }
}
