import CairoOutput
import FolioTestSupport
import PDFOutput
import Foundation
import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// A paginated document through PDFOutput: links, bookmarks, structure checked by qpdf.
@Suite struct PDFOutputTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    /// Three pages with a link and a bookmark on each, a table, a barcode and an image.
    func sampleDocument() throws -> [UInt8] {
        let template = PageTemplate(
            size: .a4, margins: EdgeInsets(all: 40),
            header: PageRegion(height: 12) { page in .text(page.isFirst ? "Invoice 123" : "Invoice 123 — continued", style: TextStyle(size: 8)) },
            footer: PageRegion(height: 12, usesPageCount: true) { page in
                .text("Page \(page.number) of \(page.count!)", style: TextStyle(size: 8), paragraph: ParagraphStyle(alignment: .end))
            })
        var blocks: [Block] = []
        for section in 1...3 {
            blocks.append(.bookmark("Section \(section)"))
            blocks.append(.link("https://example.org/track?id=\(section)&x='q'", .text("Track shipment \(section)")))
            blocks.append(.table(TablePaginationTests.amountTable(rows: 30)))
            blocks.append(.pageBreak)
        }
        blocks.append(.barcode(Barcode(.code128, "1Z999AA10123456784")))
        blocks.append(.image(try ImageBlock(data: ImageFixtures.qrJPEG, width: 80, height: 80)))
        let paginator = Paginator(typesetter: typesetter, template: template)
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Links"))
        try paginator.paginate(blocks) { try writer.add($0) }
        return try writer.finish()
    }

    /// A document longer than the buffer is written once, its page-count footers as form XObjects
    /// filled at the end: the same text, and the same pixels, as the PDF of its pages held until
    /// the count was known. A translucent background, coloured text and a thick border come before
    /// each footer, which must not inherit them.
    @Test(.enabled(if: ExternalTool.isAvailable("pdftotext") && ExternalTool.isAvailable("pdftoppm") && ExternalTools.qpdf != nil,
                   "poppler-utils or qpdf is not installed"))
    func deferredFootersDrawAsFootersLaidOutInPlace() throws {
        let template = PageTemplate(
            size: .a4, margins: EdgeInsets(all: 40),
            footer: PageRegion(height: 12, usesPageCount: true) { page in
                .text("Page \(page.number) of \(page.count!)", style: TextStyle(size: 8), paragraph: ParagraphStyle(alignment: .end))
            })
        var rows: [TableRow] = []
        for index in 0..<300 {
            rows.append(TableRow(texts: ["\(index + 1)", "Parcel \(index + 1)", "\(index),00"], style: TextStyle(size: 9, color: Color(red: 0.8, green: 0.1, blue: 0.1, alpha: 0.6))))
        }
        let table = Table(columns: [TableColumn(.auto), TableColumn(.fraction(1)), TableColumn(.fixed(70))], rows: TableRows(rows))
        let box = BoxStyle(padding: EdgeInsets(all: 4), background: Color(red: 1, green: 1, blue: 0.6, alpha: 0.5), border: Color(red: 0, green: 0, blue: 0.8), borderWidth: 3)
        let blocks: [Block] = [.box(.table(table), box)]
        func render(buffered: Int) throws -> String {
            let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Deferred"))
            try Paginator(typesetter: typesetter, template: template, bufferedPages: buffered).paginate(blocks, into: { try writer.add($0) }, deferred: {
                try writer.fillDeferred($0, with: $1)
            })
            return try ExternalTool.temporaryFile(try writer.finish(), suffix: ".pdf")
        }
        let held = try render(buffered: 1_000)
        let deferred = try render(buffered: 2)
        defer { for path in [held, deferred] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try ExternalTools.run(ExternalTools.qpdf!, ["--check", deferred]).status == 0)
        let text = try ExternalTools.run("pdftotext", ["-layout", deferred, "-"]).output
        #expect(text == (try ExternalTools.run("pdftotext", ["-layout", held, "-"]).output))
        let pages = text.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }.count
        #expect(pages > 3 && text.contains("Page \(pages) of \(pages)"))
        for page in [1, pages] {
            func pixels(_ path: String) throws -> Data {
                let stem = path + "-\(page)"
                _ = try ExternalTools.run("pdftoppm", ["-r", "40", "-f", "\(page)", "-l", "\(page)", "-singlefile", "-png", path, stem])
                defer { try? FileManager.default.removeItem(atPath: stem + ".png") }
                return try Data(contentsOf: URL(fileURLWithPath: stem + ".png"))
            }
            #expect(try pixels(deferred) == pixels(held), "page \(page)")
        }
    }

    @Test(.enabled(if: ExternalTools.qpdf != nil, "qpdf is not installed: PDF structure not checked"))
    func linksAndOutlineGiveAStructurallyValidPDF() throws {
        let pdf = try sampleDocument()
        let url = URL(fileURLWithPath: "/tmp/folio-typesetting-sample.pdf")
        try Data(pdf).write(to: url)
        let check = try ExternalTools.run(ExternalTools.qpdf!, ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/URI"))
        #expect(text.contains("/Outlines"))
    }

    @Test(.enabled(if: ExternalTools.qpdf != nil, "qpdf is not installed: PDF structure not checked"))
    func formWithContinuationSheetsGivesAValidPDF() throws {
        let items = Table(
            columns: [TableColumn(.fixed(36)), TableColumn(.fraction(1)), TableColumn(.fixed(70), alignment: .decimal("."))],
            header: [TableRow(texts: ["Line", "Description of merchandise", "Value USD"], style: TextStyle(style: .bold, size: 7))],
            rows: TableRows(count: 45) { index in
                TableRow(texts: ["\(index + 1)", "Machine parts, steel, HTS 8448.59.\(index % 90 + 10)", "\(index * 37 + 12).50"], style: TextStyle(size: 7))
            })
        let boxes = [
            FormBox(number: "1", caption: "Filer code/Entry number", value: "ABC-1234567-8", frame: Rect(x: 0, y: 0, width: 200, height: 28)),
            FormBox(number: "2", caption: "Entry type", value: "01 ABI/A", frame: Rect(x: 200, y: 0, width: 120, height: 28)),
            FormBox(number: "3", caption: "Summary date", value: "03/14/2025", frame: Rect(x: 320, y: 0, width: 195, height: 28)),
            FormBox(
                number: "12", caption: "Importer of record name and address",
                value: "Folio Transport Import-Export Corporation of North America, 1200 Harbor Boulevard, Long Beach CA 90802",
                frame: Rect(x: 0, y: 28, width: 200, height: 44)),
            FormBox(number: "13", caption: "Gross weight", value: "12 345 kg (net 11 980 kg, 24 pallets)", frame: Rect(x: 200, y: 28, width: 120, height: 44)),
        ]
        let grid = FormGrid(
            size: Size(width: 515, height: 400), boxes: boxes,
            lineItems: LineItemArea(
                frame: Rect(x: 0, y: 80, width: 515, height: 320), table: items,
                continuationHeader: .text("CBP Form 7501 — continuation sheet — entry ABC-1234567-8", style: TextStyle(style: .bold, size: 9))))
        let template = PageTemplate(
            size: .usLetter, margins: EdgeInsets(all: 48),
            footer: PageRegion(height: 10, usesPageCount: true) { page in
                .text("Sheet \(page.number) of \(page.count!)", style: TextStyle(size: 7), paragraph: ParagraphStyle(alignment: .center))
            })
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Form"))
        let count = try Paginator(typesetter: typesetter, template: template).paginate([.formGrid(grid)]) { try writer.add($0) }
        #expect(count == 2)
        let url = URL(fileURLWithPath: "/tmp/folio-form-sample.pdf")
        try Data(try writer.finish()).write(to: url)
        let check = try ExternalTools.run(ExternalTools.qpdf!, ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test(.enabled(if: ExternalTools.qpdf != nil, "qpdf is not installed: PDF structure not checked"))
    func blocksSampleGivesAValidPDF() throws {
        let small = TextStyle(size: 9)
        let arabic = Table(
            columns: [TableColumn(.auto), TableColumn(.fraction(1)), TableColumn(.fixed(80), alignment: .decimal(","))],
            header: [TableRow(texts: ["رقم", "الوصف", "المبلغ"], style: TextStyle(style: .bold, size: 9))],
            rows: TableRows([
                TableRow(texts: ["1", "شحن سريع إلى الرياض", "1 250,00"], style: small),
                TableRow(texts: ["2", "رسوم الوقود", "87,5"], style: small),
                TableRow([TableCell("المجموع", style: TextStyle(style: .bold, size: 9), columnSpan: 2), TableCell("1 337,50", style: TextStyle(style: .bold, size: 9))]),
            ]), direction: .rightToLeft)
        let blocks: [Block] = [
            .bookmark("Summary"),
            .columns([
                Column(.fraction(1), .box(.text("Folio Transport SA\n12 rue du Port\n69002 Lyon", style: small), BoxStyle(padding: EdgeInsets(all: 6), border: Color(gray: 0.5)))),
                Column(.fixed(140), .image(try ImageBlock(data: ImageFixtures.redPNG, height: 40))),
                Column(.auto, .barcode(Barcode(.qr, "BCD\n002\n1\nSCT\n\nFolio\nFR7630006000011234567890189\nEUR12.30", moduleSize: 1.5))),
            ], gap: 12),
            .spacer(10),
            .box(.text(
                "Payment within 30 days. Late payments bear interest at three times the legal rate, plus a fixed fee of 40 € for recovery costs.",
                style: small, paragraph: ParagraphStyle(alignment: .justified)), BoxStyle(padding: EdgeInsets(all: 8), background: Color(gray: 0.93))),
            .spacer(10),
            .table(arabic),
        ]
        let template = PageTemplate(size: .a4, margins: EdgeInsets(all: 40))
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Blocks"))
        try Paginator(typesetter: typesetter, template: template).paginate([.stack(blocks, spacing: 4)]) { try writer.add($0) }
        let url = URL(fileURLWithPath: "/tmp/folio-blocks-sample.pdf")
        try Data(try writer.finish()).write(to: url)
        let check = try ExternalTools.run(ExternalTools.qpdf!, ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
    }
}
