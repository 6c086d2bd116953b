import DocumentModel
import Foundation
import Testing
@testable import EInvoice

@Suite("Factur-X EN 16931 XML")
struct FacturXTests {
    @Test func everyExampleAndSampleInvoiceIsLoaded() {
        let names = TestInvoices.all.map(\.name)
        #expect(names.filter { $0.hasPrefix("example ") }.count == 4, "\(names)")
        #expect(names.filter { $0.hasPrefix("sample ") }.count >= 7, "\(names)")
        #expect(TestInvoices.variants.count == 8)
    }

    /// The XML's figures are the decoded model's: number, dates, type, currency, totals, VAT groups
    /// and Σ line amounts, read back with an XML parser.
    @Test(arguments: TestInvoices.all + TestInvoices.variants)
    func figuresEqualTheModel(_ entry: TestInvoices.Entry) throws {
        let invoice = entry.invoice, totals = entry.totals
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: invoice, totals: totals))))
        let sign: Int64 = invoice.type == .creditNote ? -1 : 1
        func text(_ money: Money) -> String { Money(minorUnits: money.minorUnits * sign, currency: money.currency).plainText }
        func date(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }
        #expect(xml.text("ExchangedDocument/ID") == invoice.number)
        #expect(xml.text("ExchangedDocument/TypeCode") == (invoice.type == .creditNote ? "381" : "380"))
        #expect(xml.text("ExchangedDocument/IssueDateTime/DateTimeString") == date(invoice.issueDate))
        #expect(xml.text("GuidelineSpecifiedDocumentContextParameter/ID") == "urn:cen.eu:en16931:2017")
        #expect(xml.text("InvoiceCurrencyCode") == invoice.currency.code)
        #expect(xml.text("SpecifiedTradePaymentTerms/DueDateDateTime/DateTimeString") == invoice.dueDate.map(date))
        #expect(xml.text("ApplicableHeaderTradeSettlement/BillingSpecifiedPeriod/StartDateTime/DateTimeString") == invoice.billingPeriod.map { date($0.start) })
        #expect(xml.text("ApplicableHeaderTradeSettlement/BillingSpecifiedPeriod/EndDateTime/DateTimeString") == invoice.billingPeriod.map { date($0.end) })
        let summation = "SpecifiedTradeSettlementHeaderMonetarySummation/"
        #expect(xml.text(summation + "LineTotalAmount") == text(totals.net))
        #expect(xml.text(summation + "TaxBasisTotalAmount") == text(totals.net))
        #expect(xml.text(summation + "TaxTotalAmount") == text(totals.totalVat))
        #expect(xml.all(summation + "TaxTotalAmount").first?.attributes["currencyID"] == invoice.currency.code)
        #expect(xml.text(summation + "GrandTotalAmount") == text(totals.totalInclVat))
        #expect(xml.text(summation + "DuePayableAmount") == text(totals.amountDue))
        // Σ line amounts = BT-106, summed here in minor units from the XML's own text.
        let lineAmounts = xml.texts("SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount")
        let sum = lineAmounts.compactMap { Money($0, currency: invoice.currency) }.reduce(Money.zero(invoice.currency), +)
        #expect(lineAmounts.count == InvoiceLine.lines(of: invoice).count)
        #expect(sum.plainText == text(totals.net))
        // VAT groups: category, rate, base and amount, in the computed order.
        let groups = xml.all("ApplicableHeaderTradeSettlement/ApplicableTradeTax")
        let categories = xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/CategoryCode")
        let bases = xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/BasisAmount")
        let amounts = xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/CalculatedAmount")
        if totals.vatGroups.isEmpty {
            #expect(categories == ["O"])
            #expect(bases == [text(totals.net)])
            #expect(amounts == [text(.zero(invoice.currency))])
        } else {
            #expect(groups.count == totals.vatGroups.count)
            #expect(categories == totals.vatGroups.map(\.category.rawValue))
            #expect(bases == totals.vatGroups.map { text($0.base) })
            #expect(amounts == totals.vatGroups.map { text($0.amount) })
            let rates = xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/RateApplicablePercent")
            // Category O carries no rate (BR-O-05…).
            #expect(rates.compactMap { Decimal(string: $0) } == totals.vatGroups.filter { $0.category != .O }.map(\.rate.value))
        }
        #expect(xml.text("SellerTradeParty/Name") == invoice.seller.name)
        #expect(xml.text("BuyerTradeParty/Name") == invoice.billTo.name)
        #expect(xml.text("SellerTradeParty/SpecifiedLegalOrganization/ID") == invoice.seller.siren ?? invoice.seller.siret)
        #expect(xml.text("BuyerTradeParty/SpecifiedLegalOrganization/ID") == invoice.billTo.siren ?? invoice.billTo.siret)
    }

    @Test func creditNoteIs381WithPositiveAmountsAndThePrecedingInvoice() throws {
        let entry = try #require(TestInvoices.named("example credit-note-fr.json"))
        #expect(entry.totals.amountDue.plainText == "-43.14")
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: entry.invoice, totals: entry.totals))))
        #expect(xml.text("ExchangedDocument/TypeCode") == "381")
        #expect(xml.text("InvoiceReferencedDocument/IssuerAssignedID") == "0000F2501087")
        #expect(xml.text("SpecifiedTradeSettlementHeaderMonetarySummation/DuePayableAmount") == "43.14")
        #expect(xml.text("SpecifiedTradeSettlementHeaderMonetarySummation/TaxTotalAmount") == "7.19")
        #expect(xml.texts("SpecifiedLineTradeAgreement/NetPriceProductTradePrice/ChargeAmount").allSatisfy { !$0.hasPrefix("-") })
        var dated = entry.invoice
        dated.originalInvoiceDate = CalendarDate("2025-03-08")
        let withDate = try #require(XMLElements.read(Data(try FacturX.xml(for: dated, totals: dated.computeTotals()))))
        #expect(withDate.text("InvoiceReferencedDocument/FormattedIssueDateTime/DateTimeString") == "20250308")
    }

    @Test func sameInputSameBytes() throws {
        for entry in TestInvoices.all {
            let first = try FacturX.xml(for: entry.invoice, totals: entry.totals)
            let second = try FacturX.xml(for: entry.invoice, totals: entry.invoice.computeTotals())
            #expect(first == second, "\(entry.name)")
        }
    }

    /// Disbursements (débours) are lines of category E with exemption code VATEX-EU-79-C, beside the
    /// taxable brokerage fees (S): the XML's totals are the page's, and no category O is mixed in.
    @Test func disbursementsAreExemptLinesWithArticle79C() throws {
        let entry = try #require(TestInvoices.named("example invoice-import-brokerage-fr.json"))
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: entry.invoice, totals: entry.totals))))
        let header = "ApplicableHeaderTradeSettlement/ApplicableTradeTax/"
        #expect(xml.texts(header + "CategoryCode") == ["E", "S"])
        #expect(xml.texts(header + "ExemptionReasonCode") == ["VATEX-EU-79-C"])
        #expect(xml.texts(header + "BasisAmount") == ["404.66", "37.00"])
        #expect(xml.texts("SpecifiedLineTradeSettlement/ApplicableTradeTax/CategoryCode") == ["E", "E", "S", "S"])
        #expect(xml.text("SpecifiedTradeSettlementHeaderMonetarySummation/GrandTotalAmount") == "449.06")
        #expect(!xml.texts("CategoryCode").contains("O"))
        // The informational customs value is a note, not a line.
        #expect(xml.texts("ExchangedDocument/IncludedNote/Content").contains { $0.contains("Valeur en douane") })
    }

    @Test func documentWithoutVATIsNotSubjectToVATAndCarriesNoVATIds() throws {
        let entry = try #require(TestInvoices.named("example invoice-delivery-us.json"))
        var invoice = entry.invoice
        invoice.billTo.vatId = "DE123456789"
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: invoice, totals: invoice.computeTotals()))))
        #expect(xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/ExemptionReasonCode") == ["VATEX-EU-O"])
        #expect(xml.all("SpecifiedTaxRegistration/ID").allSatisfy { $0.attributes["schemeID"] != "VA" })
        #expect(xml.text("SellerTradeParty/ID") == "36-4471920")
    }

    @Test func frenchMentionsReachTheXML() throws {
        let entry = try #require(TestInvoices.named("example invoice-delivery-fr.json"))
        var invoice = entry.invoice
        invoice.operationNature = .services
        invoice.vatOnDebits = true
        invoice.deliveryAddress = Party(name: "Atelier Lumière & Bois — entrepôt", city: "Vénissieux", country: "FR",
                                        addressLines: ["4 rue de l'Industrie"], postalCode: "69200")
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: invoice, totals: invoice.computeTotals()))))
        #expect(xml.text("BusinessProcessSpecifiedDocumentContextParameter/ID") == "S1")
        #expect(xml.texts("ApplicableHeaderTradeSettlement/ApplicableTradeTax/DueDateTypeCode") == ["5"])
        #expect(xml.text("ShipToTradeParty/PostalTradeAddress/CityName") == "Vénissieux")
        #expect(xml.all("BuyerTradeParty/SpecifiedLegalOrganization/ID").first?.attributes["schemeID"] == "0002")
        for (nature, code) in [(OperationNature.goods, "B1"), (.goodsAndServices, "M1")] {
            invoice.operationNature = nature
            let other = try #require(XMLElements.read(Data(try FacturX.xml(for: invoice, totals: invoice.computeTotals()))))
            #expect(other.text("BusinessProcessSpecifiedDocumentContextParameter/ID") == code)
        }
    }

    @Test func markupInTextIsEscaped() throws {
        let entry = try #require(TestInvoices.named("example invoice-delivery-fr.json"))
        var invoice = entry.invoice
        invoice.notes = ["a < b & c > d \"quoted\""]
        let xml = try #require(XMLElements.read(Data(try FacturX.xml(for: invoice, totals: invoice.computeTotals()))))
        #expect(xml.texts("ExchangedDocument/IncludedNote/Content").first == "a < b & c > d \"quoted\"")
    }
}

/// Amounts are written digit by digit; the text must be `Money.plainText`'s, for every currency exponent.
@Suite("XML amounts")
struct XMLAmountTests {
    @Test(arguments: ["EUR", "JPY", "KWD"])
    func amountsAreWrittenAsMoneyPlainText(_ code: String) throws {
        let currency = try #require(Currency(code))
        for units: Int64 in [0, 1, 5, 9, 10, 99, 100, 101, 12_345, -1, -5, -100, -12_345, 999_999_999_999, -999_999_999_999] {
            var xml = XMLText(capacity: 64)
            xml.leaf("a", minorUnits: units, exponent: currency.minorUnitExponent)
            let text = String(decoding: xml.bytes, as: UTF8.self)
            #expect(text.hasSuffix("<a>\(Money(minorUnits: units, currency: currency).plainText)</a>\n"), "\(units) \(code): \(text)")
        }
    }
}
