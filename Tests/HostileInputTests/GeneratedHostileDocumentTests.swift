import DocumentModel
import Folio
import FolioTestSupport
import Foundation
import Testing

/// The big hostile documents, generated at run time: each hits a decoder limit with an error naming
/// the path and the limit, quickly and without exhausting the stack or memory.
@Suite("Generated hostile documents: limits")
struct GeneratedHostileDocumentTests {
    /// Decodes `json` and returns the first issue, which must exist.
    func firstIssue(_ json: Data, limits: DocumentLimits = .default) throws -> (path: String, reason: String) {
        let error = try #require(throws: FolioError.self) { try FolioRenderer.decode(json, limits: limits) }
        #expect(error.kind == .invalidDocument)
        return try #require(error.issues.first)
    }

    @Test func oneHundredThousandShipmentsAreRefusedAtTheSchemaLimit() throws {
        let issue = try firstIssue(HostileDocuments.invoice(shipmentCount: 100_000))
        #expect(issue.path == "$.shipments")
        #expect(issue.reason == "expected at most 50000 elements, found 100000")
    }

    @Test func aOneMegabyteDescriptionIsRefusedByTheStringLimit() throws {
        let description = String(repeating: "Transport ", count: 104_858)
        let issue = try firstIssue(HostileDocuments.invoice(shipments: [HostileDocuments.shipment(1, description: description)]))
        #expect(issue.path == "$.shipments[0].charges[0].description")
        #expect(issue.reason == "string longer than the limit of 100000 characters")
    }

    @Test func nestingOneHundredThousandDeepStopsAtTheDepthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let issue = try firstIssue(HostileDocuments.invoice(extraMembers: #","x":"# + deep))
        #expect(issue.path.hasPrefix("$.x[0][0]"))
        #expect(issue.reason == "nesting deeper than the limit of 64 levels")
    }

    @Test func anObjectWithTooManyMembersIsRefused() throws {
        let members = (0...1000).map { #""k\#($0)":1"# }.joined(separator: ",")
        let issue = try firstIssue(HostileDocuments.invoice(extraMembers: #","x":{"# + members + "}"))
        #expect(issue.path == "$.x.k1000")
        #expect(issue.reason == "object has more than the limit of 1000 members")
    }

    @Test func anArrayLongerThanTheLimitIsRefused() throws {
        let elements = Array(repeating: "0", count: 100_001).joined(separator: ",")
        let issue = try firstIssue(HostileDocuments.invoice(extraMembers: #","x":["# + elements + "]"))
        #expect(issue.path == "$.x")
        #expect(issue.reason == "array has more than the limit of 100000 elements")
    }

    @Test func inputLargerThanTheLimitIsRefusedBeforeParsing() throws {
        let issue = try firstIssue(HostileDocuments.invoice(), limits: DocumentLimits(maxInputBytes: 256))
        #expect(issue.path == "$")
        #expect(issue.reason.contains("256"), "\(issue.reason)")
    }

    @Test func aMillionDigitNumberIsReportedInOneShortLine() throws {
        var json = String(decoding: HostileDocuments.invoice(), as: UTF8.self)
        json = json.replacingOccurrences(of: #""packages":1"#, with: #""packages":1"# + String(repeating: "0", count: 1_000_000))
        let issue = try firstIssue(Data(json.utf8))
        #expect(issue.path == "$.shipments[0].packages")
        #expect(issue.reason.hasSuffix("(1000001 characters)"))
        #expect(issue.reason.count < 200)
    }

    @Test func fiveHundredBadChargesReportAHundredIssuesAndHowManyMore() throws {
        let bad = #"{"code":"FRT","description":"T","publishedAmount":"x","vatCategory":"S","vatRate":"20"}"#
        var shipment = HostileDocuments.shipment(1)
        let charges = shipment.range(of: #""charges":["#)!.upperBound
        shipment = String(shipment[..<charges]) + Array(repeating: bad, count: 500).joined(separator: ",") + "]}"
        let error = try #require(throws: FolioError.self) { try FolioRenderer.decode(HostileDocuments.invoice(shipments: [shipment])) }
        #expect(error.issues.count == 101, "\(error.issues.count) issues")
        #expect(error.issues.last?.path == "$")
        #expect(error.issues.last?.reason.hasSuffix("more issue(s) not listed") == true, "\(error.issues.last.map { "\($0)" } ?? "")")
    }

    /// The schema's largest invoice decodes and lays out, and the page limit stops it early with an
    /// error naming the limit (the full render is measured in release; see the README).
    @Test func fiftyThousandShipmentsStopAtThePageLimit() throws {
        let json = HostileDocuments.invoice(shipmentCount: 50_000)
        let error = try #require(throws: FolioError.self) { try FolioRenderer.renderPDF(json: json, options: RenderOptions(maximumPages: 5)) }
        #expect(error.kind == .invalidDocument)
        #expect(error.issues.first?.path == "$")
        #expect(error.issues.first?.reason.contains("needs more than 5 pages") == true, "\(error)")
    }
}
