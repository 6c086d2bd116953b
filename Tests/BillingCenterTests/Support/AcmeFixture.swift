import Testing
@testable import BillingCenter

/// The worked-example fixture of spec §14 (ACME and BETA), as request lines in log order.
enum AcmeFixture {
    static let tc = "2024-06-03T12:00:00Z"
    static let tr = "2024-09-02T09:00:00Z"

    /// Every line with its `at`, so a test can stop before an instant and act there itself.
    static var steps: [(at: String, line: String)] {
        typealias R = Requests
        let a1 = Accounts.a1, a2 = Accounts.a2
        return [
            ("2023-12-20T06:00:00Z", R.invoice("I9", account: a2, created: "2023-12-20T06:00:00Z")),
            ("2023-12-30T06:00:00Z", R.invoice("V1", account: a1, created: "2023-12-30T06:00:00Z", amount: "1234.56", control: "K7Q2")),
            ("2024-01-02T06:00:00Z", R.invoice("VB", account: Accounts.b1, created: "2024-01-02T06:00:00Z")),
            ("2024-01-08T10:00:00Z", R.enroll("ACME", account: a1, validation: R.validation("V1", date: "2023-12-30", amount: "1234.56", control: "k7q2"), at: "2024-01-08T10:00:00Z", actor: "alice")),
            ("2024-01-08T10:00:00Z", R.addAccount(account: a2, validation: R.validation("I9", date: "2023-12-20"), at: "2024-01-08T10:00:00Z", actor: "alice")),
            ("2024-01-08T10:05:00Z", R.addUser("bob", role: "administrator", at: "2024-01-08T10:05:00Z")),
            ("2024-01-08T10:05:00Z", R.addUser("paula", role: "plan-manager", at: "2024-01-08T10:05:00Z")),
            ("2024-01-08T10:05:00Z", R.addUser("carol", role: "view-only", accounts: [a1], at: "2024-01-08T10:05:00Z")),
            ("2024-01-08T10:05:00Z", R.addUser("dave", role: "view-pay", accounts: [a2], at: "2024-01-08T10:05:00Z")),
            ("2024-01-09T08:00:00Z", R.enroll("BETA", account: Accounts.b1, validation: R.validation("VB", date: "2024-01-02"), at: "2024-01-09T08:00:00Z", actor: "erin")),
            ("2024-01-15T06:00:00Z", R.invoice("I11", account: a2, created: "2024-01-15T06:00:00Z", status: "past-due")),
            ("2024-03-04T06:00:00Z", R.invoice("I7", account: a2, created: "2024-03-04T06:00:00Z")),
            ("2024-04-02T06:00:00Z", R.invoice("I14", account: a2, created: "2024-04-02T06:00:00Z", amount: "-45.00")),
            ("2024-05-27T08:00:00Z", R.invoice("I1", account: a1, created: "2024-05-27T08:00:00Z", amount: "310.20", control: "P3M8")),
            ("2024-05-28T08:00:00Z", #"{"op":"registerBrokerageForm","id":"F1","form":"cbp-7501","parentInvoiceId":"I1","account":\#(a1),"createdAt":"2024-05-28T08:00:00Z","entryNumber":"ABC-1234567-8","trackingNumbers":["1Z999"],"at":"2024-05-28T08:00:00Z"}"#),
            (tc, R.cancel([a1], reason: "other", comment: "Migrating to EDI", at: tc, actor: "alice")),
            ("2024-06-10T00:00:00Z", R.invoice("I2", account: a1, created: tc, at: "2024-06-10T00:00:00Z", amount: "88.00")),
            (tr, R.reenroll(at: tr, actor: "alice")),
            (tr, R.invoice("I5", account: a1, created: tr)),
        ]
    }

    /// A harness holding the fixture's events with `at` < `before` (all of them by default).
    static func harness(before: String? = nil, log: any BillingLog = InMemoryBillingLog()) -> Harness {
        let harness = Harness(log: log)
        let limit = before.map(instant)
        for step in steps where limit.map({ instant(step.at) < $0 }) ?? true {
            harness.ok(step.line)
        }
        return harness
    }
}
