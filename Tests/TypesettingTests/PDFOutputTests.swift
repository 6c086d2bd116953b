import CairoOutput
import Foundation
import PageFrames
import Testing
import TextShaping
@testable import Typesetting

/// A paginated document through CairoOutput: links, bookmarks, structure checked by qpdf.
@Suite struct PDFOutputTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    static let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
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

    @Test(.enabled(if: qpdf != nil, "qpdf is not installed: PDF structure not checked"))
    func linksAndOutlineGiveAStructurallyValidPDF() throws {
        let pdf = try sampleDocument()
        let url = URL(fileURLWithPath: "/tmp/folio-typesetting-sample.pdf")
        try Data(pdf).write(to: url)
        let check = try Self.run(Self.qpdf!, ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/URI"))
        #expect(text.contains("/Outlines"))
    }
}
