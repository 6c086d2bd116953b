import DocumentModel
import Foundation
import Testing
@testable import EInvoice

/// Every example and sample invoice's XML passes the Factur-X EN 16931 XSD and the official CEN rules
/// (zero fatal failed asserts); a French seller's invoice with the France 2026 fields filled in also
/// passes the French CTC rules (BR-FR). One validator process for the whole batch.
@Suite("Factur-X validators")
struct ValidatorTests {
    /// The French example with every field the BR-FR rules need.
    static func completeFrenchInvoice() throws -> Invoice {
        var invoice = try #require(TestInvoices.named("example invoice-delivery-fr.json")).invoice
        invoice.operationNature = .services
        invoice.vatOnDebits = true
        invoice.deliveryAddress = Party(name: "Atelier Lumière & Bois — entrepôt", city: "Vénissieux", country: "FR",
                                        addressLines: ["4 rue de l'Industrie"], postalCode: "69200")
        return invoice
    }

    static func completeFrenchCreditNote() throws -> Invoice {
        var credit = try #require(TestInvoices.named("example credit-note-fr.json")).invoice
        credit.operationNature = .services
        credit.originalInvoiceDate = CalendarDate("2025-03-08")
        // BR-FR-05 wants the three payment mentions on credit notes too.
        credit.payment?.latePenalty = "taux de refinancement de la BCE majoré de 10 points"
        credit.payment?.recoveryFee = Money("40.00", currency: .eur)
        credit.payment?.earlyPaymentDiscount = "Pas d'escompte pour paiement anticipé"
        return credit
    }

    @Test func xsdAndRulesAcceptEveryInvoice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-facturx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var cases: [(String, Invoice, Bool)] = TestInvoices.all.map { ($0.name, $0.invoice, false) }
        cases.append(("complete French invoice", try Self.completeFrenchInvoice(), true))
        cases.append(("complete French credit note", try Self.completeFrenchCreditNote(), true))
        cases += TestInvoices.variants.map { ($0.name, $0.invoice, false) }
        var files: [String: (String, Bool)] = [:]
        for (index, (name, invoice, complete)) in cases.enumerated() {
            let file = folder.appendingPathComponent("\(index).xml").path
            try Data(FacturX.xml(for: invoice, totals: invoice.computeTotals())).write(to: URL(fileURLWithPath: file))
            files[file] = (name, complete)
        }
        let verdicts = try FacturXValidator.validate(files.keys.sorted(), frenchRules: true)
        #expect(verdicts.count == cases.count)
        for (file, (name, complete)) in files.sorted(by: { $0.value.0 < $1.value.0 }) {
            let verdict = try #require(verdicts[file], "no verdict for \(name)")
            #expect(verdict.xsd == "ok", "\(name): XSD: \(verdict.xsd)")
            #expect(verdict.fatal.isEmpty, "\(name): EN 16931 fatal: \(verdict.fatal)")
            if complete { #expect(verdict.frenchFatal.isEmpty, "\(name): BR-FR fatal: \(verdict.frenchFatal)") }
            let french = Set(verdict.frenchFatal.map { $0[0] }).sorted()
            print("validators · \(name): XSD \(verdict.xsd); EN 16931 fatal \(verdict.fatal.count), warnings \(verdict.warnings.count) \(Set(verdict.warnings).sorted()); BR-FR fatal \(french)")
        }
    }

    /// The checker is not vacuous: a broken XML makes the validators report (here a removed seller
    /// VAT id, which the Swift checker would have refused, written past it).
    @Test func validatorsRejectABrokenInvoice() throws {
        let entry = try #require(TestInvoices.named("example invoice-delivery-fr.json"))
        var xml = String(decoding: try FacturX.xml(for: entry.invoice, totals: entry.totals), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<ram:DuePayableAmount>297.00</ram:DuePayableAmount>", with: "<ram:DuePayableAmount>297.01</ram:DuePayableAmount>")
        xml = xml.replacingOccurrences(of: "<ram:TypeCode>VAT</ram:TypeCode>", with: "<ram:TypeCode>VAT</ram:TypeCode><ram:Bogus/>")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-broken-\(UUID().uuidString).xml").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let verdict = try #require(try FacturXValidator.validate([file], frenchRules: false)[file])
        #expect(verdict.xsd != "ok")
        #expect(verdict.fatal.contains { $0[0] == "BR-CO-16" }, "\(verdict.fatal)")
    }
}
