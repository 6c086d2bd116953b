import FolioTestSupport
import Foundation
import Testing
@testable import Folio
import FolioTooling

/// Every sample, rendered through the façade, is a structurally valid PDF/A-3b file (Scripts/
/// check-pdfa.py: XMP ↔ Info, output intent, /ID, fonts and widths, annotations, forbidden keys)
/// that qpdf reads without error; `.none` gives the plain PDF.
@Suite struct ArchivalOutputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = SampleSet(root: repository.appendingPathComponent("Samples").path)
    static var cases: [String] { (try? samples.caseNames()) ?? [] }

    @Test(arguments: cases)
    func everySampleIsStructurallyPDFA3b(_ name: String) throws {
        let result = try Self.samples.rendering(case: name).result
        let pdf = result.pdf
        let report = try PDFAStructure.check(pdf)
        #expect(report.problems == [], "\(name)")
        #expect(report.glyphsChecked > 100, "\(name): only \(report.glyphsChecked) glyphs read back")
        #expect(report.xmp.part == "3" && report.xmp.conformance == "B")
        #expect(report.xmp.title?.isEmpty == false, "\(name): no dc:title")
        // EU sellers' invoices carry their Factur-X XML, byte for byte RenderResult.eInvoiceXML, as
        // the one /Alternative attachment text/xml with the fx: XMP schema; everything else none.
        if let xml = result.eInvoiceXML {
            #expect(report.attachments.map(\.name) == ["factur-x.xml"], "\(name)")
            #expect(report.attachments.first?.relationship == "/Alternative")
            #expect(report.attachments.first?.subtype == "/text/xml")
            #expect(report.attachments.first?.size == xml.count)
            #expect(report.xmp.custom?.keys.contains { $0.hasPrefix("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#") } == true, "\(name)")
        } else {
            #expect(report.attachments.isEmpty, "\(name)")
        }
        #expect((result.eInvoiceXML != nil) == ["credit-note-fr", "invoice-delivery-fr", "invoice-import-brokerage-fr", "invoice-long-fr", "invoice-rtl-parties", "invoice-world-scripts"].contains(name), "\(name)")
        let path = try ExternalTool.temporaryFile(pdf, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(name): \(check.standardOutput)\(check.standardError)")
    }

    @Test func theSamplesHaveLinksToCheck() throws {
        // The annotation rule must be exercised by at least one sample.
        let pdf = try Self.samples.rendering(case: "invoice-delivery-us").result.pdf
        #expect(try PDFAStructure.check(pdf).annotations > 0)
    }

    @Test func pdfStandardNoneGivesThePlainPDF() throws {
        let input = Self.samples.inputPath(case: "credit-note-fr")
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        var options = RenderOptions(baseDirectory: Self.samples.folder(of: "credit-note-fr"))
        options.pdfStandard = .none
        options.taggedPDF = false  // tagged PDF needs XMP (pdfuaid) even without PDF/A
        let plain = try FolioRenderer.renderPDF(json: data, options: options).pdf
        #expect(Array(plain.prefix(8)) == Array("%PDF-1.5".utf8))
        let report = try PDFAStructure.check(plain)
        #expect(report.problems.contains("catalog has no /Metadata stream"))
        let archived = try FolioRenderer.renderPDF(json: data, options: RenderOptions(baseDirectory: Self.samples.folder(of: "credit-note-fr"))).pdf
        #expect(Array(archived.prefix(8)) == Array("%PDF-1.7".utf8))
        #expect(RenderOptions().pdfStandard == .pdfA3b)
    }
}
