import Foundation
import Testing
@testable import DocumentModel

/// The France 2026 fields: optional, read strictly, round-tripped through Codable, and described by
/// the schema copy (old documents stay valid: every example decodes without them).
@Suite("France 2026 mentions in the model")
struct FranceMentionsTests {
    static let mentions = #","deliveryAddress":{"name":"Entrepôt","city":"Vénissieux","country":"FR","postalCode":"69200"},"operationNature":"goods-and-services","vatOnDebits":true"#

    @Test func theFieldsAreRead() throws {
        let decoded = try DocumentDecoder().decode(Data(invoiceJSON(extra: Self.mentions).utf8))
        guard case .invoice(let invoice) = decoded.document else { Issue.record("not an invoice"); return }
        #expect(invoice.operationNature == .goodsAndServices)
        #expect(invoice.vatOnDebits == true)
        #expect(invoice.deliveryAddress?.city == "Vénissieux")
        // Codable round trip keeps them.
        let again = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(decoded.document))
        #expect(again == decoded.document)
    }

    @Test func theOriginalInvoiceDateNeedsItsNumberAndComesFirst() throws {
        #expect(issues(of: invoiceJSON(extra: #","originalInvoiceDate":"2025-03-01""#)).map(\.description)
                == [#"$.originalInvoiceNumber: required because originalInvoiceDate is given"#])
        #expect(issues(of: invoiceJSON(extra: #","originalInvoiceNumber":"F0","originalInvoiceDate":"2025-03-09""#)).map(\.description)
                == ["$.originalInvoiceDate: the original invoice's date 2025-03-09 is after this document's issue date 2025-03-08"])
        #expect(issues(of: invoiceJSON(extra: #","originalInvoiceNumber":"F0","originalInvoiceDate":"2025-03-01""#)).isEmpty)
    }

    @Test func valuesAreStrict() {
        let nature = issues(of: invoiceJSON(extra: #","operationNature":"both""#))
        #expect(nature.map(\.path) == ["$.operationNature"])
        #expect(issues(of: invoiceJSON(extra: #","vatOnDebits":"yes""#)).map(\.path) == ["$.vatOnDebits"])
        #expect(issues(of: invoiceJSON(extra: #","deliveryAddress":{"name":"X","country":"FR"}"#)).map(\.path) == ["$.deliveryAddress.city"])
    }

    @Test func theSchemaCopyDescribesThem() throws {
        let schema = try jsonObject(Fixture.data("document.schema.json"))
        let invoice = try #require(((schema["$defs"] as? [String: Any])?["invoice"] as? [String: Any]))
        let properties = try #require(invoice["properties"] as? [String: Any])
        for key in ["deliveryAddress", "operationNature", "vatOnDebits", "originalInvoiceDate"] {
            #expect(properties[key] != nil, "\(key)")
        }
        #expect((properties["operationNature"] as? [String: Any])?["enum"] as? [String] == OperationNature.allCases.map(\.rawValue))
        #expect((invoice["dependentRequired"] as? [String: [String]])?["originalInvoiceDate"] == ["originalInvoiceNumber"])
    }
}
