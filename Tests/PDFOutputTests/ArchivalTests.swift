import FolioTestSupport
import Foundation
import PageFrames
import Testing
import TextShaping
import Typesetting
@testable import PDFOutput

/// PDF/A-3b output and embedded files: every check reads the file back (pikepdf through
/// Scripts/check-pdfa.py, qpdf), and the negative cases prove the checks can fail.
@Suite struct ArchivalTests {
    let typesetter: Typesetter

    init() throws {
        typesetter = try Typesetter.bundled()
    }

    func page(_ text: String, link: String? = nil) throws -> Page {
        let layout = try BlockLayouter(typesetter: typesetter).layout(.text(text, style: TextStyle(size: 11)), width: 480)
        var page = Page(size: .a4, items: layout.frames(at: Point(x: 50, y: 60)))
        if let link { page.items.append(.link(Link(rect: Rect(x: 50, y: 60, width: 100, height: 12), uri: link))) }
        return page
    }

    func pdf(_ pages: [Page], metadata: DocumentMetadata = DocumentMetadata(title: "Invoice 42"), archival: ArchivalOptions = .pdfA3b) throws -> [UInt8] {
        let writer = try PDFWriter(registry: typesetter.registry, metadata: metadata, archival: archival)
        for page in pages { try writer.add(page) }
        return try writer.finish()
    }

    func qpdfCheck(_ pdf: [UInt8]) throws {
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try ExternalTool.run("qpdf", ["--check", path])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
    }

    static let xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rsm:CrossIndustryInvoice/>\n".utf8)

    static func invoiceXML(date: Int64 = 1_709_210_096) -> PDFAttachment {
        PDFAttachment(
            fileName: "factur-x.xml", description: "Factur-X invoice", mimeType: "text/xml", relationship: .alternative,
            modificationDate: date, bytes: xml)
    }

    static func sha256(_ bytes: [UInt8]) throws -> String {
        String(try ExternalTool.run("sha256sum", [], input: Data(bytes)).standardOutput.prefix(64))
    }

    @Test func defaultOutputPassesTheStructuralCheckWithMetadataEqualToInfo() throws {
        let metadata = DocumentMetadata(
            title: "Facture <42> & \"avoir\"\u{1}\r", author: "Vélocité Colis", subject: "Livraison", keywords: ["facture", "colis"],
            date: 1_709_210_096)
        let bytes = try pdf([page("Suivi du colis Noël", link: "https://example.org/suivi")], metadata: metadata)
        try qpdfCheck(bytes)
        let report = try PDFAStructure.check(bytes)
        #expect(report.problems == [])
        #expect(report.glyphsChecked > 10)
        #expect(report.annotations == 1)
        #expect(report.xmp.part == "3" && report.xmp.conformance == "B")
        // Control characters no XML can hold are dropped from both copies; the rest is escaped.
        #expect(report.xmp.title == "Facture <42> & \"avoir\"")
        #expect(report.xmp.creator == "Vélocité Colis")
        #expect(report.xmp.description == "Livraison")
        #expect(report.xmp.keywords == "facture, colis")
        #expect(report.xmp.producer == "Folio" && report.xmp.creatorTool == "Folio")
        #expect(report.xmp.createDate == "2024-02-29T12:34:56+00:00")
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.7\n".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/CreationDate(D:20240229123456+00'00')"))
        #expect(text.contains("/F 4/Border"))
    }

    /// PDF/A caps strings at 32,767 bytes; a document's strings may hold 100,000 characters.
    @Test func longEntriesAreCutToFitBothCopies() throws {
        let title = String(repeating: "Facture é ", count: 4_000)
        let bytes = try pdf([page("Facture")], metadata: DocumentMetadata(title: title))
        let report = try PDFAStructure.check(bytes)
        #expect(report.problems == [])
        let kept = try #require(report.xmp.title)
        #expect(kept.utf16.count == InfoEntries.maximumUTF16Units && title.hasPrefix(kept))
    }

    @Test func attachmentsAreAssociatedFilesAndFacturXIsDescribedInXMP() throws {
        let csv = PDFAttachment(
            fileName: "données.csv", description: "Lignes", mimeType: "text/csv", relationship: .data, modificationDate: 0,
            bytes: Array("a;b\n1;2\n".utf8))
        let archival = ArchivalOptions(standard: .pdfA3b, attachments: [Self.invoiceXML(), csv], facturX: .en16931)
        let bytes = try pdf([page("Facture")], archival: archival)
        try qpdfCheck(bytes)
        let report = try PDFAStructure.check(bytes)
        #expect(report.problems == [])
        #expect(report.attachments == [
            PDFAStructure.Attachment(
                name: "factur-x.xml", f: "factur-x.xml", description: "Factur-X invoice", relationship: "/Alternative",
                subtype: "/text/xml", size: Self.xml.count, sha256: try Self.sha256(Self.xml), modDate: "D:20240229123456+00'00'"),
            PDFAStructure.Attachment(
                name: "données.csv", f: "donn_es.csv", description: "Lignes", relationship: "/Data", subtype: "/text/csv",
                size: 8, sha256: try Self.sha256(Array("a;b\n1;2\n".utf8)), modDate: "D:19700101000000+00'00'"),
        ])
        let fx = XMPPacket.facturXNamespace
        #expect(report.xmp.custom?["\(fx)DocumentType"] == "INVOICE")
        #expect(report.xmp.custom?["\(fx)DocumentFileName"] == "factur-x.xml")
        #expect(report.xmp.custom?["\(fx)Version"] == "1.0")
        #expect(report.xmp.custom?["\(fx)ConformanceLevel"] == "EN 16931")
        let schema = try #require(report.xmp.extensionSchemas?[fx])
        #expect(schema.prefix == "fx" && schema.schema == "Factur-X PDFA Extension Schema")
        #expect(schema.properties == ["ConformanceLevel", "DocumentFileName", "DocumentType", "Version"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/Type/EmbeddedFile/Subtype/text#2Fxml/Params<</ModDate"))
        // Name-tree keys in byte order: "factur-x.xml" (0x66…) before the UTF-16 name (0xFE 0xFF…).
        let keys = try #require(text.range(of: "/EmbeddedFiles<</Names[(factur-x.xml)"))
        #expect(text[keys.upperBound...].hasPrefix(" "))
    }

    @Test func sameInputGivesTheSameBytesWithAnAttachment() throws {
        let archival = ArchivalOptions(attachments: [Self.invoiceXML()], facturX: .en16931)
        let first = try pdf([page("Facture 42")], archival: archival)
        let second = try pdf([page("Facture 42")], archival: archival)
        #expect(first == second)
        let other = try pdf([page("Facture 42")], archival: ArchivalOptions(attachments: [Self.invoiceXML(date: 0)], facturX: .en16931))
        #expect(other != first)
    }

    @Test func twoAttachmentsWithOneNameAreRefused() throws {
        let archival = ArchivalOptions(attachments: [Self.invoiceXML(), Self.invoiceXML(date: 0)])
        #expect(throws: PDFOutputError.self) {
            _ = try PDFWriter(registry: typesetter.registry, metadata: DocumentMetadata(), archival: archival)
        }
    }

    /// The plain PDF keeps today's form, and the checker notices everything PDF/A adds is missing.
    @Test func plainOutputHasNoArchivalLayerAndFailsTheCheck() throws {
        let bytes = try pdf([page("Facture", link: "https://example.org")], archival: .none)
        try qpdfCheck(bytes)
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.5\n".utf8))
        let report = try PDFAStructure.check(bytes)
        #expect(report.problems.contains("catalog has no /Metadata stream"))
        #expect(report.problems.contains("catalog has no /OutputIntents"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("/OutputIntents"))
    }

    @Test func aHiddenAnnotationIsReported() throws {
        var bytes = try pdf([page("Facture", link: "https://example.org")])
        // Same length, so offsets stay valid: Print becomes Hidden.
        let needle = Array("/F 4/Border".utf8)
        let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: needle) })
        bytes[offset + 3] = UInt8(ascii: "2")
        let report = try PDFAStructure.check(bytes)
        #expect(report.problems.contains("/Link annotation without the Print flag"))
    }

    /// A character no bundled font has shapes to glyph 0; PDF/A may not show it, so it is left out
    /// (its advance kept, its text joined to the previous glyph's so it still extracts), while the
    /// plain PDF still draws the .notdef box.
    @Test func notdefIsNotShownInPDFA() throws {
        let text = "Colis ཀཁ livré"  // Tibetan: no bundled font has it
        let archived = try pdf([page(text)])
        let report = try PDFAStructure.check(archived)
        #expect(report.problems == [])
        #expect(report.glyphsChecked >= 11)
        let plain = try PDFAStructure.check(try pdf([page(text)], archival: .none))
        #expect(plain.problems.contains { $0.contains("GID 0 (.notdef)") })
        #expect(ExternalTool.foldingWhitespace(try ExternalTool.pdfText(archived)) == text)
        // At the start of a line the text goes with the next glyph instead.
        let leading = try pdf([page("ཀ Colis")])
        #expect(try PDFAStructure.check(leading).problems == [])
        #expect(ExternalTool.foldingWhitespace(try ExternalTool.pdfText(leading)) == "ཀ Colis")
    }

    /// With an sRGB output intent DeviceCMYK is forbidden: a CMYK JPEG is embedded as RGB pixels.
    @Test func cmykJPEGBecomesRGBInPDFA() throws {
        // 8 × 8 pixels of CMYK (0, 255, 255, 0), an Adobe JPEG (PIL).
        let jpeg = Array(Data(base64Encoded: """
            /9j/7gAOQWRvYmUAZAAAAAAA/9sAQwADAgIDAgIDAwMDBAMDBAUIBQUEBAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUVFQwPFxgWFBgSFBUU/8AAFAgACAAIBEMRAE0RAFkRAEsRAP/EAB8AAAEFAQEBAQEBAAAAAAAAAAABAgMEBQYHCAkKC//EALUQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+v/aAA4EQwBNAFkASwAAPwD9U6/Kqvyqr9U6/9k=
            """, options: .ignoreUnknownCharacters)!)
        let image = PlacedImage(rect: Rect(x: 20, y: 20, width: 40, height: 40), format: .jpeg, data: jpeg, pixelWidth: 8, pixelHeight: 8)
        let page = Page(size: .a4, items: [.image(image)])
        let archived = try pdf([page])
        let report = try PDFAStructure.check(archived)
        #expect(report.problems == [])
        #expect(!String(decoding: archived, as: UTF8.self).contains("DCTDecode"))
        let plain = try PDFAStructure.check(try pdf([page], archival: .none))
        #expect(plain.problems.contains("DeviceCMYK in /ColorSpace"))
    }

    @Test func theBundledProfileIsTheShippedICCFile() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ColorProfiles/sRGB.icc")
        let inflate = "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))"
        let profile = try ExternalTool.run("python3", ["-c", inflate], input: Data(SRGBProfile.compressed))
        #expect(profile.status == 0, "\(profile.standardError)")
        let bytes = Array(profile.standardOutputBytes)
        #expect(bytes == Array(try Data(contentsOf: shipped)))
        #expect(bytes.count == SRGBProfile.size && bytes.count == 6922)
        #expect(Array(bytes[12..<20]) == Array("mntrRGB ".utf8) && bytes[8] == 2)
    }

    @Test func datesInBothSyntaxes() {
        #expect(PDFDate.pdf(1_709_210_096) == "D:20240229123456+00'00'")
        #expect(PDFDate.xmp(1_709_210_096) == "2024-02-29T12:34:56+00:00")
        #expect(PDFDate.xmp(-1) == "1969-12-31T23:59:59+00:00")
    }
}
