import Foundation
import Testing
@testable import DocumentModel

@Suite("Scale")
struct ScaleTests {
    /// A large invoice decodes to the right totals. Its speed is measured by the benchmarks
    /// (`bench/compare.py --huge`), not asserted here: a timed unit test fails on a busy machine and
    /// passes a regression on a fast one.
    @Test func tenThousandShipments() throws {
        let shipment = #"{"date":"2025-03-03","trackingNumber":"1Z1","service":"Std","packages":1,"enteredWeight":{"value":"1","unit":"kg"},"billedWeight":{"value":"1","unit":"kg"},"references":["PO 1"],"sender":{"name":"A","city":"Lyon","country":"FR"},"charges":[{"code":"FRT","description":"Transport","publishedAmount":"10.00","incentiveAmount":"1.25","vatCategory":"S","vatRate":"20"},{"code":"FSC","description":"Fuel","publishedAmount":"1.07","vatCategory":"S","vatRate":"20"}]}"#
        let json = invoiceJSON().replacingOccurrences(of: #""shipments":["#, with: #""shipments":["# + Array(repeating: shipment, count: 9_999).joined(separator: ",") + ",")
        let start = Date()
        let decoded = try DocumentDecoder().decode(Data(json.utf8))
        let seconds = Date().timeIntervalSince(start)
        #expect(decoded.invoiceTotals?.net.plainText == "98200.18")
        print("10 000 shipments (\(json.utf8.count) bytes) decoded in \(seconds) s")
    }
}
