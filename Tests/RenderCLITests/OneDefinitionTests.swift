import BillingCenter
import Folio
import Testing

/// A program that renders and asks the billing center sees one `Money`, one `CalendarDate`, one
/// `Instant` and Swift's own `Duration`: these unqualified names would not compile if either
/// module declared its own again.
@Suite struct OneDefinitionTests {
    @Test func renderingAndBillingShareTheirValues() throws {
        let amount: Money = try #require(Money("310.20", currency: .eur))
        let date: CalendarDate = try #require(CalendarDate("2025-03-08"))
        let at: Instant = try Instant(rfc3339: "2025-03-08T06:00:00+01:00")
        let record = InvoiceRecord(
            id: "I1", number: "0000F2501087", account: AccountKey(lineOfBusiness: .parcel, accountType: .individual, number: "7X49E2", country: "FR"),
            planNumber: nil, category: .deliveryService, createdAt: at, invoiceDate: date, dueDate: date.adding(days: 30), amountDue: amount,
            controlId: "QF7K", status: .open, settledAt: nil, documentPath: nil)
        #expect(record.amountDue == amount)
        #expect(at == Instant("2025-03-08T05:00:00Z"))
        #expect(at.adding(Duration.seconds(86_400)).utcDate == date.adding(days: 1))
    }
}
