import Foundation
import Testing
@testable import DocumentModel

/// A small valid invoice; `charge` and `extra` are spliced in to make malformed variants.
func invoiceJSON(charge: String = #"{"code":"FRT","description":"Transport","publishedAmount":"10.00","vatCategory":"S","vatRate":"20"}"#,
                 extra: String = "", kind: String = #""invoice""#) -> String {
    """
    {"kind":\(kind),"locale":"fr-FR","currency":"EUR","family":"delivery-service","type":"invoice","number":"F1",\
    "issueDate":"2025-03-08","accountNumber":"A1","seller":{"name":"S","city":"Lyon","country":"FR"},\
    "billTo":{"name":"B","city":"Lyon","country":"FR"},"shipments":[{"date":"2025-03-03","trackingNumber":"1Z1",\
    "service":"Std","packages":1,"enteredWeight":{"value":"1","unit":"kg"},"billedWeight":{"value":"1","unit":"kg"},\
    "charges":[\(charge)]}]\(extra)}
    """
}

private let chargePath = "$.shipments[0].charges[0]"

private func charge(_ members: String) -> String { #"{"code":"FRT","description":"Transport","# + members + "}" }

@Suite("Malformed inputs: exact path and reason")
struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let path: String
        let reason: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "amount as a JSON number", json: invoiceJSON(charge: charge(#""publishedAmount":12.34,"vatCategory":"S","vatRate":"20""#)),
             path: "\(chargePath).publishedAmount", reason: #"expected a decimal string such as "12.34", found the number 12.34"#),
        Case(name: "amount with too many decimals", json: invoiceJSON(charge: charge(#""publishedAmount":"12.345","vatCategory":"S","vatRate":"20""#)),
             path: "\(chargePath).publishedAmount", reason: #""12.345" has 3 decimals but EUR allows at most 2"#),
        Case(name: "amount with a comma", json: invoiceJSON(charge: charge(#""publishedAmount":"12,34","vatCategory":"S","vatRate":"20""#)),
             path: "\(chargePath).publishedAmount", reason: #"expected a decimal string such as "12.34", found the string "12,34""#),
        Case(name: "negative non-negative amount", json: invoiceJSON(extra: #","payment":{"recoveryFee":"-40.00"}"#),
             path: "$.payment.recoveryFee", reason: #"expected a non-negative decimal string such as "12.34", found the string "-40.00""#),
        Case(name: "unknown key in a charge", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","colour":"red","vatCategory":"S","vatRate":"20""#)),
             path: "\(chargePath).colour", reason: #"unknown property "colour""#),
        Case(name: "unknown top-level key", json: invoiceJSON(extra: #","dueDat":"2025-04-01""#),
             path: "$.dueDat", reason: #"unknown property "dueDat""#),
        Case(name: "missing required member", json: invoiceJSON().replacingOccurrences(of: #""billTo":{"name":"B","city":"Lyon","country":"FR"},"#, with: ""),
             path: "$.billTo", reason: #"required property "billTo" is missing"#),
        Case(name: "missing nested member", json: invoiceJSON().replacingOccurrences(of: #""seller":{"name":"S","city":"Lyon","#, with: #""seller":{"name":"S","#),
             path: "$.seller.city", reason: #"required property "city" is missing"#),
        Case(name: "integer as a string", json: invoiceJSON().replacingOccurrences(of: #""packages":1"#, with: #""packages":"1""#),
             path: "$.shipments[0].packages", reason: #"expected an integer between 1 and 9999, found the string "1""#),
        Case(name: "integer out of range", json: invoiceJSON().replacingOccurrences(of: #""packages":1"#, with: #""packages":0"#),
             path: "$.shipments[0].packages", reason: "expected an integer between 1 and 9999, found the number 0"),
        Case(name: "impossible date", json: invoiceJSON().replacingOccurrences(of: "2025-03-08", with: "2024-02-30"),
             path: "$.issueDate", reason: #""2024-02-30" is not a calendar date (no such day)"#),
        Case(name: "date in another format", json: invoiceJSON().replacingOccurrences(of: "2025-03-08", with: "8/3/2025"),
             path: "$.issueDate", reason: #"expected a date "YYYY-MM-DD" such as "2025-03-08", found the string "8/3/2025""#),
        Case(name: "null date", json: invoiceJSON(extra: #","dueDate":null"#),
             path: "$.dueDate", reason: #"expected a date "YYYY-MM-DD" such as "2025-03-08", found null"#),
        Case(name: "instant without offset", json: invoiceJSON(extra: #","pdf":{"creationDate":"2025-03-08T06:00:00"}"#),
             path: "$.pdf.creationDate", reason: #"expected an RFC 3339 instant with offset such as "2025-03-08T06:00:00+01:00", found the string "2025-03-08T06:00:00""#),
        Case(name: "instant with hour 24", json: invoiceJSON(extra: #","pdf":{"creationDate":"2025-03-08T24:00:00Z"}"#),
             path: "$.pdf.creationDate", reason: #""2025-03-08T24:00:00Z" is not a valid instant (no such date or time)"#),
        Case(name: "currency not ISO", json: invoiceJSON().replacingOccurrences(of: #""EUR""#, with: #""XAU""#),
             path: "$.currency", reason: #""XAU" is not an ISO 4217 currency with minor units"#),
        Case(name: "country not assigned", json: invoiceJSON().replacingOccurrences(of: #""name":"B","city":"Lyon","country":"FR""#, with: #""name":"B","city":"Lyon","country":"UK""#),
             path: "$.billTo.country", reason: #""UK" is not an assigned ISO 3166-1 country code"#),
        Case(name: "locale with underscore", json: invoiceJSON().replacingOccurrences(of: "fr-FR", with: "fr_FR"),
             path: "$.locale", reason: #"expected a BCP 47 language tag such as "fr-FR", found the string "fr_FR""#),
        Case(name: "unknown enum value", json: invoiceJSON().replacingOccurrences(of: "delivery-service", with: "parcel"),
             path: "$.family", reason: #"expected one of "delivery-service", "import-brokerage", "freight", "supply-chain", found the string "parcel""#),
        Case(name: "kind missing", json: invoiceJSON().replacingOccurrences(of: #""kind":"invoice","#, with: ""),
             path: "$.kind", reason: #"required property "kind" is missing"#),
        Case(name: "kind unknown", json: invoiceJSON(kind: #""bill""#),
             path: "$.kind", reason: #"expected one of "invoice", "cbp-7501", "cbsa-b3", found the string "bill""#),
        Case(name: "document is an array", json: "[]", path: "$", reason: "expected a document (a JSON object), found an array"),
        Case(name: "empty input", json: "  ", path: "$", reason: "empty input: expected a JSON object"),
        Case(name: "trailing comma", json: #"{"kind":"invoice",}"#, path: "$",
             reason: "invalid JSON at byte offset 18 (line 1, column 19): expected a quoted property name, found '}'"),
        Case(name: "leading zero", json: #"{"kind":01}"#, path: "$.kind",
             reason: "invalid JSON at byte offset 9 (line 1, column 10): invalid number: leading zero"),
        Case(name: "lone surrogate", json: #"{"kind":"\uD800x"}"#, path: "$.kind",
             reason: #"invalid JSON at byte offset 15 (line 1, column 16): lone high surrogate \uD800 in a string"#),
        Case(name: "garbage after the document", json: #"{"kind":"invoice"} x"#, path: "$",
             reason: "invalid JSON at byte offset 19 (line 1, column 20): unexpected 'x' after the end of the JSON value"),
        Case(name: "vatRate without vatCategory", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatRate":"20""#)),
             path: "\(chargePath).vatCategory", reason: "required because vatRate is given"),
        Case(name: "category S without rate", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatCategory":"S""#)),
             path: "\(chargePath).vatRate", reason: "required for VAT category S"),
        Case(name: "category E without reason", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatCategory":"E","vatRate":"0""#)),
             path: "\(chargePath).exemptionReason", reason: "required for VAT category E"),
        Case(name: "category Z with a rate", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatCategory":"Z","vatRate":"20""#)),
             path: "\(chargePath).vatRate", reason: #"must be 0 for VAT category Z, found "20""#),
        Case(name: "INF charge with an amount", json: invoiceJSON(charge: #"{"code":"INF","description":"Info","publishedAmount":"1.00","vatCategory":"S","vatRate":"20"}"#),
             path: "\(chargePath).publishedAmount", reason: #"must be 0 on an INF (informational) charge, found "1.00""#),
        Case(name: "import charges on a delivery invoice", json: invoiceJSON(extra: #","importCharges":[]"#),
             path: "$.importCharges", reason: #"importCharges is allowed only when family is "import-brokerage""#),
        Case(name: "credit note without original", json: invoiceJSON().replacingOccurrences(of: #""type":"invoice""#, with: #""type":"credit-note""#),
             path: "$.originalInvoiceNumber", reason: "required for a credit note"),
        Case(name: "string too long", json: invoiceJSON().replacingOccurrences(of: #""name":"S""#, with: #""name":""# + String(repeating: "é", count: 141) + "\""),
             path: "$.seller.name", reason: "expected at most 140 characters, found 141"),
        Case(name: "empty string", json: invoiceJSON().replacingOccurrences(of: #""service":"Std""#, with: #""service":"""#),
             path: "$.shipments[0].service", reason: #"expected a non-empty string, found """#),
        Case(name: "empty charges", json: invoiceJSON(charge: ""),
             path: "$.shipments[0].charges", reason: "expected at least 1 element, found 0"),
        Case(name: "object expected", json: invoiceJSON().replacingOccurrences(of: #""billTo":{"name":"B","city":"Lyon","country":"FR"}"#, with: #""billTo":"B""#),
             path: "$.billTo", reason: #"expected a party (a JSON object), found the string "B""#),
        Case(name: "boolean expected", json: invoiceJSON(extra: #","remittanceStub":"yes""#),
             path: "$.remittanceStub", reason: #"expected true or false, found the string "yes""#),
        Case(name: "due date before issue date", json: invoiceJSON(extra: #","dueDate":"2025-03-01""#),
             path: "$.dueDate", reason: "due date 2025-03-01 is before the issue date 2025-03-08"),
        Case(name: "billing period reversed", json: invoiceJSON(extra: #","billingPeriod":{"start":"2025-03-07","end":"2025-03-01"}"#),
             path: "$.billingPeriod.end", reason: "billing period ends (2025-03-01) before it starts (2025-03-07)"),
        Case(name: "stated total differs", json: invoiceJSON(extra: #","totals":{"amountDue":"12.01"}"#),
             path: "$.totals.amountDue", reason: "document says 12.01, computed 12.00"),
        Case(name: "first stated total mismatch only", json: invoiceJSON(extra: #","totals":{"net":"10.01","amountDue":"12.01"}"#),
             path: "$.totals.net", reason: "document says 10.01, computed 10.00"),
        Case(name: "VAT rounded once per group", json: invoiceJSON(charge: [String](repeating: charge(#""publishedAmount":"0.03","vatCategory":"S","vatRate":"20""#), count: 3).joined(separator: ","),
                                                        extra: #","totals":{"vat":[{"category":"S","rate":"20","base":"0.09","amount":"0.03"}]}"#),
             path: "$.totals.vat[0].amount", reason: "document says 0.03, computed 0.02"),
        Case(name: "VAT group missing from the breakdown", json: invoiceJSON(extra: #","totals":{"vat":[]}"#),
             path: "$.totals.vat", reason: "VAT group S 20 % (base 10.00, VAT 2.00) is missing"),
        Case(name: "VAT category on some lines only", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatCategory":"S","vatRate":"20""#) + "," + charge(#""publishedAmount":"2.00""#)),
             path: "$.shipments[0].charges[1].vatCategory", reason: "vatCategory must be given on every priced line or on none (the first priced line, $.shipments[0].charges[0], has one)"),
        Case(name: "reverse charge without buyer VAT id", json: invoiceJSON(charge: charge(#""publishedAmount":"1.00","vatCategory":"AE""#)),
             path: "$.billTo.vatId", reason: "required because $.shipments[0].charges[0] is reverse-charged (VAT category AE)"),
    ]

    @Test("one issue with the exact path and reason", arguments: cases)
    func exactIssue(_ c: Case) {
        let found = issues(of: c.json)
        #expect(found == [DocumentIssue(path: c.path, reason: c.reason)], "got:\n\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func amountsBeyondExactArithmeticAreRefused() throws {
        let tooLarge = DocumentIssue(path: "$", reason: "amounts too large: computed figures could exceed ±9 000 000 000 000 000 000 minor units")
        #expect(issues(of: invoiceJSON(charge: charge(#""publishedAmount":"90000000000000000.00","vatCategory":"S","vatRate":"20""#))) == [tooLarge])
        var entry = try jsonObject(try Fixture.example("cbp-7501"))
        var lines = entry["lines"] as! [[String: Any]]
        lines[0]["htsRate"] = ["specific": ["amount": "999999999999", "per": "NO"]]
        lines[0]["netQuantity"] = ["value": "999999999999", "unit": "NO"]
        entry["lines"] = lines
        #expect(issues(of: try jsonData(entry)) == [tooLarge])
    }

    @Test func duplicateKeyNamesTheFirstOccurrence() {
        let json = invoiceJSON(charge: #"{"code":"FRT","code":"FSC","description":"T","publishedAmount":"1.00","vatCategory":"S","vatRate":"20"}"#)
        let first = json.utf8.count - json.split(separator: #""code":"FRT""#, maxSplits: 1, omittingEmptySubsequences: false)[1].utf8.count - #""code":"FRT""#.utf8.count
        #expect(issues(of: json) == [DocumentIssue(path: "\(chargePath).code", reason: #"duplicate key "code" (first at byte offset \#(first))"#)])
    }

    @Test func duplicateKeysAreReportedWithTheOtherIssues() {
        let json = invoiceJSON(charge: charge(#""publishedAmount":"1.00","publishedAmount":"2.00","vatCategory":"S","vatRate":"20""#))
            .replacingOccurrences(of: #""packages":1"#, with: #""packages":-1"#)
        #expect(issues(of: json).map(\.path) == ["$.shipments[0].packages", "\(chargePath).publishedAmount"])
    }

    @Test func invalidUTF8IsReportedWithItsOffset() {
        var bytes = Array(#"{"kind":"inv"#.utf8)
        bytes.append(0xFF)
        bytes += Array(#"oice"}"#.utf8)
        #expect(issues(of: Data(bytes)) == [DocumentIssue(path: "$", reason: "invalid UTF-8 at byte offset 12")])
    }

    @Test func overlongUTF8IsRejected() {
        let bytes: [UInt8] = Array(#"{"kind":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)
        #expect(issues(of: Data(bytes)) == [DocumentIssue(path: "$", reason: "invalid UTF-8 at byte offset 9")])
    }

    @Test func utf16IsRejected() {
        let data = Data([0xFF, 0xFE]) + "{}".data(using: .utf16LittleEndian)!
        #expect(issues(of: data) == [DocumentIssue(path: "$", reason: "input is UTF-16 (byte order mark); a document must be UTF-8")])
    }

    @Test func byteOrderMarkIsIgnored() {
        #expect(issues(of: Data([0xEF, 0xBB, 0xBF]) + Data(invoiceJSON().utf8)) == [])
    }

    @Test func inputSizeLimit() {
        let json = invoiceJSON()
        #expect(issues(of: json, limits: DocumentLimits(maxInputBytes: 100))
                == [DocumentIssue(path: "$", reason: "input is \(json.utf8.count) bytes, more than the limit of 100 bytes")])
    }

    @Test func depthLimit() {
        #expect(issues(of: invoiceJSON(), limits: DocumentLimits(maxDepth: 2))
                == [DocumentIssue(path: "$.shipments[0]", reason: "nesting deeper than the limit of 2 levels")])
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(issues(of: #"{"kind":"invoice","notes":"# + deep + "}").first?.reason == "nesting deeper than the limit of 64 levels")
    }

    @Test func stringLengthLimit() {
        let json = invoiceJSON().replacingOccurrences(of: #""service":"Std""#, with: #""service":""# + String(repeating: "x", count: 30) + "\"")
        #expect(issues(of: json, limits: DocumentLimits(maxStringLength: 20))
                == [DocumentIssue(path: "$.shipments[0].service", reason: "string longer than the limit of 20 characters")])
    }

    @Test func arrayLengthLimit() {
        let json = invoiceJSON(charge: charge(#""publishedAmount":"1.00""#) + "," + charge(#""publishedAmount":"2.00""#))
        #expect(issues(of: json, limits: DocumentLimits(maxArrayLength: 1))
                == [DocumentIssue(path: "$.shipments[0].charges", reason: "array has more than the limit of 1 elements")])
    }

    @Test func severalIssuesComeInDocumentOrder() {
        let json = invoiceJSON(charge: charge(#""publishedAmount":12.34,"vatCategory":"S","vatRate":"20""#))
            .replacingOccurrences(of: #""locale":"fr-FR""#, with: #""locale":"fr_FR","colour":1"#)
            .replacingOccurrences(of: #""packages":1"#, with: #""packages":true"#)
        let found = issues(of: json)
        #expect(found.map(\.path) == ["$.locale", "$.colour", "$.shipments[0].packages", "\(chargePath).publishedAmount"])
        let error = DocumentDecodingError(issues: found)
        #expect(error.description.split(separator: "\n").count == 4)
        #expect(error.description.hasPrefix(#"$.locale: expected a BCP 47 language tag such as "fr-FR", found the string "fr_FR""#))
    }

    @Test func issuesAreCapped() {
        let json = invoiceJSON(extra: #","a":1,"b":2,"c":3"#)
        do {
            _ = try DocumentDecoder(limits: DocumentLimits(maxIssues: 2)).decode(Data(json.utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["$.a", "$.b"])
            #expect(error.omittedIssueCount == 1)
            #expect(error.description.hasSuffix("$: 1 more issue(s) not listed"))
        }
    }

    @Test func exampleFailuresAreReportedAtTheirPaths() throws {
        var b3 = try jsonObject(try Fixture.example("cbsa-b3"))
        b3.removeValue(forKey: "exchangeRate")
        #expect(issues(of: try jsonData(b3)) == [DocumentIssue(path: "$.exchangeRate", reason: "required because currencyCode is USD, not CAD")])

        var entry = try jsonObject(try Fixture.example("cbp-7501"))
        var lines = entry["lines"] as! [[String: Any]]
        lines[0]["htsRate"] = "free"
        lines[1]["dutyAmount"] = "1320.07"
        entry["lines"] = lines
        #expect(issues(of: try jsonData(entry)) == [DocumentIssue(path: "$.lines[0].htsRate", reason: #"expected "Free" or a rate object such as {"adValorem": "16.5"}, found the string "free""#)])
        lines[0]["htsRate"] = "Free"
        entry["lines"] = lines
        #expect(issues(of: try jsonData(entry)) == [DocumentIssue(path: "$.lines[1].dutyAmount", reason: "document says 1320.07, computed 1320.00")])
        lines[1]["dutyAmount"] = "1320.00"
        lines[0]["lineNumber"] = 5
        entry["lines"] = lines
        #expect(issues(of: try jsonData(entry)) == [DocumentIssue(path: "$.lines[1].lineNumber", reason: "line numbers must be strictly ascending: 2 follows 5")])
    }
}
