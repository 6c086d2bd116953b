import DocumentModel
import Foundation
import PageFrames
import Testing
import Typesetting
@testable import Templates

/// The wording of a rendered invoice in French, English and German: counted packages, the legal
/// form once, VAT rates formatted alike everywhere, reduced rates named as such, colons spaced per
/// language. Read from the laid-out pages' glyph runs (the text the PDF will carry).
@Suite struct InvoiceWordingTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let typesetter = try! Typesetter.bundled()

    /// invoice-delivery-fr recast: `locale`, a seller whose name already ends in its legal form,
    /// shipments of one and two packages, one charge at a reduced rate and one exempt.
    static func invoice(locale: String, country: String, name: String, legalForm: String, standard: String, reduced: String) throws -> [String: Any] {
        let data = try Data(contentsOf: repository.appendingPathComponent("Samples/invoice-delivery-fr/input.json"))
        var invoice = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        invoice["locale"] = locale
        invoice["totals"] = nil
        invoice["pdf"] = nil
        invoice["seller"] = [
            "name": name, "legalForm": legalForm, "shareCapital": "25.000 EUR", "city": "Hamburg", "country": country,
            "addressLines": ["Hafenstraße 12"], "postalCode": "20457", "vatId": "\(country)123456789",
        ]
        var billTo = invoice["billTo"] as! [String: Any]
        billTo["country"] = country
        billTo["vatId"] = nil
        billTo["siren"] = nil
        invoice["billTo"] = billTo
        var shipments = Array((invoice["shipments"] as! [[String: Any]]).prefix(3))
        for index in shipments.indices {
            var charges = shipments[index]["charges"] as! [[String: Any]]
            for charge in charges.indices { charges[charge]["vatRate"] = standard }
            if index == 1 { charges[1]["vatRate"] = reduced }
            if index == 2 { charges[1].merge(["vatCategory": "E", "vatRate": "0", "exemptionReason": "VATEX-EU-132"]) { $1 } }
            shipments[index]["charges"] = charges
        }
        invoice["shipments"] = shipments
        invoice["adjustments"] = nil
        invoice["notes"] = nil  // French customer text, whatever the locale
        return invoice
    }

    func texts(_ object: [String: Any]) throws -> [String] {
        let decoded = try DocumentDecoder().decode(try JSONSerialization.data(withJSONObject: object))
        let layout = try DocumentTemplates.layout(decoded, typesetter: typesetter, options: TemplateOptions(baseDirectory: Self.repository.path))
        return try Paginator(typesetter: typesetter, template: layout.template).pages(layout.content).flatMap { page in
            page.items.compactMap { item -> String? in
                guard case .glyphs(let run) = item else { return nil }
                return run.text
            }
        }
    }

    static var german: [String: Any] {
        get throws { try invoice(locale: "de-DE", country: "DE", name: "Paketdienst Nordlicht GmbH", legalForm: "GmbH", standard: "19", reduced: "7") }
    }

    @Test func germanInvoiceCountsPackagesInTheSingularAndPlural() throws {
        let text = try texts(try Self.german).joined(separator: "\n")
        #expect(text.contains("· 1\u{00A0}Paket ·"))
        #expect(text.contains("· 2\u{00A0}Pakete ·"))
        #expect(!text.contains("1\u{00A0}Pakete") && !text.contains("pakete"))
    }

    @Test func germanInvoicePrintsTheLegalFormOnce() throws {
        let text = try texts(try Self.german).joined(separator: "\n")
        #expect(text.contains("Paketdienst Nordlicht GmbH"))
        #expect(!text.contains("GmbH GmbH"))
        #expect(text.contains("Paketdienst Nordlicht GmbH, Stammkapital 25.000 EUR"))
    }

    @Test func germanReducedRateIsNamedAndFormattedLikeTheStandardRate() throws {
        let texts = try texts(try Self.german)
        #expect(texts.contains("S — Regelsatz"))
        #expect(texts.contains("S — Ermäßigter Satz"))
        #expect(texts.contains("E — Steuerfrei"))
        #expect(texts.contains("19\u{00A0}%"))
        #expect(texts.contains("7\u{00A0}%"))
        #expect(texts.contains("Befreiungsgrund: VATEX-EU-132"))
        #expect(!texts.contains { $0.contains("Normalsatz") })
    }

    /// Every rate on the page, wherever it is printed, is the locale's percent format.
    @Test(arguments: [
        ("de-DE", "DE", "19", "7", "\u{00A0}%"), ("fr-FR", "FR", "20", "5.5", "\u{202F}%"), ("en-GB", "GB", "20", "5", "%"),
    ])
    func everyRateUsesTheLocalesPercentFormat(_ row: (String, String, String, String, String)) throws {
        let texts = try texts(try Self.invoice(locale: row.0, country: row.1, name: "Nordlicht", legalForm: "Ltd", standard: row.2, reduced: row.3))
        let percent = PercentFormatter(locale: FormattingLocale.bestMatch(for: row.0))
        for rate in [row.2, row.3, "0"] { #expect(texts.contains(percent.string(ExactDecimal(parsing: rate)!)), "\(row.0): \(rate)") }
        let withPercent = texts.filter { $0.contains("%") }
        #expect(withPercent.count >= 3)
        for text in withPercent {
            #expect(text.hasSuffix(row.4), "\(row.0): “\(text)”")
            if row.4 == "%" { #expect(text.dropLast().last?.isNumber == true, "\(row.0): “\(text)”") }
        }
    }

    @Test func colonsAreSpacedPerLanguage() throws {
        let french = try texts(try Self.invoice(locale: "fr-FR", country: "FR", name: "Nordlicht", legalForm: "SAS", standard: "20", reduced: "5.5"))
        #expect(french.contains("Exonération\u{00A0}: VATEX-EU-132"))
        #expect(french.contains("Conditions\u{00A0}: "))
        let english = try texts(try Self.invoice(locale: "en-GB", country: "GB", name: "Nordlicht", legalForm: "Ltd", standard: "20", reduced: "5"))
        #expect(english.contains("Exemption: VATEX-EU-132"))
        #expect(english.contains("Payment terms: "))
        #expect(!english.contains { $0.contains(" :") || $0.contains("\u{00A0}:") })
        let german = try texts(try Self.german)
        #expect(!german.contains { $0.contains(" :") || $0.contains("\u{00A0}:") })
    }

    @Test(arguments: [
        ("fr-FR", "FR", "20", "5.5", "S — Taux normal", "S — Taux réduit", "1\u{00A0}colis", "2\u{00A0}colis"),
        ("en-GB", "GB", "20", "5", "S — Standard rate", "S — Reduced rate", "1\u{00A0}package", "2\u{00A0}packages"),
        ("de-DE", "DE", "19", "7", "S — Regelsatz", "S — Ermäßigter Satz", "1\u{00A0}Paket", "2\u{00A0}Pakete"),
    ])
    func reducedRatesAndCountsInEachLanguage(_ row: (String, String, String, String, String, String, String, String)) throws {
        let text = try texts(try Self.invoice(locale: row.0, country: row.1, name: "Nordlicht", legalForm: "AG", standard: row.2, reduced: row.3))
            .joined(separator: "\n")
        for expected in [row.4, row.5, "· \(row.6) ·", "· \(row.7) ·"] { #expect(text.contains(expected), "\(row.0): “\(expected)” missing") }
    }

    /// Counts of a thousand and more are grouped as the locale groups digits, and still counted.
    @Test(arguments: [("fr-FR", "FR", "1\u{202F}200\u{00A0}colis"), ("en-GB", "GB", "1,200\u{00A0}packages"), ("de-DE", "DE", "1.200\u{00A0}Pakete")])
    func largeCountsAreGrouped(_ row: (String, String, String)) throws {
        var invoice = try Self.invoice(locale: row.0, country: row.1, name: "Nordlicht", legalForm: "SE", standard: "20", reduced: "7")
        var shipments = invoice["shipments"] as! [[String: Any]]
        shipments[0]["packages"] = 1200
        invoice["shipments"] = shipments
        #expect(try texts(invoice).joined(separator: "\n").contains("· \(row.2) ·"))
    }
}
