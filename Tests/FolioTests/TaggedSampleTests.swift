import FolioTestSupport
import Foundation
import Testing
@testable import Folio
import FolioTooling
import PDFOutput

/// Every sample, rendered through the façade, is a tagged PDF that passes the structural PDF/UA
/// check (Scripts/check-pdfua.py), whose structure text (pdfinfo -struct-text) holds headings,
/// tables with header and data cells, figures with alt text, and every amount and tracking number
/// the model says the document shows — none of them only in an artifact.
@Suite struct TaggedSampleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = SampleSet(root: repository.appendingPathComponent("Samples").path)
    static var cases: [String] { (try? samples.caseNames()) ?? [] }
    static var documentCases: [String] { cases.filter { $0 != SampleSet.specimenCase } }

    @Test(arguments: cases)
    func everySamplePassesTheStructuralCheck(_ name: String) throws {
        let pdf = try Self.samples.rendering(case: name).result.pdf
        let report = try PDFUAStructure.check(pdf)
        #expect(report.problems == [], "\(name)")
        #expect(report.markedContent > 10, "\(name): only \(report.markedContent) marked-content sequences")
        #expect(!report.lang.isEmpty)
        #expect(report.headings.first?.isEmpty == false, "\(name): no heading")
        #expect(report.roles["H1"] == 1, "\(name): \(report.roles)")
    }

    @Test(arguments: documentCases)
    func structureTextHoldsEveryFigureOfTheDocument(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.samples.inputPath(case: name)))
        let decoded = try FolioRenderer.decode(data)
        let result = try FolioRenderer.renderPDF(decoded, options: RenderOptions(baseDirectory: Self.samples.folder(of: name)))
        let structure = try PDFUAStructure.structureText(result.pdf)
        let folded = SearchableText(ExternalTool.foldingWhitespace(structure))
        for role in ["Document", "H1", "Table", "THead", "TR", "TH:", "/Scope /Column", "TD"] {
            #expect(structure.contains(role), "\(name): no \(role) in the structure")
        }
        let expected = ExpectedText.strings(for: decoded)
        #expect(expected.count > 3)
        for string in expected {
            #expect(folded.contains(ExternalTool.foldingWhitespace(string)), "\(name): “\(string)” not in a structure element")
        }
        // Artifacts hold running headers and footers (which repeat the document number) and
        // repeated table headers: no amount, no tracking number.
        let report = try PDFUAStructure.check(result.pdf)
        #expect(Set(report.artifactText.keys).isSubset(of: ["Pagination/Header", "Pagination/Footer"]), "\(name): \(report.artifactText.keys)")
        let artifacts = SearchableText(ExternalTool.foldingWhitespace(report.artifactText.values.joined(separator: " ")))
        let number = Self.documentNumber(decoded)
        for string in expected where string != number && string.count > 4 && !ExternalTool.foldingWhitespace(number).contains(string) {
            #expect(!artifacts.contains(ExternalTool.foldingWhitespace(string)), "\(name): “\(string)” in an artifact")
        }
    }

    @Test func figuresCarryAltText() throws {
        let logo = try PDFUAStructure.check(try Self.samples.rendering(case: "invoice-themed-logo").result.pdf)
        #expect(logo.roles["Figure", default: 0] >= 1)
        let payment = try PDFUAStructure.check(try Self.samples.rendering(case: "invoice-delivery-fr").result.pdf)
        let qr = try #require(payment.figures.first { $0.hasPrefix("SEPA QR") })
        #expect(qr.contains("IBAN FR97 3000") && qr.contains("297,00"))
        #expect(payment.figures.contains { $0.hasPrefix("Code 128") })
    }

    @Test func taggingCanBeTurnedOffForTheSmallestFile() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.samples.inputPath(case: "invoice-delivery-fr")))
        var options = RenderOptions(baseDirectory: Self.samples.folder(of: "invoice-delivery-fr"))
        #expect(options.taggedPDF)
        let tagged = try FolioRenderer.renderPDF(json: data, options: options).pdf
        options.taggedPDF = false
        let plain = try FolioRenderer.renderPDF(json: data, options: options).pdf
        #expect(plain.count < tagged.count)
        #expect(try PDFUAStructure.check(plain).problems == ["catalog has no /StructTreeRoot"])
        #expect(try PDFAStructure.check(plain).problems == [])
        #expect(try FolioRenderer.renderPDF(json: data, options: RenderOptions(baseDirectory: Self.samples.folder(of: "invoice-delivery-fr"))).pdf == tagged)
    }

    /// A structure of more elements than are kept is written as the pages go: the file differs,
    /// the structure read back does not.
    @Test func aStructureWrittenAsItGoesReadsTheSame() throws {
        let rendering = try Self.samples.rendering(case: "invoice-long-fr")
        let kept = rendering.result.pdf
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.samples.inputPath(case: "invoice-long-fr")))
        // The cross-reference stream deflated a slice at a time too, as for a long document.
        let streamed = try StructureTreeLimits.$retainedElements.withValue(300) {
            try CrossReferenceLimits.$wholeEntries.withValue(100) {
                try FolioRenderer.renderPDF(json: data, options: RenderOptions(baseDirectory: Self.samples.folder(of: "invoice-long-fr"))).pdf
            }
        }
        #expect(streamed != kept, "300 elements must be exceeded by the long invoice")
        let path = try ExternalTool.temporaryFile(streamed, suffix: ".pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        let report = try PDFUAStructure.check(streamed)
        let reference = try PDFUAStructure.check(kept)
        #expect(report.problems == [])
        #expect(report.elements == reference.elements && report.elements > 300)
        #expect(report.roles == reference.roles)
        #expect(report.markedContent == reference.markedContent)
        #expect(report.headings == reference.headings)
        #expect(report.artifactText == reference.artifactText)
        // (pdfinfo -struct-text would compare the text too, but takes a minute and a half on this document.)
    }

    static func documentNumber(_ decoded: DecodedDocument) -> String {
        switch decoded.document {
        case .invoice(let invoice): invoice.number
        case .cbp7501(let entry): entry.entryNumber
        case .cbsaB3(let declaration): declaration.transactionNumber
        }
    }
}
