import DocumentModel
import Testing
@testable import BillingCenter

@Suite("S-4 request checks")
struct RequestDecoderTests {
    func decode(_ line: String, lineNumber: Int = 7) -> Result<BillingRequest, BillingError> {
        Result { () throws(BillingError) in try RequestDecoder.decode(line: Array(line.utf8), lineNumber: lineNumber) }
    }

    func code(_ line: String) -> BillingErrorCode? {
        if case let .failure(error) = decode(line) { error.code } else { nil }
    }

    let list = #"{"op":"list","user":"carol","company":"ACME","page":"current","now":"2024-07-01T00:00:00Z"}"#

    @Test("a well-formed request decodes")
    func wellFormed() {
        guard case let .success(.list(query)) = decode(list) else { Issue.record("not a list"); return }
        #expect(query.user == "carol")
        #expect(query.page == .current)
    }

    @Test("invalid_request carries the line number")
    func lineNumber() {
        guard case let .failure(error) = decode("{", lineNumber: 42) else { Issue.record("accepted"); return }
        #expect(error.code == .invalidRequest)
        #expect(error.line == 42)
        #expect(BillingResponse.failure(error).json["line"] == .number("42"))
    }

    @Test("shape errors are invalid_request", arguments: [
        "not json",
        "[1,2]",
        #"{"op":"list","op":"list"}"#,
        #"{"op":"list","user":"carol","company":"ACME","page":"current","now":"2024-07-01T00:00:00Z","extra":1}"#,
        #"{"op":"list","user":"carol","company":"ACME","page":"current"}"#,
        #"{"op":"list","user":null,"company":"ACME","page":"current","now":"2024-07-01T00:00:00Z"}"#,
        #"{"op":"list","user":"carol","company":"ACME","page":"history","now":"2024-07-01T00:00:00Z"}"#,
        #"{"op":"list","user":"   ","company":"ACME","page":"current","now":"2024-07-01T00:00:00Z"}"#,
        #"{"op":"list","user":7,"company":"ACME","page":"current","now":"2024-07-01T00:00:00Z"}"#,
        #"{"user":"carol"}"#,
        #"{"op":"payInvoice"}"#,
        #"{"op":"list","user":"carol","company":"ACME","page":"current","now":NaN}"#,
        #"{"op":"settleInvoice","id":"I1","status":"open","settledAt":"2024-01-01T00:00:00Z","at":"2024-01-01T00:00:00Z"}"#,
        #"{"op":"cancel","company":"ACME","accounts":[{"lineOfBusiness":"parcel","accountType":"individual","number":"1","country":"FR","planCategory":"export"}],"reason":"other","at":"2024-01-01T00:00:00Z","actor":"a"}"#,
        #"{"op":"enroll","company":"ACME","account":{"lineOfBusiness":"parcel","accountType":"cpp","number":"PLAN01","country":"FR"},"validation":{"invoiceNumber":"N","invoiceDate":"2024-01-01","amountDue":"1.00","currency":"EUR"},"at":"2024-01-01T00:00:00Z","actor":"a"}"#,
        #"{"op":"requestAdjustment","company":"ACME","document":"I1","charges":[{"shipDate":"2024-02-30"}],"at":"2024-01-01T00:00:00Z","actor":"a"}"#,
    ])
    func shapes(line: String) {
        #expect(code(line) == .invalidRequest)
    }

    func invoice(amount: String = "310.20", currency: String = "EUR", extra: String = "", status: String = "open") -> String {
        #"{"op":"registerInvoice","id":"I1","number":"N1","account":{"lineOfBusiness":"parcel","accountType":"individual","number":"1A2B3C","country":"FR"},"category":"delivery-service","createdAt":"2024-05-27T08:00:00Z","invoiceDate":"2024-05-25","dueDate":"2024-06-24","amountDue":"\#(amount)","currency":"\#(currency)","controlId":"P3M8","status":"\#(status)","at":"2024-05-27T08:00:00Z"\#(extra)}"#
    }

    @Test("money and currencies (S-4)")
    func money() {
        #expect(code(invoice()) == nil)
        #expect(code(invoice(amount: "310.2")) == nil)
        #expect(code(invoice(amount: "-45")) == nil)
        #expect(code(invoice(amount: "310.201")) == .invalidRequest)
        #expect(code(invoice(amount: "1.5", currency: "JPY")) == .invalidRequest)
        #expect(code(invoice(amount: "1.005", currency: "KWD")) == nil)
        #expect(code(invoice(currency: "XAU")) == .invalidRequest)
        #expect(code(invoice(currency: "ZZZ")) == .invalidRequest)
        #expect(code(invoice(amount: "1e3")) == .invalidRequest)
        #expect(code(invoice(amount: "+1")) == .invalidRequest)
        #expect(code(invoice(amount: ".5")) == .invalidRequest)
        #expect(Money("310.2", currency: .eur) == Money("310.20", currency: .eur))
        #expect(Money("-45.00", currency: .eur)?.plainText == "-45.00")
    }

    @Test("conditional shapes: settledAt iff settled, planNumber only with parcel")
    func conditionalShapes() {
        #expect(code(invoice(status: "paid")) == .invalidRequest)
        #expect(code(invoice(extra: #","settledAt":"2024-05-27T08:00:00Z""#, status: "paid")) == nil)
        #expect(code(invoice(extra: #","settledAt":"2024-05-27T08:00:00Z""#)) == .invalidRequest)
        #expect(code(invoice(extra: #","settledAt":null"#)) == nil) // null counts as absent
    }

    @Test("invalid_timestamp comes after every shape check")
    func timestampsAfterShapes() {
        let naive = #"{"op":"list","user":"carol","company":"ACME","page":"current","now":"2024-07-01T00:00:00"}"#
        guard case let .failure(error) = decode(naive) else { Issue.record("accepted"); return }
        #expect(error.code == .invalidTimestamp)
        #expect(error.message == "now: no UTC offset")
        #expect(error.line == nil)
        let naiveAndUnknown = #"{"op":"list","user":"carol","company":"ACME","page":"current","now":"2024-07-01T00:00:00","x":1}"#
        #expect(code(naiveAndUnknown) == .invalidRequest)
    }

    @Test("account references are normalised (BC-8)")
    func normalisation() {
        let line = #"{"op":"cancel","company":"ACME","accounts":[{"lineOfBusiness":"parcel","accountType":"individual","number":"1a2b\t3c","country":" fr "}],"reason":"other","at":"2024-01-01T00:00:00Z","actor":"a"}"#
        guard case let .success(.cancel(cancel, _)) = decode(line) else { Issue.record("not a cancel"); return }
        #expect(cancel.accounts.first == AccountKey(lineOfBusiness: .parcel, accountType: .individual, number: "1A2B3C", country: "FR"))
    }

    @Test("JSON parser: escapes, surrogates, duplicate keys, depth")
    func parser() throws {
        #expect(try JSONParser.parse(Array(#"{"a":"\u00e9\ud83d\ude00\n"}"#.utf8))["a"] == .string("é😀\n"))
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(#"{"a":"\ud83d"}"#.utf8)) }
        #expect(throws: JSONSyntaxError(message: "duplicate key \"a\"")) { try JSONParser.parse(Array(#"{"a":1,"a":2}"#.utf8)) }
        #expect(throws: JSONSyntaxError(message: "line is not valid UTF-8")) { try JSONParser.parse([0x7B, 0xFF, 0x7D]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{} x".utf8)) }
        #expect(JSONValue.object([("k", .string("a\"b\\c\u{01}"))]).compactText == #"{"k":"a\"b\\c\u0001"}"#)
    }
}
