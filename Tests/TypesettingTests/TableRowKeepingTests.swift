import PageFrames
import Testing
import TextShaping
@testable import Typesetting

@Suite struct TableRowKeepingTests {
    let typesetter = try! Typesetter.bundled()

    /// Group headings every seventh row, kept with the row after them: no page may end on one.
    @Test func headingRowIsNeverTheLastRowOfAPage() throws {
        let rows = TableRows(count: 401) { index in
            index % 7 == 0
                ? TableRow([TableCell("Heading \(index)", style: TextStyle(style: .bold, size: 9), columnSpan: 2)], keepWithNext: true)
                : TableRow(texts: ["Row \(index)", "\(index)"], style: TextStyle(size: 9))
        }
        let table = Table(columns: [TableColumn(.fraction(1)), TableColumn(.fixed(60), alignment: .end)], rows: rows)
        let template = PageTemplate(size: .a4, margins: EdgeInsets(all: 40))
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.table(table)])
        #expect(pages.count > 3)
        var seen = 0
        for page in pages {
            let texts = lines(of: page)
            #expect(texts.last?.hasPrefix("Heading") == false, "page ends with \(texts.last ?? "")")
            seen += texts.filter { $0.hasPrefix("Row") || $0.hasPrefix("Heading") }.count
        }
        #expect(seen == 401)
    }
}
