import CairoOutput
import DocumentModel
import FolioTestSupport
import Foundation
import PageFrames
import Testing
import Typesetting
@testable import Templates

@Suite struct InvoiceTemplateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let typesetter = try! Typesetter.bundled()

    func object(_ sample: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("Samples/\(sample)/input.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    func pages(_ object: [String: Any]) throws -> [Page] {
        let decoded = try DocumentDecoder().decode(try JSONSerialization.data(withJSONObject: object))
        let layout = try DocumentTemplates.layout(decoded, typesetter: typesetter, options: TemplateOptions(baseDirectory: Self.repository.path))
        return try Paginator(typesetter: typesetter, template: layout.template).pages(layout.content)
    }

    func texts(_ page: Page) -> [String] {
        page.items.compactMap { item in
            guard case .glyphs(let run) = item else { return nil }
            return run.text
        }
    }

    @Test func frenchInvoiceCarriesMentionsOnEveryPageAndTheStubOnTheLast() throws {
        let pages = try pages(object("invoice-delivery-fr"))
        #expect(pages.count == 3)
        for (index, page) in pages.enumerated() {
            let text = texts(page).joined(separator: "\n")
            #expect(text.contains("RCS Vienne 812 345 676"), "legal mentions missing on page \(index + 1)")
            #expect(text.contains("SIREN 812345676"))
            #expect(text.contains("Page \(index + 1) sur 3"))
            #expect(text.contains("— suite") == (index > 0), "running header on page \(index + 1)")
        }
        let last = texts(pages[2]).joined(separator: "\n")
        #expect(last.contains("Talon de paiement"))
        #expect(last.contains("Indemnité forfaitaire pour frais de recouvrement"))
        #expect(last.contains("40,00\u{00A0}€"))
        #expect(last.contains("FR97 3000 4008 1900 0123 4567 889"))
    }

    @Test func carriedSubtotalsChainAcrossPages() throws {
        let pages = try pages(object("invoice-long-fr"))
        #expect(pages.count == 40)
        func amount(after label: String, in page: Page) -> String? {
            let items = texts(page)
            guard let index = items.firstIndex(of: label) else { return nil }
            return items[(index + 1)...].first { $0.first?.isNumber == true || $0.first == "-" }
        }
        var carried: String?
        for (index, page) in pages.enumerated().dropLast() {
            let out = amount(after: "À reporter", in: page)
            #expect(out != nil, "no carried-out row on page \(index + 1)")
            if index > 0 { #expect(amount(after: "Report", in: page) == carried, "page \(index + 1) brings forward another amount") }
            carried = out
        }
    }

    @Test func paymentQRCodeCarriesTheEPCTransfer() throws {
        guard ExternalTool.isAvailable("zbarimg") else {
            Issue.record("zbarimg (zbar-tools) is not installed: payment QR not decoded")
            return
        }
        let pages = try pages(object("invoice-delivery-fr"))
        let png = try PNGRenderer(registry: typesetter.registry, dpi: 150).render(pages[2])
        let path = try ExternalTool.temporaryFile(png, suffix: ".png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // -Sbinary: the payload's bytes as encoded (UTF-8, EPC character set 1), not zbar's guess.
        let decoded = try ExternalTool.run("zbarimg", ["--raw", "-q", "-Sbinary", path]).standardOutput
        #expect(decoded.contains("BCD\n002\n1\nSCT\nVCFRFRPPXXX\nVélocité Colis France\nFR9730004008190001234567889\nEUR297.00"), "\(decoded)")
        #expect(decoded.contains("0000F2501087"))
    }

    @Test func creditNoteNamesTheInvoiceItCorrects() throws {
        let text = try pages(object("credit-note-fr")).map { texts($0).joined(separator: "\n") }.joined(separator: "\n")
        #expect(text.contains("Avoir 0000A2500112"))
        #expect(text.contains("Rectifie la facture"))
        #expect(text.contains("N° d’avoir") && text.contains("Date de l’avoir"))
        #expect(!text.contains("N° de facture"))
        #expect(text.contains("Montant à créditer"))
    }

    @Test func usInvoiceIsLetterSizedInDollars() throws {
        let pages = try pages(object("invoice-delivery-us"))
        #expect(pages[0].size == .usLetter)
        let text = texts(pages[0]).joined(separator: "\n")
        #expect(text.contains("$241.96"))
        #expect(text.contains("Chicago, IL 60680-0455"))
    }

    @Test func germanLabelsForAGermanLocale() throws {
        var invoice = try object("invoice-delivery-us")
        invoice["locale"] = "de-DE"
        let text = try pages(invoice).map { texts($0).joined(separator: "\n") }.joined(separator: "\n")
        for label in ["Rechnung", "Rechnungsnummer", "Sendungsdetails", "Zahlbetrag", "Seite 1 von 2"] {
            #expect(text.contains(label), "\(label) missing")
        }
        #expect(text.contains("241,96\u{00A0}$"))
    }

    @Test func arabicPartyNameIsSetRightToLeft() throws {
        let pages = try pages(object("invoice-rtl-parties"))
        let runs = pages[0].items.compactMap { item -> GlyphRun? in
            guard case .glyphs(let run) = item else { return nil }
            return run
        }
        let name = runs.first { $0.text.contains("شركة النخيل") }
        #expect(name?.clustersBackward == true)
    }

    @Test func unknownFontFamilyIsAnErrorNamingTheField() throws {
        var invoice = try object("invoice-delivery-us")
        invoice["theme"] = ["fontFamily": "Comic Sans"]
        #expect { try self.pages(invoice) } throws: { error in
            (error as? TemplateError)?.path == "$.theme.fontFamily"
        }
    }

    @Test func logoOutsideTheDocumentFolderIsRefused() throws {
        var invoice = try object("invoice-themed-logo")
        invoice["theme"] = ["logo": "../../etc/passwd"]
        #expect { try self.pages(invoice) } throws: { error in
            "\(error)".hasPrefix("$.theme.logo: ")
        }
        // A symlink inside the folder that points outside it is refused as well.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("folio-logo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = Self.repository.appendingPathComponent("Samples/invoice-themed-logo/logo.png")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("logo.png"), withDestinationURL: outside)
        invoice["theme"] = ["logo": "logo.png"]
        let decoded = try DocumentDecoder().decode(try JSONSerialization.data(withJSONObject: invoice))
        #expect { try DocumentTemplates.layout(decoded, typesetter: self.typesetter, options: TemplateOptions(baseDirectory: folder.path)) } throws: { error in
            (error as? TemplateError)?.path == "$.theme.logo" && "\(error)".contains("outside")
        }
        // …unless the caller allows the folder it points into.
        let allowed = TemplateOptions(baseDirectory: folder.path, allowedImageRoot: outside.deletingLastPathComponent().path)
        #expect(throws: Never.self) { try DocumentTemplates.layout(decoded, typesetter: self.typesetter, options: allowed) }
    }
}
