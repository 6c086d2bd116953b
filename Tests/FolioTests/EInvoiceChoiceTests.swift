import Foundation
import Testing
@testable import Folio

/// Which documents carry an e-invoice: by default the EU sellers' invoices and credit notes, as
/// PDF/A-3b; asked for, any invoice; never a form.
@Suite struct EInvoiceChoiceTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("DocumentModelTests/Fixtures/examples")

    static func decoded(_ name: String) throws -> DecodedDocument {
        try FolioRenderer.decode(Data(contentsOf: Self.examples.appendingPathComponent("\(name).json")))
    }

    @Test func automaticMeansEUSellersInvoicesAsPDFA() throws {
        #expect(RenderOptions().eInvoice == .automatic)
        let french = try Self.decoded("invoice-delivery-fr")
        #expect(try FolioRenderer.eInvoiceXML(french, choice: .automatic) != nil)
        #expect(try FolioRenderer.eInvoiceXML(french, choice: .automatic, pdfStandard: .none) == nil)
        #expect(try FolioRenderer.eInvoiceXML(french, choice: .none) == nil)
        #expect(try FolioRenderer.eInvoiceXML(Self.decoded("invoice-delivery-us"), choice: .automatic) == nil)
        #expect(try FolioRenderer.eInvoiceXML(Self.decoded("invoice-delivery-us"), choice: .facturX) != nil)
        #expect(try FolioRenderer.eInvoiceXML(Self.decoded("cbsa-b3"), choice: .automatic) == nil)
        #expect(throws: FolioError.self) { try FolioRenderer.eInvoiceXML(Self.decoded("cbsa-b3"), choice: .facturX) }
    }

    @Test func theResultCarriesTheEmbeddedXML() throws {
        let decoded = try Self.decoded("credit-note-fr")
        let result = try FolioRenderer.renderPDF(decoded)
        let xml = try #require(result.eInvoiceXML)
        #expect(xml == (try FolioRenderer.eInvoiceXML(decoded, choice: .facturX)))
        #expect(String(decoding: xml, as: UTF8.self).contains("<ram:TypeCode>381</ram:TypeCode>"))
        var options = RenderOptions()
        options.eInvoice = .none
        let plain = try FolioRenderer.renderPDF(decoded, options: options)
        #expect(plain.eInvoiceXML == nil)
        #expect(plain.pdf.count < result.pdf.count)
    }

    @Test func aBrokenDocumentFailsWithPathAndRule() throws {
        var data = try String(contentsOf: Self.examples.appendingPathComponent("invoice-delivery-fr.json"), encoding: .utf8)
        data = data.replacingOccurrences(of: "\"dueDate\": \"2025-04-07\",", with: "")
            .replacingOccurrences(of: "\"terms\": \"Paiement à 30 jours à compter de la date de facture, par virement\",", with: "")
        do {
            _ = try FolioRenderer.renderPDF(json: Data(data.utf8))
            Issue.record("rendered")
        } catch {
            #expect(error.kind == .invalidDocument)
            #expect(error.issues.first?.path == "$.dueDate")
            #expect(error.issues.first?.reason.hasPrefix("BR-CO-25: ") == true, "\(error)")
        }
        var options = RenderOptions()
        options.eInvoice = .none
        #expect(try FolioRenderer.renderPDF(json: Data(data.utf8), options: options).pageCount == 3)
    }
}
