import DocumentModel
import Foundation
import PropertyBased
import Testing
@testable import BillingCenter

/// Properties of the rules over random event logs (bounded counts to keep CI fast).
@Suite("Properties over random logs")
struct PropertyTests {
    static let codes = Gen.int(in: 0...999_999).array(of: 5...60)

    @Test("BC-12: an invoice is never visible to two companies")
    func neverTwoCompanies() async {
        await propertyCheck(count: 150, input: Self.codes) { codes in
            let (lines, log) = RandomLog.lines(codes)
            let harness = Harness()
            for line in lines { harness.run(line) }
            let rules = BillingRules(state: harness.log.state)
            let ids = Array(harness.log.state.documents.invoices.keys) + Array(harness.log.state.documents.forms.keys)
            for now in log.probeInstants.map(instant) {
                for id in ids {
                    let visibleIn = RandomLog.companies.filter {
                        if case .visible = rules.placement(of: id, in: $0, now: now) { true } else { false }
                    }
                    #expect(visibleIn.count <= 1, "\(id) visible in \(visibleIn) at \(now)")
                }
                // The same through the stream: no id listed by two companies.
                var listedBy: [String: Set<String>] = [:]
                for company in RandomLog.companies {
                    for user in RandomLog.users {
                        for row in harness.documents(user, "archive", at: now.description, company: company) {
                            listedBy[row["id"]!.stringValue!, default: []].insert(company)
                        }
                    }
                }
                #expect(listedBy.values.allSatisfy { $0.count <= 1 })
            }
        }
    }

    @Test("§4 atomicity: a rejected command never changes any later answer")
    func rejectedCommandsChangeNothing() async {
        await propertyCheck(count: 60, input: Self.codes) { codes in
            let (lines, log) = RandomLog.lines(codes)
            let full = Harness()
            let responses = lines.map { full.run($0) }
            let kept = zip(lines, responses).filter { $0.1["ok"] == .bool(true) }
            let withoutRejected = Harness()
            let keptResponses = kept.map { withoutRejected.run($0.0) }
            #expect(keptResponses == kept.map(\.1))
            #expect(withoutRejected.answers(at: log.probeInstants) == full.answers(at: log.probeInstants))
        }
    }

    @Test("S-3: replaying the log from the database gives the same answers as the in-memory run")
    func replayFromDatabase() async throws {
        await propertyCheck(count: 20, input: Self.codes) { codes in
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            let (lines, log) = RandomLog.lines(codes)
            let memory = Harness()
            let stored = Harness(log: try BillingStore(path: directory.path("log.sqlite")))
            for line in lines { #expect(stored.run(line) == memory.run(line), "\(line)") }
            let reopened = Harness(log: try BillingStore(path: directory.path("log.sqlite")))
            #expect(reopened.answers(at: log.probeInstants) == memory.answers(at: log.probeInstants))
        }
    }

    @Test("T-6: placement never depends on the order in which invoices were registered")
    func registrationOrderDoesNotMatter() async {
        await propertyCheck(count: 60, input: Self.codes, Gen.int(in: 0...999_999).array(of: 1...25)) { codes, invoiceCodes in
            var log = RandomLog()
            let enrollmentLines = RandomLog.prelude + codes.map { log.line(for: $0) }.filter { !$0.contains(#""op":"register"#) && !$0.contains("settleInvoice") }
            // Unique ids, so no registration can be a duplicate or conflict of another.
            let invoices = invoiceCodes.enumerated().map { log.invoice(id: "R\($0.offset)", code: $0.element, at: "2026-01-01T00:00:00Z") }
            func run(_ order: [String]) -> Harness {
                let harness = Harness()
                for line in enrollmentLines { harness.run(line) }
                for line in order { harness.ok(line) }
                return harness
            }
            let forward = run(invoices)
            let backward = run(invoices.reversed())
            let rotated = run(Array(invoices.dropFirst(invoices.count / 2) + invoices.prefix(invoices.count / 2)))
            let probes = log.probeInstants + ["2026-06-01T00:00:00Z"]
            for company in RandomLog.companies {
                for user in RandomLog.users {
                    for now in probes {
                        let expected = forward.documents(user, "archive", at: now, company: company)
                        #expect(backward.documents(user, "archive", at: now, company: company) == expected)
                        #expect(rotated.documents(user, "archive", at: now, company: company) == expected)
                    }
                }
            }
        }
    }
}
