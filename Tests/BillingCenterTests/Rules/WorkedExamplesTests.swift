import Testing
@testable import BillingCenter

/// Spec §14: every worked example E-n on the ACME fixture.
@Suite("Worked examples E-1…E-28")
struct WorkedExamplesTests {
    typealias R = Requests
    let a1 = Accounts.a1, a2 = Accounts.a2
    let july = "2024-07-01T00:00:00Z"
    let september = "2024-09-03T00:00:00Z"

    @Test("E-1 Carol lists current: I1 loaded, view and download; pay forbidden by role")
    func e1() {
        let h = AcmeFixture.harness()
        let row = h.row("I1", "carol", "current", at: july)
        #expect(row == json(#"{"id":"I1","kind":"invoice","placement":"loaded","actions":["view","download"],"paperPolicy":"paper-and-online"}"#))
        #expect(h.access("carol", "I1", "pay", at: july) == "forbidden")
    }

    @Test("E-2 pre-cancellation invoices stay payable (BC-18, BC-21)")
    func e2() {
        #expect(AcmeFixture.harness().access("alice", "I1", "pay", at: july) == nil)
    }

    @Test("E-3 an invoice created at the cancel instant is hidden in the open gap (BC-16, BC-17)")
    func e3() {
        let h = AcmeFixture.harness()
        #expect(!h.listed("alice", "current", at: july).contains("I2"))
        #expect(!h.listed("alice", "archive", at: july).contains("I2"))
        #expect(h.access("alice", "I2", "view", at: july) == "not_found")
    }

    @Test("E-4 after re-enrollment the gap invoice is archive-only, paper-only, not payable, not disputable")
    func e4() {
        let h = AcmeFixture.harness()
        #expect(!h.listed("alice", "current", at: september).contains("I2"))
        #expect(h.row("I2", "alice", "archive", at: september)
                == json(#"{"id":"I2","kind":"invoice","placement":"gap","actions":["view","download"],"paperPolicy":"paper-only"}"#))
        #expect(h.access("alice", "I2", "pay", at: september) == "not_payable")
        #expect(h.access("alice", "I2", "dispute", at: september) == "forbidden")
    }

    @Test("E-5 an invoice created exactly at the re-enrollment is loaded and online-only (BC-17, BC-25)")
    func e5() {
        let h = AcmeFixture.harness()
        for user in ["alice", "bob", "paula", "carol"] {
            let row = h.row("I5", user, "current", at: AcmeFixture.tr)
            #expect(row?["placement"] == .string("loaded"))
            #expect(row?["paperPolicy"] == .string("online-only"))
        }
    }

    @Test("E-6 cancelling a cancelled account: already_cancelled [A1]; the gap still starts at Tc")
    func e6() {
        let h = AcmeFixture.harness(before: "2024-06-10T00:00:01Z")
        let result = h.fails(R.cancel([a1], at: "2024-06-10T00:00:00Z", actor: "bob"), "already_cancelled")
        #expect(result["accounts"] == .array([json(a1)]))
        h.ok(R.reenroll(at: AcmeFixture.tr, actor: "alice"))
        #expect(h.row("I2", "alice", "archive", at: september)?["placement"] == .string("gap"))
    }

    @Test("E-7 cancel [A1, A2] with A1 cancelled: already_cancelled [A1], A2 stays enrolled (atomic)")
    func e7() {
        let h = AcmeFixture.harness(before: "2024-06-10T00:00:00Z")
        let result = h.fails(R.cancel([a1, a2], at: "2024-06-05T00:00:00Z", actor: "bob"), "already_cancelled")
        #expect(result["accounts"] == .array([json(a1)]))
        #expect(h.log.state.companies["ACME"]?.state(of: key(a2)) == .enrolled)
    }

    @Test("E-8 reenroll without accounts when nothing is cancelled: not_cancelled []")
    func e8() {
        let h = AcmeFixture.harness()
        let before = h.log.state.lastSeq
        let result = h.fails(R.reenroll(at: "2024-09-05T00:00:00Z", actor: "alice"), "not_cancelled")
        #expect(result["accounts"] == .array([]))
        #expect(h.log.state.lastSeq == before)
    }

    @Test("E-9 reason other with a blank comment: comment_required")
    func e9() {
        let result = AcmeFixture.harness().fails(R.cancel([a2], reason: "other", comment: "   ", at: "2024-09-10T00:00:00Z", actor: "bob"), "comment_required")
        #expect(result["message"] == .string("Comments are required when \"Other\" is selected."))
    }

    @Test("E-10 reason other with a comment: ok, stored verbatim")
    func e10() {
        let h = AcmeFixture.harness()
        h.ok(R.cancel([a2], reason: "other", comment: "Migrating to EDI", at: "2024-09-10T00:00:00Z", actor: "bob"))
        let last = h.log.state.companies["ACME"]?.enrollment[key(a2)]?.events.last
        #expect(last?.act == .cancel)
        #expect(last?.comment == "Migrating to EDI")
        #expect(last?.reason == "other")
    }

    @Test("E-11 cancel with no accounts: no_account_selected")
    func e11() {
        AcmeFixture.harness().fails(R.cancel([], at: "2024-09-10T00:00:00Z", actor: "bob"), "no_account_selected")
    }

    @Test("E-12 a view-pay user and a plan manager may not cancel")
    func e12() {
        let h = AcmeFixture.harness()
        h.fails(R.cancel([a2], at: "2024-09-10T00:00:00Z", actor: "dave"), "forbidden")
        h.fails(R.cancel([a2], at: "2024-09-10T00:00:00Z", actor: "paula"), "forbidden")
    }

    @Test("E-13 a dormant company's users still list their pre-cancellation invoices (BC-3)")
    func e13() {
        let h = AcmeFixture.harness(before: "2024-06-10T00:00:00Z")
        h.ok(R.cancel([a2], at: "2024-06-05T00:00:00Z", actor: "alice"))
        #expect(h.log.state.companies["ACME"]?.isActive == false)
        #expect(h.listed("carol", "current", at: july).contains("I1"))
    }

    @Test("E-14 another account's invoice answers not_found, not forbidden (BC-20)")
    func e14() {
        #expect(AcmeFixture.harness().access("carol", "I7", "view", at: july) == "not_found")
    }

    @Test("E-15 administrators see every account")
    func e15() {
        #expect(AcmeFixture.harness().listed("bob", "current", at: july).contains("I7"))
    }

    @Test("E-16 an account enrolled in ACME cannot be added to BETA")
    func e16() {
        let h = AcmeFixture.harness(before: "2024-02-01T00:00:00Z")
        let result = h.fails(R.addAccount("BETA", account: a1, validation: R.validation("V1", date: "2023-12-30", amount: "1234.56", control: "K7Q2"),
                                          at: "2024-02-01T00:00:00Z", actor: "erin"), "account_enrolled_elsewhere")
        #expect(result["accounts"] == .array([json(a1)]))
    }

    @Test("E-17 an invoice created before the account's first enrollment is never listed (BC-15)")
    func e17() {
        let h = AcmeFixture.harness()
        for now in [july, september, "2024-01-08T10:00:00Z", "2026-01-01T00:00:00Z"] {
            for page in ["current", "archive"] { #expect(!h.listed("alice", page, at: now).contains("I9")) }
        }
    }

    @Test("E-18 unsettled loaded invoices never expire")
    func e18() {
        #expect(AcmeFixture.harness().listed("alice", "current", at: "2025-06-01T00:00:00Z").contains("I11"))
    }

    @Test("E-19 a brokerage form is listed through its parent, with no paper flag, and is not payable")
    func e19() {
        let h = AcmeFixture.harness()
        let expected = json(#"{"id":"F1","kind":"cbp-7501","placement":"loaded","actions":["view","download"],"paperPolicy":null}"#)
        #expect(h.row("F1", "carol", "current", at: july) == expected)
        #expect(h.row("F1", "carol", "archive", at: july) == expected)
        #expect(h.access("carol", "F1", "pay", at: july) == "forbidden")
        #expect(h.access("alice", "F1", "pay", at: july) == "forbidden")
    }

    @Test("E-20 initial enrollment: three paper copies of delivery invoices, imports on paper for 30 days (BC-24)")
    func e20() {
        let h = AcmeFixture.harness(before: "2024-01-09T00:00:00Z")
        for day in 9...12 {
            h.ok(R.invoice("D\(day)", account: a2, created: "2024-01-\(day < 10 ? "0" : "")\(day)T06:00:00Z"))
        }
        // s_0 = 2024-01-08T10:00:00Z
        h.ok(R.invoice("M29", account: a2, created: "2024-02-06T10:00:00Z", category: "import"))
        h.ok(R.invoice("M31", account: a2, created: "2024-02-08T10:00:00Z", category: "import"))
        let rows = h.documents("alice", "current", at: "2024-03-01T00:00:00Z")
        func policy(_ id: String) -> JSONValue? { rows.first { $0["id"] == .string(id) }?["paperPolicy"] }
        #expect(["D9", "D10", "D11"].map(policy) == Array(repeating: .string("paper-and-online"), count: 3))
        #expect(policy("D12") == .string("online-only"))
        #expect(policy("M29") == .string("paper-and-online"))
        #expect(policy("M31") == .string("online-only"))
    }

    @Test("E-21 a freight account with an account type: account_type_not_applicable")
    func e21() {
        let freight = #"{"lineOfBusiness":"freight","accountType":"individual","number":"F12345","country":"FR"}"#
        AcmeFixture.harness().fails(R.addAccount(account: freight, validation: R.validation("X", date: "2024-09-01"), at: "2024-09-10T00:00:00Z", actor: "alice"), "account_type_not_applicable")
    }

    @Test("E-22 a parcel account without an account type: account_type_required")
    func e22() {
        let parcel = #"{"lineOfBusiness":"parcel","number":"P12345","country":"FR"}"#
        AcmeFixture.harness().fails(R.addAccount(account: parcel, validation: R.validation("X", date: "2024-09-01"), at: "2024-09-10T00:00:00Z", actor: "alice"), "account_type_required")
    }

    @Test("E-23 a validation amount one cent off: validation_failed, nothing enrolled")
    func e23() {
        let h = AcmeFixture.harness()
        h.ok(R.invoice("A3-1", account: Accounts.a3, created: "2024-09-05T06:00:00Z", amount: "1234.56"))
        let before = h.log.state.lastSeq
        let result = h.fails(R.addAccount(account: Accounts.a3, validation: R.validation("A3-1", date: "2024-09-05", amount: "1234.55"),
                                          at: "2024-09-10T00:00:00Z", actor: "alice"), "validation_failed")
        #expect(result["message"] == .string("The information does not match a recent invoice."))
        #expect(h.log.state.lastSeq == before)
        #expect(h.log.state.companies["ACME"]?.isCompanyAccount(key(Accounts.a3)) == false)
    }

    @Test("E-24 adding an enrolled account again: already_enrolled")
    func e24() {
        AcmeFixture.harness().fails(R.addAccount(account: a2, validation: R.validation("I9", date: "2023-12-20"), at: "2024-09-10T00:00:00Z", actor: "alice"), "already_enrolled")
    }

    @Test("E-25 the last administrator cannot leave; after promoting Bob, Alice can, and Bob becomes primary")
    func e25() {
        let h = Harness()
        h.ok(R.invoice("V1", account: a1, created: "2023-12-30T06:00:00Z"))
        h.ok(R.enroll("ACME", account: a1, validation: R.validation("V1", date: "2023-12-30"), at: "2024-01-08T10:00:00Z", actor: "alice"))
        h.ok(R.addUser("bob", role: "view-only", at: "2024-01-08T10:05:00Z"))
        let at = "2024-01-09T00:00:00Z"
        h.fails(#"{"op":"deleteUser","company":"ACME","user":"alice","at":"\#(at)","actor":"alice"}"#, "last_administrator")
        h.fails(#"{"op":"changeRole","company":"ACME","user":"alice","role":"view-only","at":"\#(at)","actor":"alice"}"#, "last_administrator")
        let promoted = h.ok(#"{"op":"changeRole","company":"ACME","user":"bob","role":"administrator","at":"\#(at)","actor":"alice"}"#)
        #expect(promoted["primaryAdministrator"] == .string("alice"))
        let deleted = h.ok(#"{"op":"deleteUser","company":"ACME","user":"alice","at":"\#(at)","actor":"alice"}"#)
        #expect(deleted["primaryAdministrator"] == .string("bob"))
    }

    @Test("E-26 registering I7 notifies alice, bob, dave and paula, not carol (BC-23)")
    func e26() {
        let h = AcmeFixture.harness()
        let notices = h.ok(#"{"op":"notifications","company":"ACME"}"#)["notices"]?.arrayValue ?? []
        let forI7 = notices.filter { $0["document"] == .string("I7") }
        #expect(forI7.compactMap { $0["user"]?.stringValue } == ["alice", "bob", "dave", "paula"])
        #expect(forI7.allSatisfy { $0["at"] == .string("2024-03-04T06:00:00Z") && $0["kind"] == .string("invoice-available") })
    }

    @Test("E-27 a credit invoice offers refund instead of pay")
    func e27() {
        let h = AcmeFixture.harness()
        #expect(h.row("I14", "dave", "current", at: july)?["actions"] == json(#"["view","download","refund"]"#))
        #expect(h.access("dave", "I14", "pay", at: july) == "not_payable")
        #expect(h.access("dave", "I14", "refund", at: july) == nil)
    }

    @Test("E-28 a view-pay user may not dispute")
    func e28() {
        let h = AcmeFixture.harness()
        h.fails(#"{"op":"requestAdjustment","company":"ACME","document":"I7","charges":[{"trackingNumber":"1Z1","shipDate":"2024-03-01","reason":"late"}],"at":"2024-09-10T00:00:00Z","actor":"dave"}"#, "forbidden")
    }
}

/// The normalised key of an account object written in JSON.
func key(_ account: String) -> AccountKey {
    let value = json(account)
    return AccountKey(lineOfBusiness: LineOfBusiness(rawValue: value["lineOfBusiness"]!.stringValue!)!,
                      accountType: value["accountType"]?.stringValue.flatMap(AccountType.init(rawValue:)),
                      number: value["number"]!.stringValue!, country: value["country"]!.stringValue!)
}
