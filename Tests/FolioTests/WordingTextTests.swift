import FolioTestSupport
import Foundation
import Testing
@testable import Folio

/// The wording fixes as a reader of the PDF gets them (pdftotext): a German invoice counts "1 Paket"
/// and "2 Pakete" and prints its seller's legal form once.
@Suite struct WordingTextTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func germanInvoiceTextCountsPackagesAndNamesTheSellerOnce() throws {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("Samples/invoice-delivery-fr/input.json"))
        var invoice = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        invoice["locale"] = "de-DE"
        var seller = invoice["seller"] as! [String: Any]
        seller["name"] = "Paketdienst Nordlicht GmbH"
        seller["legalForm"] = "GmbH"
        invoice["seller"] = seller
        let decoded = try FolioRenderer.decode(try JSONSerialization.data(withJSONObject: invoice))
        let result = try FolioRenderer.renderPDF(decoded, options: RenderOptions(baseDirectory: Self.repository.path))
        let text = ExternalTool.foldingWhitespace(try ExternalTool.pdfText(result.pdf))
        #expect(text.contains("Zone 001 · 1 Paket · 3,4 kg"))
        #expect(text.contains("Zone 003 · 2 Pakete · 1,2 kg"))
        #expect(!text.contains("1 Pakete") && !text.contains("pakete"))
        #expect(text.contains("Paketdienst Nordlicht GmbH"))
        #expect(!text.contains("GmbH GmbH"))
    }
}
