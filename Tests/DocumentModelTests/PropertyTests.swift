import Foundation
import PropertyBased
import Testing
@testable import DocumentModel

/// Reference rounding on integers: `units / 10^drop`, half away from zero.
private func referenceRound(_ units: Int64, drop: Int) -> Int64 {
    var divisor: Int64 = 1
    for _ in 0..<drop { divisor *= 10 }
    let q = units / divisor
    let r = units % divisor
    if r.magnitude * 2 >= divisor.magnitude && divisor > 1 { return q + (units < 0 ? -1 : 1) }
    return q
}

private let rates: [ExactDecimal] = ["0", "2.1", "5.5", "7", "10", "19", "20", "21", "8.875"]

@Suite("Properties")
struct PropertyTests {
    @Test func roundingIsSymmetricAndHalfAwayFromZero() async {
        await propertyCheck(count: 500, input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000), Gen.int(in: 0...6), Gen.int(in: 0...6)) { units, decimals, keep in
            let scale = min(keep, decimals)
            let value = Decimal(sign: units < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(units.magnitude))
            let rounded = Rounding.halfAwayFromZero(value, scale: scale)
            #expect(Rounding.halfAwayFromZero(-value, scale: scale) == -rounded)
            let expected = referenceRound(units, drop: decimals - scale)
            #expect(rounded == Decimal(sign: expected < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(expected.magnitude)))
        }
    }

    @Test func moneyTimesRateIsSymmetric() async {
        await propertyCheck(count: 300, input: Gen.int64(in: -10_000_000...10_000_000), Gen.element(of: rates)) { cents, rate in
            let rate = rate!
            let money = Money(minorUnits: cents, currency: .eur)
            #expect(money.percentage(rate) == -((-money).percentage(rate)))
        }
    }

    @Test func vatPerGroupIsTheRoundedSumOfExactLineVAT() async {
        let lines = zip(Gen.int64(in: -50_000...50_000), Gen.element(of: rates)).array(of: 1...25)
        await propertyCheck(count: 200, input: lines) { lines in
            let invoice = makeInvoice(lines.map { ($0.0, $0.1!) })
            let totals = invoice.computeTotals()
            for group in totals.vatGroups {
                let members = lines.filter { $0.1!.value == group.rate.value }
                let exact = members.map { Decimal($0.0) / 100 * $0.1!.value / 100 }.reduce(Decimal(0), +)
                #expect(group.amount == Money.rounding(exact, currency: .eur))
                // Rounding once per group differs from summing rounded line VATs by at most half a cent per line.
                let perLine = members.map { Money(minorUnits: $0.0, currency: .eur).percentage($0.1!).minorUnits }.reduce(0, +)
                #expect(abs(perLine - group.amount.minorUnits) * 2 <= Int64(members.count))
            }
            #expect(totals.totalInclVat == totals.net + totals.totalVat)
            #expect(totals.net.minorUnits == lines.map(\.0).reduce(0, +))
        }
    }

    @Test func encodeDecodeRoundTrips() async {
        let lines = zip(Gen.int64(in: -9_999_999...9_999_999), Gen.element(of: rates)).array(of: 1...12)
        await propertyCheck(count: 100, input: lines, Gen.bool) { lines, withTotals in
            var invoice = makeInvoice(lines.map { ($0.0, $0.1!) })
            if withTotals {
                let c = invoice.computeTotals()
                invoice.totals = InvoiceTotals(net: c.net, vat: c.vatGroups.map { VATBreakdownLine(category: $0.category, rate: $0.rate, base: $0.base, amount: $0.amount) },
                                               totalVat: c.totalVat, totalInclVat: c.totalInclVat, amountDue: c.amountDue)
            }
            let document = Document.invoice(invoice)
            let data = try JSONEncoder().encode(document)
            let decoded = try DocumentDecoder().decode(data)
            #expect(decoded.document == document)
        }
    }

    @Test func moneyTextRoundTrips() async {
        let currencies: [Currency] = [.eur, .jpy, Currency("KWD")!, Currency("CLF")!]
        await propertyCheck(count: 300, input: Gen.int64(in: Int64.min / 2...Int64.max / 2), Gen.element(of: currencies)) { units, currency in
            let money = Money(minorUnits: units, currency: currency!)
            #expect(Money(money.plainText, currency: currency!) == money)
        }
    }
}

/// An invoice with one shipment holding one S-rated charge per (cents, rate) pair.
func makeInvoice(_ lines: [(Int64, ExactDecimal)]) -> Invoice {
    let party = Party(name: "Seller", city: "Lyon", country: "FR", vatId: "FR19812345676")
    let charges = lines.map { cents, rate in
        Charge(code: "FRT", description: "Transport", publishedAmount: Money(minorUnits: cents, currency: .eur),
               vatCategory: rate.value == 0 ? .Z : .S, vatRate: rate)
    }
    let kg = Weight(value: "1", unit: .kg)
    let shipment = Shipment(date: CalendarDate("2025-03-03")!, trackingNumber: "1Z1", service: "Standard", packages: 1,
                            enteredWeight: kg, billedWeight: kg, charges: charges)
    return Invoice(locale: "fr-FR", currency: .eur, family: .deliveryService, type: .invoice, number: "F1",
                   issueDate: CalendarDate("2025-03-08")!, accountNumber: "A1", seller: party, billTo: party, shipments: [shipment])
}
