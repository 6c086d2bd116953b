import DocumentModel
import Foundation
import Testing
@testable import EInvoice

/// Documents that cannot become a valid EN 16931 invoice fail with the JSON path and the rule.
@Suite("EN 16931 checks before writing")
struct EN16931CheckTests {
    static func french() throws -> Invoice { try #require(TestInvoices.named("example invoice-delivery-fr.json")).invoice }

    static func failure(_ invoice: Invoice) -> EInvoiceError? {
        do {
            _ = try FacturX.xml(for: invoice, totals: invoice.computeTotals())
            return nil
        } catch let error as EInvoiceError {
            return error
        } catch {
            return nil
        }
    }

    @Test func standardRatedLinesNeedTheSellersVATId() throws {
        var invoice = try Self.french()
        invoice.seller.vatId = nil
        let error = try #require(Self.failure(invoice))
        #expect(error.rule == "BR-S-02")
        #expect(error.path == "$.seller.vatId")
        #expect(error.description.contains("$.shipments[0].charges[0]"))
    }

    @Test func anAmountDueNeedsADueDateOrTerms() throws {
        var invoice = try Self.french()
        invoice.dueDate = nil
        invoice.payment?.terms = nil
        let error = try #require(Self.failure(invoice))
        #expect((error.rule, error.path) == ("BR-CO-25", "$.dueDate"))
        invoice.payment?.terms = "30 jours"
        #expect(Self.failure(invoice) == nil)
    }

    @Test func aSellerWithoutAnyIdentifierIsRefused() throws {
        var invoice = try #require(TestInvoices.named("example invoice-delivery-us.json")).invoice
        invoice.seller.taxId = nil
        let error = try #require(Self.failure(invoice))
        #expect((error.rule, error.path) == ("BR-CO-26", "$.seller.taxId"))
    }

    @Test func onlyInformationalChargesMakeNoInvoice() throws {
        var invoice = try #require(TestInvoices.named("example invoice-import-brokerage-fr.json")).invoice
        invoice.importCharges = nil
        invoice.totals = nil
        let error = try #require(Self.failure(invoice))
        #expect((error.rule, error.path) == ("BR-16", "$.shipments"))
    }

    @Test func threeDecimalCurrenciesCannotBeWritten() throws {
        let bhd = try #require(Currency("BHD"))
        let seller = Party(name: "Gulf Parcel W.L.L.", city: "Manama", country: "BH", vatId: "BH123456789")
        let invoice = Invoice(locale: "en-US", currency: bhd, family: .deliveryService, type: .invoice, number: "B1",
                              issueDate: try #require(CalendarDate("2025-03-01")), accountNumber: "A1", seller: seller, billTo: seller,
                              importCharges: nil)
        let error = try #require(Self.failure(invoice))
        #expect((error.rule, error.path) == ("BR-DEC-23", "$.currency"))
    }

    @Test func intraCommunitySupplyNeedsTheBuyersVATIdAndADeliveryCountry() throws {
        var invoice = try Self.french()
        for s in invoice.shipments!.indices {
            for c in invoice.shipments![s].charges.indices {
                invoice.shipments![s].charges[c].vatCategory = .K
                invoice.shipments![s].charges[c].vatRate = "0"
            }
        }
        invoice.adjustments = nil
        invoice.totals = nil
        invoice.billTo.vatId = nil
        #expect(Self.failure(invoice).map { ($0.rule, $0.path) } ?? ("", "") == ("BR-IC-02", "$.billTo.vatId"))
        invoice.billTo.vatId = "DE123456789"
        #expect(Self.failure(invoice).map { ($0.rule, $0.path) } ?? ("", "") == ("BR-IC-12", "$.deliveryAddress"))
        invoice.deliveryAddress = Party(name: "Lager", city: "Köln", country: "DE")
        #expect(Self.failure(invoice) == nil)
    }

    @Test func exemptionCodesAreSplitOffTheModelsReasons() {
        #expect(VATExemption.vatexCode("VATEX-EU-79-C — débours, art. 267 II 2° du CGI") == "VATEX-EU-79-C")
        #expect(VATExemption.vatexCode("Exonération, art. 261 CGI") == nil)
        #expect(VATExemption.of(category: .S, reasons: ["x"]) == VATExemption(reason: nil, code: nil))
        #expect(VATExemption.of(category: .AE, reasons: []) == VATExemption(reason: "Reverse charge", code: "VATEX-EU-AE"))
        #expect(VATExemption.of(category: .E, reasons: ["Art. 261 CGI"]) == VATExemption(reason: "Art. 261 CGI", code: nil))
    }
}
