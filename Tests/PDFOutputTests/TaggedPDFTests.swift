import FolioTestSupport
import Foundation
import PageFrames
import Testing
import TextShaping
import Typesetting
@testable import PDFOutput

/// Tagged PDF from structure markers: the file read back (Scripts/check-pdfua.py, pdfinfo
/// -struct-text, qpdf), and the negative cases show the check can fail.
@Suite struct TaggedPDFTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func frames(_ text: String, at y: Double) throws -> [FrameItem] {
        try BlockLayouter(typesetter: typesetter).layout(.text(text, style: TextStyle(size: 11)), width: 480).frames(at: Point(x: 50, y: y))
    }

    /// A heading, a paragraph continued on page 2 with a link inside, a figure, and a footer artifact.
    func pages() throws -> [Page] {
        let heading = StructureElement(.heading1, key: 1)
        let paragraph = StructureElement(.paragraph, key: 2)
        let link = StructureElement(.link, key: 3)
        let figure = StructureElement(.figure, key: 4, alternateText: "Logo of Vélocité Colis")
        var first = Page(size: .a4)
        first.items += [.structure(.begin(heading))] + (try frames("Facture 42", at: 60)) + [.structure(.end)]
        first.items += [.structure(.begin(paragraph))] + (try frames("Montant à payer 297,00 €", at: 90)) + [.structure(.end)]
        first.items += [.rule(Rule(from: Point(x: 50, y: 110), to: Point(x: 500, y: 110), thickness: 0.5))]
        first.items += [.structure(.beginArtifact(.pagination(.footer)))] + (try frames("Page 1 of 2", at: 800)) + [.structure(.end)]
        var second = Page(size: .a4)
        second.items += [.structure(.begin(paragraph)), .structure(.begin(link))]
        second.items += try frames("Payer en ligne", at: 60)
        second.items += [.link(Link(rect: Rect(x: 50, y: 50, width: 100, height: 14), uri: "https://example.org/pay")), .structure(.end), .structure(.end)]
        second.items += [.structure(.begin(figure)), .rectangle(FilledRectangle(rect: Rect(x: 50, y: 100, width: 40, height: 40), fill: .black))]
        second.items += try frames("ACME", at: 150)
        second.items += [.structure(.end)]
        second.items += [.structure(.beginArtifact(.pagination(.footer)))] + (try frames("Page 2 of 2", at: 800)) + [.structure(.end)]
        return [first, second]
    }

    func pdf(_ pages: [Page], archival: ArchivalOptions = .pdfA3b) throws -> [UInt8] {
        let writer = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(title: "Facture 42", language: "fr-FR"), archival: archival)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }

    @Test func markersBecomeAStructureTreeThatPassesTheCheck() throws {
        let bytes = try pdf(try pages())
        let report = try PDFUAStructure.check(bytes)
        #expect(report.problems == [])
        #expect(report.roles == ["Document": 1, "H1": 1, "P": 1, "Link": 1, "Figure": 1])
        #expect(report.figures == ["Logo of Vélocité Colis"])
        #expect(report.headings == ["Facture 42"])
        #expect(report.lang == "fr-FR")
        #expect(report.artifactText.keys.sorted() == ["Pagination/Footer"])
        let structure = try PDFUAStructure.structureText(bytes)
        // The paragraph's two parts (pages 1 and 2) are one element, the link inside it.
        let paragraph = try #require(structure.range(of: "P (block)"))
        let rest = structure[paragraph.upperBound...]
        #expect(rest.contains("Montant à payer 297,00 €") && rest.contains("Link") && rest.contains("Payer en ligne"))
        #expect(!structure.contains("Page 1 of 2"))
        #expect(try PDFAStructure.check(bytes).problems == [])
        let path = try ExternalTool.temporaryFile(bytes, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
    }

    @Test func columnsAreReadOneAfterTheOtherNotLineByLine() throws {
        let template = PageTemplate(size: .a4, margins: EdgeInsets(all: 40))
        let column = { (name: String) in Block.stack((1...3).map { Block.text("\(name) line \($0)") }) }
        let pages = try Paginator(typesetter: typesetter, template: template).pages([
            .tagged(.heading1, .text("Title")), .columns([Column(.fraction(1), column("Left")), Column(.fraction(1), column("Right"))]),
        ])
        let structure = try PDFUAStructure.structureText(try pdf(pages))
        let order = ["Title", "Left line 1", "Left line 2", "Left line 3", "Right line 1", "Right line 2", "Right line 3"]
        let positions = order.compactMap { structure.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "\(structure)")
        #expect(structure.components(separatedBy: "Div").count - 1 == 2)
        #expect(try PDFUAStructure.check(try pdf(pages)).problems == [])
    }

    @Test func sameFramesGiveTheSameBytes() throws {
        #expect(try pdf(try pages()) == pdf(try pages()))
    }

    @Test func untaggedOutputHasNoStructureAndFailsTheCheck() throws {
        var archival = ArchivalOptions.pdfA3b
        archival.tagged = false
        let bytes = try pdf(try pages(), archival: archival)
        let report = try PDFUAStructure.check(bytes)
        #expect(report.problems == ["catalog has no /StructTreeRoot"])
        #expect(!String(decoding: bytes, as: UTF8.self).contains("BDC"))
        #expect(bytes.count < (try pdf(try pages())).count)
    }

    @Test func textOutsideElementsAndFiguresWithoutAltAreReported() throws {
        var pages = try pages()
        pages[0].items += try frames("Loose text", at: 400)
        pages[1].items = pages[1].items.map { item in
            if case .structure(.begin(var element)) = item, element.role == .figure {
                element.alternateText = nil
                return .structure(.begin(element))
            }
            return item
        }
        let problems = try PDFUAStructure.check(try pdf(pages)).problems
        #expect(problems.contains { $0.contains("“Loose text”") && $0.contains("Layout artifact") })
        #expect(problems.contains { $0.hasPrefix("Figure") && $0.contains("no /Alt") })
    }
}
