import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// Official-form grids: shrink, wrap, error; line items on continuation sheets.
@Suite struct FormGridTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func runs(_ box: FormBox) throws -> [GlyphRun] {
        let grid = FormGrid(size: Size(width: 300, height: 100), boxes: [box])
        return try BlockLayouter(typesetter: typesetter).layout(.formGrid(grid), width: 300).frames(at: .zero).compactMap { item in
            if case .glyphs(let run) = item { run } else { nil }
        }
    }

    func box(_ value: String, width: Double = 120, height: Double = 24) -> FormBox {
        FormBox(number: "12", caption: "Gross weight", value: value, frame: Rect(x: 10, y: 10, width: width, height: height))
    }

    @Test func aValueThatFitsKeepsItsSize() throws {
        let value = try #require(try runs(box("125,5 kg")).first { $0.text == "125,5 kg" })
        #expect(value.size == 9)
        #expect(try runs(box("125,5 kg")).contains { $0.text == "12  Gross weight" })
    }

    @Test func aLongValueShrinksOnOneLineDownToTheMinimum() throws {
        let text = "Machine parts, steel"
        let natural = typesetter.measure(text, style: TextStyle(size: 9))
        let width = natural * 0.8 + 4  // needs 80 % of the size
        let value = try #require(try runs(box(text, width: width)).first { $0.text == text })
        #expect(value.size < 9)
        #expect(value.size >= 6)
        #expect(value.width <= width - 4 + 1e-6)
    }

    @Test func thenWraps() throws {
        let text = "Machine parts of steel for textile looms, unassembled"
        let found = try runs(box(text, width: 110, height: 34)).filter { $0.text != "12  Gross weight" }
        #expect(found.count >= 2)
        #expect(found.allSatisfy { $0.size >= 6 })
        #expect(Set(found.map(\.origin.y)).count >= 2)
    }

    @Test func thenIsAnErrorNamingTheBox() throws {
        let text = String(repeating: "Machine parts of steel for textile looms, unassembled. ", count: 5)
        #expect {
            try runs(box(text, width: 110, height: 24))
        } throws: { error in
            guard let error = error as? LayoutError else { return false }
            return error.kind == .textDoesNotFitBox && error.block == "box 12 “Gross weight”"
        }
    }

    @Test func lineItemsContinueOnContinuationSheetsWithTheirOwnHeader() throws {
        let items = Table(
            columns: [TableColumn(.fixed(40)), TableColumn(.fraction(1)), TableColumn(.fixed(80), alignment: .decimal("."))],
            header: [TableRow(texts: ["Line", "Description", "Value"], style: TextStyle(style: .bold, size: 8))],
            rows: TableRows(count: 60) { index in TableRow(texts: ["\(index + 1)", "Item \(index + 1)", "\(index + 1).00"], style: TextStyle(size: 8)) })
        let area = Rect(x: 0, y: 60, width: 400, height: 120)
        let grid = FormGrid(
            size: Size(width: 400, height: 200),
            boxes: [FormBox(number: "1", caption: "Entry number", value: "ABC-1234567-8", frame: Rect(x: 0, y: 0, width: 200, height: 28))],
            lineItems: LineItemArea(frame: area, table: items, continuationHeader: .text("Continuation sheet — entry ABC-1234567-8", style: TextStyle(style: .bold, size: 9))))
        let template = PageTemplate(size: Size(width: 480, height: 560), margins: EdgeInsets(all: 40))
        let pages = try Paginator(typesetter: typesetter, template: template).pages([.formGrid(grid), .text("After the form")])
        #expect(pages.count >= 3)
        // First sheet: rows only inside the area (page y = 40 + area).
        for case .glyphs(let run) in pages[0].items where run.text.hasPrefix("Item ") {
            #expect(run.origin.y > 40 + area.minY && run.origin.y < 40 + area.maxY)
        }
        for page in pages.dropFirst() {
            let text = lines(of: page)
            #expect(text.first == "Continuation sheet — entry ABC-1234567-8")
            #expect(text.dropFirst().first == "Line | Description | Value")
        }
        let rows = pages.flatMap { lines(of: $0) }.filter { $0.contains("| Item ") }
        #expect(rows.count == 60)
        #expect(lines(of: pages.last!).last == "After the form")
    }
}
