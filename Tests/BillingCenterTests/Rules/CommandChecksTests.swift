import DocumentModel
import Testing
@testable import BillingCenter

/// §4 checks beyond the worked examples: time, ingest, validation, users, disputes, notifications.
@Suite("Command checks")
struct CommandChecksTests {
    typealias R = Requests

    @Test("T-5: future instants, out of order, equal instants, and duplicates do not move the clock")
    func time() {
        let h = AcmeFixture.harness()
        h.wallClock = instant("2024-10-01T00:00:00Z")
        h.fails(R.invoice("F", account: Accounts.a2, created: "2024-09-03T00:00:00Z", at: "2024-10-01T00:00:01Z"), "future_timestamp")
        h.fails(R.invoice("F", account: Accounts.a2, created: "2024-09-05T00:00:00Z", at: "2024-09-04T00:00:00Z"), "future_timestamp")
        h.fails(R.invoice("F", account: Accounts.a2, created: "2024-08-01T00:00:00Z", at: "2024-08-01T00:00:00Z"), "out_of_order_event")
        h.ok(R.invoice("F", account: Accounts.a2, created: AcmeFixture.tr, at: AcmeFixture.tr)) // equal to the clock
        let clock = h.log.state.clock
        h.ok(R.invoice("I7", account: Accounts.a2, created: "2024-03-04T06:00:00Z", at: "2024-09-30T00:00:00Z"))
        #expect(h.log.state.clock == clock)
        // Queries answer any instant, past or future.
        h.ok(#"{"op":"list","user":"alice","company":"ACME","page":"current","now":"2099-01-01T00:00:00Z"}"#)
    }

    @Test("BC-11: conflicting duplicates, kinds sharing one id namespace, parents")
    func ingest() {
        let h = AcmeFixture.harness()
        h.fails(R.invoice("I7", account: Accounts.a2, created: "2024-03-04T06:00:00Z", amount: "100.01"), "conflicting_duplicate")
        h.fails(R.invoice("F1", account: Accounts.a1, created: "2024-09-03T00:00:00Z"), "conflicting_duplicate")
        func form(_ id: String, parent: String?, account: String) -> String {
            #"{"op":"registerBrokerageForm","id":"\#(id)","form":"cbsa-b3","#
                + (parent.map { #""parentInvoiceId":"\#($0)","# } ?? "")
                + #""account":\#(account),"createdAt":"2024-09-03T00:00:00Z","entryNumber":"E","trackingNumbers":["T"],"at":"2024-09-03T00:00:00Z"}"#
        }
        h.fails(form("I7", parent: nil, account: Accounts.a2), "conflicting_duplicate")
        h.fails(form("B1", parent: "NOPE", account: Accounts.a2), "unknown_invoice")
        h.fails(form("B1", parent: "I7", account: Accounts.a1), "parent_mismatch")
        h.ok(form("B1", parent: "I7", account: Accounts.a2))
        #expect(h.ok(form("B1", parent: "I7", account: Accounts.a2))["duplicate"] == .bool(true))
        h.ok(form("B2", parent: nil, account: Accounts.a2))
        // Orphan forms are classified as imports of their own account (T-4).
        #expect(h.row("B2", "dave", "current", at: "2024-09-04T00:00:00Z")?["kind"] == .string("cbsa-b3"))
        #expect(h.row("B1", "dave", "archive", at: "2024-09-04T00:00:00Z")?["actions"] == json(#"["view","download"]"#))
        // Billed accounts: no plan as billed account, temporary accounts accepted.
        let plan = #"{"lineOfBusiness":"parcel","accountType":"cpp","number":"PLAN01","country":"FR"}"#
        h.fails(R.invoice("T1", account: plan, created: "2024-09-03T00:00:00Z"), "account_type_not_applicable")
        h.fails(R.invoice("T1", account: #"{"lineOfBusiness":"parcel","number":"ABCDEF","country":"FR"}"#, created: "2024-09-03T00:00:00Z"), "account_type_required")
        h.fails(R.invoice("T1", account: Accounts.parcel("ABCDEF", "UK"), created: "2024-09-03T00:00:00Z"), "invalid_country")
        h.fails(R.invoice("T1", account: Accounts.parcel("ABC-EF"), created: "2024-09-03T00:00:00Z"), "invalid_account_number")
        h.fails(R.invoice("T1", account: Accounts.a2, created: "2024-09-03T00:00:00Z", plan: "PLAN1"), "invalid_account_number")
        h.ok(R.invoice("T1", account: Accounts.parcel("1234567890"), created: "2024-09-03T00:00:00Z"))
    }

    @Test("BC-8 and BC-9: enrollment input and validation")
    func enrollmentInput() {
        let h = AcmeFixture.harness()
        let at = "2024-09-10T00:00:00Z"
        func add(_ account: String, _ validation: String) -> String { R.addAccount(account: account, validation: validation, at: at, actor: "alice") }
        let anyValidation = R.validation("X", date: "2024-09-01")
        h.fails(add(Accounts.parcel("1234567890"), anyValidation), "temporary_account")
        h.fails(add(Accounts.parcel("ABCDE"), anyValidation), "invalid_account_number")
        h.fails(add(#"{"lineOfBusiness":"freight","number":"ABCDEFGHIJK","country":"FR"}"#, anyValidation), "invalid_account_number")
        h.fails(add(Accounts.parcel("ABCDEF", "EU"), anyValidation), "invalid_country")
        h.fails(add(Accounts.a3, anyValidation), "validation_unavailable")
        // Only the three latest eligible invoices validate; an absent control id never matches an account.
        for (index, day) in ["05", "06", "07", "08"].enumerated() {
            h.ok(R.invoice("A3-\(index)", account: Accounts.a3, created: "2024-09-\(day)T00:00:00Z"))
        }
        h.fails(add(Accounts.a3, R.validation("A3-0", date: "2024-09-05")), "validation_failed")
        h.fails(add(Accounts.a3, R.validation("A3-3", date: "2024-09-08", control: nil)), "validation_failed")
        h.fails(R.addAccount(account: Accounts.a3, validation: R.validation("A3-3", date: "2024-09-08"), at: at, actor: "paula"), "forbidden")
        h.ok(add(Accounts.a3, R.validation("a3-1", date: "2024-09-06", control: " ctrl ")))
        h.fails(add(Accounts.a1, anyValidation), "already_enrolled")
        h.ok(R.cancel([Accounts.a3], at: at, actor: "alice"))
        h.fails(add(Accounts.a3, anyValidation), "account_cancelled_use_reenroll")
        // Only the requested keys are re-enrolled, reported in company order.
        let reenrolled = h.ok(R.reenroll([Accounts.a3], at: at, actor: "alice"))
        #expect(reenrolled["accounts"] == .array([json(Accounts.a3)]))
        h.fails(R.cancel([Accounts.a3], reason: "too-expensive", at: at, actor: "alice"), "invalid_reason")
        h.fails(R.cancel([Accounts.parcel("QQQQQQ")], at: at, actor: "alice"), "unknown_account")
        h.fails(R.cancel([Accounts.a3], reason: "other", comment: String(repeating: "x", count: 1001), at: at, actor: "alice"), "comment_too_long")
        h.fails(R.cancel([Accounts.a3], at: at, actor: "mallory"), "forbidden")
        h.fails(R.cancel([Accounts.a3], company: "NOPE", at: at, actor: "alice"), "not_found")
    }

    @Test("BC-10: plan managers, last administrator, re-adding a deleted user")
    func users() {
        let h = AcmeFixture.harness()
        let at = "2024-09-10T00:00:00Z"
        h.fails(R.addUser("zed", role: "administrator", at: at, actor: "paula"), "forbidden")
        h.fails(R.addUser("zed", role: "view-only", at: at, actor: "carol"), "forbidden")
        h.fails(R.addUser("carol", role: "view-only", at: at, actor: "alice"), "user_exists")
        h.fails(R.addUser("zed", role: "view-only", accounts: [Accounts.a3], at: at, actor: "alice"), "unknown_account")
        h.ok(R.addUser("zed", role: "view-pay-adjust", at: at, actor: "paula"))
        h.fails(#"{"op":"deleteUser","company":"ACME","user":"bob","at":"\#(at)","actor":"paula"}"#, "forbidden")
        h.fails(#"{"op":"changeRole","company":"ACME","user":"bob","role":"view-only","at":"\#(at)","actor":"paula"}"#, "forbidden")
        h.fails(#"{"op":"changeRole","company":"ACME","user":"zed","role":"administrator","at":"\#(at)","actor":"paula"}"#, "forbidden")
        h.fails(#"{"op":"changeRole","company":"ACME","user":"nobody","role":"view-only","at":"\#(at)","actor":"alice"}"#, "unknown_user")
        h.ok(#"{"op":"assignAccounts","company":"ACME","user":"zed","accounts":[\#(Accounts.a2)],"at":"\#(at)","actor":"paula"}"#)
        #expect(h.listed("zed", "current", at: at).contains("I7"))
        // The primary passes to the first-created active administrator.
        #expect(h.ok(#"{"op":"changeRole","company":"ACME","user":"alice","role":"view-only","at":"\#(at)","actor":"alice"}"#)["primaryAdministrator"] == .string("bob"))
        let deleted = h.ok(#"{"op":"deleteUser","company":"ACME","user":"zed","at":"2024-09-11T00:00:00Z","actor":"bob"}"#)
        #expect(deleted["primaryAdministrator"] == .string("bob"))
        #expect(h.access("zed", "I7", "view", at: "2024-09-11T00:00:00Z") == "not_found")
        #expect(h.access("zed", "I7", "view", at: "2024-09-10T23:59:59Z") == nil) // roles are read at query time
        h.ok(R.addUser("zed", role: "view-only", at: "2024-09-11T00:00:00Z", actor: "bob"))
    }

    @Test("disputes need complete charges and the dispute right")
    func disputes() {
        let h = AcmeFixture.harness()
        func dispute(_ charges: String, actor: String = "alice", document: String = "I7") -> String {
            #"{"op":"requestAdjustment","company":"ACME","document":"\#(document)","charges":\#(charges),"at":"2024-09-10T00:00:00Z","actor":"\#(actor)"}"#
        }
        h.fails(dispute("[]"), "dispute_incomplete")
        h.fails(dispute(#"[{"trackingNumber":"1Z","shipDate":"2024-03-01","reason":"  "}]"#), "dispute_incomplete")
        h.fails(dispute(#"[{"trackingNumber":"1Z","shipDate":"2024-03-01","reason":"late"}]"#, actor: "carol"), "not_found")
        h.fails(dispute(#"[{"trackingNumber":"1Z","shipDate":"2024-03-01","reason":"late"}]"#, document: "F1"), "forbidden")
        h.ok(dispute(#"[{"trackingNumber":"1Z","shipDate":"2024-03-01","reason":"late"}]"#))
        #expect(h.log.state.adjustments.count == 1)
    }

    @Test("BC-23: notices are recorded at registration only, filtered by user and instant")
    func notifications() {
        let h = AcmeFixture.harness()
        h.fails(#"{"op":"notifications","company":"NOPE"}"#, "not_found")
        let carol = h.ok(#"{"op":"notifications","company":"ACME","user":"carol"}"#)["notices"]?.arrayValue ?? []
        // I1 (before the cancellation) and I5 (after the re-enrollment); never the gap invoice I2.
        #expect(carol.compactMap { $0["document"]?.stringValue } == ["I1", "I5"])
        let early = h.ok(#"{"op":"notifications","company":"ACME","user":"carol","now":"2024-06-01T00:00:00Z"}"#)["notices"]?.arrayValue ?? []
        #expect(early.compactMap { $0["document"]?.stringValue } == ["I1"])
        let all = h.ok(#"{"op":"notifications","company":"ACME"}"#)["notices"]?.arrayValue ?? []
        #expect(!all.contains { $0["document"] == .string("I2") || $0["document"] == .string("F1") })
    }

    @Test("the stream's direct listing bytes equal the JSON tree")
    func listingLine() {
        let rows = [ListedDocument(id: "a\"b", kind: "invoice", placement: .gap, actions: [.view], paperPolicy: nil, instant: Instant(microseconds: 0)),
                    ListedDocument(id: "I1", kind: "cbp-7501", placement: .loaded, actions: [], paperPolicy: .onlineOnly, instant: Instant(microseconds: 0))]
        let response = BillingResponse.documents(rows)
        #expect(json(response.line) == response.json)
    }
}
