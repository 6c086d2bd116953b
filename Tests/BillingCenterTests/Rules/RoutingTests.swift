import Testing
@testable import BillingCenter

/// BC-12/13/27: plans, and gap invoices going to the first company to re-enroll.
@Suite("Routing across companies")
struct RoutingTests {
    typealias R = Requests
    let account = Accounts.parcel("AAAAA1")
    let plan = #"{"lineOfBusiness":"parcel","accountType":"cpp","number":"PLAN01","country":"FR","planCategory":"export"}"#
    let planReference = #"{"lineOfBusiness":"parcel","accountType":"cpp","number":"PLAN01","country":"FR"}"#

    @Test("BC-13: a plan enrolled later takes only later matching invoices; earlier ones stay")
    func planTakesLaterInvoices() {
        let h = Harness()
        h.ok(R.invoice("VA", account: account, created: "2024-01-01T00:00:00Z"))
        h.ok(R.enroll("C1", account: account, validation: R.validation("VA", date: "2024-01-01"), at: "2024-01-02T00:00:00Z", actor: "ann"))
        h.ok(R.invoice("X", account: account, created: "2024-02-01T00:00:00Z", plan: "PLAN01"))
        // A plan validates without a control id (BC-9).
        h.ok(R.enroll("C2", account: plan, validation: R.validation("X", date: "2024-02-01", control: nil), at: "2024-02-10T00:00:00Z", actor: "pat"))
        h.ok(R.invoice("Y", account: account, created: "2024-02-11T00:00:00Z", plan: "PLAN01"))
        h.ok(R.invoice("Z", account: account, created: "2024-02-12T00:00:00Z", category: "import", plan: "PLAN01"))
        h.ok(R.invoice("W", account: account, created: "2024-02-13T00:00:00Z"))
        h.ok(R.addUser("pia", role: "view-only", accounts: [planReference], company: "C2", at: "2024-02-14T00:00:00Z", actor: "pat"))
        h.ok(R.addUser("al", role: "view-only", accounts: [account], company: "C1", at: "2024-02-14T00:00:00Z", actor: "ann"))
        let now = "2024-03-01T00:00:00Z"
        #expect(h.listed("ann", "current", at: now, company: "C1") == ["W", "Z", "X"])
        #expect(h.listed("al", "current", at: now, company: "C1") == ["W", "Z", "X"])
        #expect(h.listed("pat", "current", at: now, company: "C2") == ["Y"])
        #expect(h.listed("pia", "current", at: now, company: "C2") == ["Y"])
        #expect(h.access("al", "Y", "view", at: now, company: "C1") == "not_found")
        // Y is the plan's first delivery-service invoice in its first enrollment: paper and online.
        #expect(h.row("Y", "pat", "current", at: now, company: "C2")?["paperPolicy"] == .string("paper-and-online"))
    }

    @Test("BC-12 step 3: a gap invoice goes only to the first company that re-enrolled after it")
    func gapGoesToFirstReenrollment() {
        let h = Harness()
        h.ok(R.invoice("V0", account: account, created: "2024-01-01T00:00:00Z"))
        h.ok(R.enroll("C1", account: account, validation: R.validation("V0", date: "2024-01-01"), at: "2024-01-02T00:00:00Z", actor: "ann"))
        h.ok(R.cancel([account], company: "C1", at: "2024-02-01T00:00:00Z", actor: "ann"))
        h.ok(R.invoice("V1", account: account, created: "2024-02-15T00:00:00Z"))
        h.ok(R.enroll("C2", account: account, validation: R.validation("V1", date: "2024-02-15"), at: "2024-03-01T00:00:00Z", actor: "bea"))
        h.ok(R.cancel([account], company: "C2", at: "2024-04-01T00:00:00Z", actor: "bea"))
        h.ok(R.invoice("G", account: account, created: "2024-04-15T00:00:00Z"))
        // Open gaps everywhere: nobody sees G (BC-16).
        #expect(h.access("ann", "G", "view", at: "2024-04-20T00:00:00Z", company: "C1") == "not_found")
        #expect(h.access("bea", "G", "view", at: "2024-04-20T00:00:00Z", company: "C2") == "not_found")
        h.ok(R.reenroll(company: "C2", at: "2024-05-01T00:00:00Z", actor: "bea"))
        h.ok(R.cancel([account], company: "C2", at: "2024-05-10T00:00:00Z", actor: "bea"))
        h.ok(R.reenroll(company: "C1", at: "2024-06-01T00:00:00Z", actor: "ann"))
        for now in ["2024-05-02T00:00:00Z", "2024-07-01T00:00:00Z"] {
            #expect(h.row("G", "bea", "archive", at: now, company: "C2")?["placement"] == .string("gap"))
            #expect(!h.listed("ann", "archive", at: now, company: "C1").contains("G"))
        }
        // Before C2's re-enrollment instant, the gap was still open.
        #expect(h.access("bea", "G", "view", at: "2024-04-30T23:59:59Z", company: "C2") == "not_found")
        // V1 lies only in C1's gap (C2 enrolled after it), so C1 gets it once C1 re-enrolls.
        #expect(h.listed("ann", "archive", at: "2024-07-01T00:00:00Z", company: "C1").contains("V1"))
    }

    @Test("BC-19: the window closes exactly at anchor + 52 weeks")
    func windowEdges() {
        let h = AcmeFixture.harness()
        // I2 is a gap invoice anchored at Tc = 2024-06-03T12:00:00Z; W = 364 days.
        #expect(h.listed("alice", "archive", at: "2025-06-02T11:59:59.999999Z").contains("I2"))
        #expect(!h.listed("alice", "archive", at: "2025-06-02T12:00:00Z").contains("I2"))
        h.ok(#"{"op":"settleInvoice","id":"I7","status":"paid","settledAt":"2024-09-05T00:00:00Z","at":"2024-09-06T00:00:00Z"}"#)
        #expect(h.listed("alice", "current", at: "2025-09-03T23:59:59Z").contains("I7"))
        #expect(!h.listed("alice", "current", at: "2025-09-04T00:00:00Z").contains("I7"))
        // Before its settlement instant the invoice still counts as unsettled and payable.
        #expect(h.access("alice", "I7", "pay", at: "2024-09-04T00:00:00Z") == nil)
        #expect(h.access("alice", "I7", "pay", at: "2024-09-05T00:00:00Z") == "not_payable")
        // Settling again: same content is a duplicate, other content already_settled.
        #expect(h.ok(#"{"op":"settleInvoice","id":"I7","status":"paid","settledAt":"2024-09-05T00:00:00Z","at":"2024-09-07T00:00:00Z"}"#)["duplicate"] == .bool(true))
        h.fails(#"{"op":"settleInvoice","id":"I7","status":"closed","settledAt":"2024-09-05T00:00:00Z","at":"2024-09-07T00:00:00Z"}"#, "already_settled")
        h.fails(#"{"op":"settleInvoice","id":"NOPE","status":"paid","settledAt":"2024-09-05T00:00:00Z","at":"2024-09-07T00:00:00Z"}"#, "unknown_invoice")
    }

    @Test("an invoice registered settled counts as open until its settlement instant")
    func registeredSettled() {
        let h = AcmeFixture.harness()
        h.ok(R.invoice("P1", account: Accounts.a2, created: "2024-09-03T00:00:00Z", status: "paid", settledAt: "2024-09-03T00:00:00Z"))
        h.ok(R.invoice("P2", account: Accounts.a2, created: "2024-09-03T00:00:00Z", at: "2024-09-06T00:00:00Z", status: "closed", settledAt: "2024-09-05T00:00:00Z"))
        #expect(h.access("dave", "P2", "pay", at: "2024-09-04T00:00:00Z") == nil)
        #expect(h.access("dave", "P2", "pay", at: "2024-09-05T00:00:00Z") == "not_payable")
        #expect(h.access("dave", "P1", "pay", at: "2024-09-03T00:00:00Z") == "not_payable")
    }
}
