import DocumentModel
import Foundation
import Testing
@testable import Templates

@Suite struct VATCategoryLabelTests {
    func invoice(seller: String, billTo: String, date: String) -> Invoice {
        Invoice(locale: "de-DE", currency: .eur, family: .deliveryService, type: .invoice, number: "1", issueDate: CalendarDate(date)!, accountNumber: "A",
                seller: Party(name: "S", city: "X", country: seller), billTo: Party(name: "B", city: "Y", country: billTo))
    }

    func key(_ rate: ExactDecimal, seller: String = "DE", billTo: String = "DE", date: String = "2025-03-08", others: [ExactDecimal] = []) -> String {
        VATCategoryLabel(invoice: invoice(seller: seller, billTo: billTo, date: date), rates: others + [rate]).key(category: .S, rate: rate)
    }

    @Test func standardAndReducedRatesOfTheSellersCountry() {
        #expect(key("19") == "vat.category.S")
        #expect(key("7") == "vat.category.S.reduced")
        #expect(key("20", seller: "FR", billTo: "FR") == "vat.category.S")
        #expect(key("5.5", seller: "FR", billTo: "FR") == "vat.category.S.reduced")
        #expect(key("2.1", seller: "FR", billTo: "FR") == "vat.category.S.reduced")
        #expect(key("20", seller: "GB", billTo: "GB") == "vat.category.S")
        #expect(key("5", seller: "GB", billTo: "GB") == "vat.category.S.reduced")
    }

    @Test func theRateInForceOnTheIssueDate() {
        // Germany, second half of 2020: 16 % standard, 5 % reduced.
        #expect(key("16", date: "2020-10-01") == "vat.category.S")
        #expect(key("16", date: "2021-01-04") == "vat.category.S.reduced")
        #expect(key("25.5", seller: "FI", billTo: "FI", date: "2024-09-01") == "vat.category.S")
        #expect(key("24", seller: "FI", billTo: "FI", date: "2024-08-31") == "vat.category.S")
    }

    @Test func theCustomersStandardRateIsStandardToo() {
        #expect(key("20", seller: "DE", billTo: "AT") == "vat.category.S")
        #expect(key("10", seller: "DE", billTo: "AT") == "vat.category.S.reduced")
    }

    @Test func ratesNoTableCanPlace() {
        // A country outside the table: a rate below another S rate of the invoice is reduced; the highest is only "taxable".
        #expect(key("8", seller: "US", billTo: "US", others: ["13"]) == "vat.category.S.reduced")
        #expect(key("13", seller: "US", billTo: "US", others: ["8"]) == "vat.category.S.taxable")
        // Above the seller's standard rate (an outdated or foreign rate): never called standard or reduced.
        #expect(key("21", seller: "DE", billTo: "DE") == "vat.category.S.taxable")
    }

    @Test func otherCategoriesKeepTheirLabel() {
        let label = VATCategoryLabel(invoice: invoice(seller: "DE", billTo: "DE", date: "2025-03-08"), rates: [])
        for category in VATCategory.allCases where category != .S {
            #expect(label.key(category: category, rate: "0") == "vat.category.\(category.rawValue)")
        }
    }

    /// Every key the label can give exists in each language, and the three S labels differ.
    @Test func everyLanguageNamesEveryKind() throws {
        let catalog = try LabelCatalog.bundled()
        for language in ["fr", "en", "de"] {
            let labels = catalog.labels(for: language)
            let names = ["vat.category.S", "vat.category.S.reduced", "vat.category.S.taxable"].map { labels[$0] }
            #expect(Set(names).count == 3, "\(language): \(names)")
            #expect(names.allSatisfy { !$0.hasPrefix("vat.") }, "\(language): \(names)")
        }
        #expect(catalog.labels(for: "de")["vat.category.S.reduced"] == "Ermäßigter Satz")
        #expect(catalog.labels(for: "fr")["vat.category.S.reduced"] == "Taux réduit")
        #expect(catalog.labels(for: "en")["vat.category.S.reduced"] == "Reduced rate")
    }
}
