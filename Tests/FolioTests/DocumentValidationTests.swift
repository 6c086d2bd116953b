import Foundation
import Testing
@testable import Folio

/// `FolioRenderer.renderPDF(_ document:)` checks the model directly (no JSON round trip); what it renders and
/// what it refuses must be what rendering the document's JSON gives.
@Suite struct DocumentValidationTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    @Test(arguments: ["credit-note-fr", "invoice-themed-logo", "cbp-7501", "cbsa-b3"])
    func aDocumentBuiltInCodeRendersTheBytesOfItsJSON(sample: String) throws {
        let folder = Self.samples.appendingPathComponent(sample)
        let options = RenderOptions(baseDirectory: folder.path)
        let document = try FolioRenderer.decode(Data(contentsOf: folder.appendingPathComponent("input.json"))).document
        let json = try JSONEncoder().encode(document)
        let fromModel = try FolioRenderer.renderPDF(document, options: options)
        let fromJSON = try FolioRenderer.renderPDF(json: json, options: options)
        #expect(fromModel.pageCount > 0)
        #expect(fromModel.pdf == fromJSON.pdf)
        #expect(fromModel.eInvoiceXML == fromJSON.eInvoiceXML)
    }

    @Test func anInvalidDocumentIsRefusedWithTheIssuesOfItsJSON() throws {
        let folder = Self.samples.appendingPathComponent("credit-note-fr")
        guard case .invoice(var invoice) = try FolioRenderer.decode(Data(contentsOf: folder.appendingPathComponent("input.json"))).document else {
            Issue.record("credit-note-fr is not an invoice")
            return
        }
        invoice.number = "F 1!"
        invoice.seller.country = "ZZ"
        invoice.originalInvoiceNumber = nil
        let document = Document.invoice(invoice)
        let fromModel = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(document) }
        let fromJSON = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(json: JSONEncoder().encode(document)) }
        #expect(fromModel?.kind == .invalidDocument)
        let mine = fromModel?.issues.map { "\($0.path): \($0.reason)" }.sorted()
        #expect(mine == fromJSON?.issues.map { "\($0.path): \($0.reason)" }.sorted())
        let paths = Set(fromModel?.issues.map(\.path) ?? [])
        #expect(paths.isSuperset(of: ["$.number", "$.seller.country", "$.originalInvoiceNumber"]))
    }

    @Test func limitsOfTheOptionsApplyToADocumentBuiltInCode() throws {
        let folder = Self.samples.appendingPathComponent("cbsa-b3")
        let document = try FolioRenderer.decode(Data(contentsOf: folder.appendingPathComponent("input.json"))).document
        var options = RenderOptions(baseDirectory: folder.path)
        options.documentLimits = DocumentLimits(maxInputBytes: 100)
        let error = #expect(throws: FolioError.self) { try FolioRenderer.renderPDF(document, options: options) }
        #expect(error?.issues.first?.reason.hasPrefix("input is ") == true)
        #expect(error?.issues.first?.reason.hasSuffix("more than the limit of 100 bytes") == true)
    }
}
