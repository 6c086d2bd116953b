import Foundation
import Testing
@testable import DocumentModel

@Suite("Spec examples")
struct ExampleTests {
    @Test("every example decodes without issues", arguments: Fixture.exampleNames)
    func decodes(name: String) throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example(name))
        #expect(decoded.document.currency.code.count == 3)
    }

    @Test func deliveryFR() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("invoice-delivery-fr"))
        let totals = try #require(decoded.invoiceTotals)
        #expect(totals.totalIncentives.plainText == "63.72")
        #expect(totals.net.plainText == "247.50")
        #expect(totals.vatGroups.map { "\($0.category) \($0.rate) \($0.base.plainText) \($0.amount.plainText)" } == ["S 20 247.50 49.50"])
        #expect(totals.totalVat.plainText == "49.50")
        #expect(totals.totalInclVat.plainText == "297.00")
        #expect(totals.amountDue.plainText == "297.00")
        #expect(totals.shipmentSubtotals.count == 14)
        #expect(totals.adjustmentsTotal.plainText == "5.10")
        #expect(totals.shipmentsTotal + totals.adjustmentsTotal == totals.net)
        #expect(decoded.warnings.isEmpty)
    }

    @Test func deliveryUS() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("invoice-delivery-us"))
        let totals = try #require(decoded.invoiceTotals)
        #expect(totals.totalIncentives.plainText == "42.73")
        #expect(totals.net.plainText == "241.96")
        #expect(totals.vatGroups.isEmpty)
        #expect(totals.totalVat.plainText == "0.00")
        #expect(totals.totalInclVat.plainText == "241.96")
        #expect(totals.amountDue.plainText == "241.96")
        #expect(totals.chargeSummary.map(\.classification) == [.FRT, .FSC, .ACC])
    }

    @Test func creditNote() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("credit-note-fr"))
        let totals = try #require(decoded.invoiceTotals)
        #expect(totals.totalIncentives.plainText == "-3.65")
        #expect(totals.net.plainText == "-35.95")
        #expect(totals.vatGroups.first?.amount.plainText == "-7.19")
        #expect(totals.totalInclVat.plainText == "-43.14")
        #expect(totals.amountDue.plainText == "-43.14")
        guard case .invoice(let invoice) = decoded.document else { Issue.record("not an invoice"); return }
        #expect(invoice.type == .creditNote)
        #expect(invoice.originalInvoiceNumber == "0000F2501087")
    }

    @Test func importBrokerage() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("invoice-import-brokerage-fr"))
        let totals = try #require(decoded.invoiceTotals)
        #expect(totals.net.plainText == "441.66")
        #expect(totals.disbursementsTotal.plainText == "404.66")
        #expect(totals.importFeesTotal.plainText == "37.00")
        #expect(totals.vatGroups.map { "\($0.category) \($0.rate) \($0.base.plainText) \($0.amount.plainText)" } == ["E 0 404.66 0.00", "S 20 37.00 7.40"])
        #expect(totals.vatGroups[0].exemptionReasons == ["VATEX-EU-79-C — débours, art. 267 II 2° du CGI"])
        #expect(totals.totalVat.plainText == "7.40")
        #expect(totals.amountDue.plainText == "449.06")
    }

    @Test func cbp7501() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("cbp-7501"))
        let c = try #require(decoded.cbp7501)
        #expect(c.lines.map(\.enteredValue.plainText) == ["12346.00", "8000.00"])
        #expect(c.lines.map(\.duty.plainText) == ["0.00", "1320.00"])
        #expect(c.lines.map { $0.charges?.plainText } == ["1184.00", "766.00"])
        #expect(c.lines.map(\.mpf.plainText) == ["42.77", "27.71"])
        #expect(c.lines.map(\.hmf.plainText) == ["15.43", "10.00"])
        #expect(c.totalEnteredValue.plainText == "20346.00")
        #expect(c.mpfSchedule?.fiscalYear == 2025)
        #expect(c.mpf.plainText == "70.48")
        #expect(c.hmf.plainText == "25.43")
        #expect(c.totalOtherFees.plainText == "95.91")
        #expect(c.duty.plainText == "1320.00")
        #expect(c.tax.plainText == "0.00")
        #expect(c.other.plainText == "95.91")
        #expect(c.total.plainText == "1415.91")
    }

    @Test func cbsaB3() throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example("cbsa-b3"))
        let c = try #require(decoded.cbsaB3)
        let line = try #require(c.lines.first)
        #expect(line.valueForDuty.plainText == "115.00")
        #expect(line.customsDuties.plainText == "4.60")
        #expect(line.valueForTax.plainText == "119.60")
        #expect(line.gst.plainText == "5.98")
        #expect(c.totalValueForDuty.plainText == "115.00")
        #expect((c.customsDuties + c.gst).plainText == "10.58")
        #expect(c.total.plainText == "10.58")
    }

    @Test("encode → decode gives the same document", arguments: Fixture.exampleNames)
    func roundTrip(name: String) throws {
        let decoded = try DocumentDecoder().decode(try Fixture.example(name))
        let encoded = try JSONEncoder().encode(decoded.document)
        let again = try DocumentDecoder().decode(encoded)
        #expect(again.document == decoded.document)
        #expect(again.computation == decoded.computation)
        // Through Foundation's JSONDecoder and the Codable conformance as well.
        #expect(try JSONDecoder().decode(Document.self, from: encoded) == decoded.document)
    }
}
