import DocumentModel
@testable import BillingCenter

/// Turns small integers into request lines over a tiny universe (2 companies, 4 users, 3 accounts and
/// a plan, 12 invoice ids), so a random integer array is a random — and shrinkable — event log that
/// hits duplicates, conflicts, gaps, re-enrollments, plan routing and every rejection path.
struct RandomLog {
    static let start = instant("2024-01-01T00:00:00Z")
    static let companies = ["C1", "C2"]
    static let users = ["u1", "u2", "u3", "u4"]
    static let accounts = [Accounts.parcel("AAAAA1"), Accounts.parcel("AAAAA2"),
                           #"{"lineOfBusiness":"freight","number":"FRT1","country":"US"}"#]
    static let plan = #"{"lineOfBusiness":"parcel","accountType":"cpp","number":"PLAN01","country":"FR"}"#
    static let roles = Role.allCases.map(\.rawValue)

    private(set) var time = RandomLog.start
    /// The last invoice generated for each account (or the plan, index 3): validation data to offer.
    private var latestInvoice: [Int: (id: String, date: String, amount: String)] = [:]
    private var invoiceIDs: [String] = []
    private var invoiceAccount: [String: Int] = [:]
    static let invoicePool = 24

    /// Every log starts with company C1 enrolled by u1 for the first account, so the random part
    /// mostly exercises an existing company.
    static let prelude = [
        Requests.invoice("P0", account: accounts[0], created: "2023-12-20T00:00:00Z", at: "2023-12-20T00:00:00Z", control: "C"),
        Requests.enroll("C1", account: accounts[0], validation: Requests.validation("P0", date: "2023-12-20", control: "C"), at: "2024-01-01T00:00:00Z", actor: "u1"),
    ]

    /// The request line for `code`, advancing the log's time by 0–2 days (sometimes back one day, to
    /// provoke `out_of_order_event`).
    mutating func line(for code: Int) -> String {
        time = time.adding(code % 29 == 0 ? .days(-1) : .days(Int64(code % 3)))
        let at = time.description
        let pick = { (count: Int, salt: Int) in (code / salt) % count }
        let company = pick(10, 13) < 7 ? "C1" : "C2"
        // Mostly u1, who enrolls companies, so administrative commands get past `forbidden`.
        let actor = pick(10, 17) < 7 ? "u1" : Self.users[pick(4, 23)]
        switch code % 13 {
        case 0, 1, 2:
            return invoice(id: "I\(pick(Self.invoicePool, 13))", code: code, at: at)
        case 3:
            let parent = invoiceIDs.isEmpty || pick(3, 7) == 0 ? nil : invoiceIDs[pick(invoiceIDs.count, 11)]
            // Usually the parent's own account, sometimes another (parent_mismatch).
            let account = pick(4, 5) == 0 ? Self.accounts[pick(2, 3)] : parent.flatMap { invoiceAccount[$0] }.map { Self.accounts[$0] } ?? Self.accounts[pick(2, 3)]
            return #"{"op":"registerBrokerageForm","id":"F\#(pick(4, 13))","form":"cbsa-b3","#
                + (parent.map { #""parentInvoiceId":"\#($0)","# } ?? "")
                + #""account":\#(account),"createdAt":"\#(time.adding(.days(-Int64(pick(30, 19)))))","entryNumber":"E1","trackingNumbers":["T1"],"at":"\#(at)"}"#
        case 4:
            let settledAt = time.adding(.days(-Int64(pick(20, 7))))
            return #"{"op":"settleInvoice","id":"I\#(pick(Self.invoicePool, 13))","status":"\#(pick(2, 11) == 0 ? "paid" : "closed")","settledAt":"\#(settledAt)","at":"\#(at)"}"#
        case 5, 6:
            let keyIndex = pick(4, 7)
            let account = keyIndex == 3
                ? Self.plan.replacingOccurrences(of: "}", with: #","planCategory":"\#(pick(2, 11) == 0 ? "export" : "import")"}"#)
                : Self.accounts[keyIndex]
            let known = latestInvoice[keyIndex] ?? ("NONE", "2024-01-01", "1.00")
            let validation = #"{"invoiceNumber":"N-\#(known.id)","invoiceDate":"\#(known.date)","amountDue":"\#(known.amount)","currency":"EUR","controlId":"C"}"#
            let op = code % 13 == 5 ? "enroll" : "addAccount"
            return #"{"op":"\#(op)","company":"\#(company)","account":\#(account),"validation":\#(validation),"at":"\#(at)","actor":"\#(actor)"}"#
        case 7:
            return Requests.cancel(references(code), reason: pick(3, 11) == 0 ? "other" : "prefer-paper", comment: pick(2, 19) == 0 ? "moving" : nil,
                                   company: company, at: at, actor: actor)
        case 8:
            return Requests.reenroll(pick(2, 11) == 0 ? nil : references(code), company: company, at: at, actor: actor)
        case 9:
            return Requests.addUser(Self.users[pick(4, 7)], role: Self.roles[pick(6, 11)], accounts: references(code), company: company, at: at, actor: actor)
        case 10:
            return #"{"op":"deleteUser","company":"\#(company)","user":"\#(Self.users[pick(4, 7)])","at":"\#(at)","actor":"\#(actor)"}"#
        case 11:
            return #"{"op":"changeRole","company":"\#(company)","user":"\#(Self.users[pick(4, 7)])","role":"\#(Self.roles[pick(6, 11)])","at":"\#(at)","actor":"\#(actor)"}"#
        default:
            return #"{"op":"assignAccounts","company":"\#(company)","user":"\#(Self.users[pick(4, 7)])","accounts":[\#(references(code).joined(separator: ","))],"at":"\#(at)","actor":"\#(actor)"}"#
        }
    }

    /// An invoice whose content depends on `code`; created up to 90 days before `at`, so it may fall
    /// before an enrollment, in a gap, or in an enrolled interval.
    mutating func invoice(id: String, code: Int, at: String) -> String {
        let pick = { (count: Int, salt: Int) in (code / salt) % count }
        let accountIndex = pick(3, 7)
        let created = time.adding(.days(-Int64(pick(5, 29) == 0 ? pick(90, 11) : pick(30, 11))))
        let withPlan = accountIndex < 2 && pick(3, 5) == 0
        let amount = "\(pick(5, 19) * 10 - 10).00"
        let status = ["open", "open", "payment-pending", "paid"][pick(4, 23)]
        let date = created.utcDate.description
        latestInvoice[withPlan ? 3 : accountIndex] = (id, date, amount)
        invoiceIDs.append(id)
        invoiceAccount[id] = accountIndex
        return Requests.invoice(id, account: Self.accounts[accountIndex], created: created.description, at: at,
                                category: pick(2, 3) == 0 ? "import" : "delivery-service", invoiceDate: date, amount: amount,
                                control: "C", status: status, settledAt: status == "paid" ? created.description : nil,
                                plan: withPlan ? "PLAN01" : nil)
    }

    private func references(_ code: Int) -> [String] {
        let all = Self.accounts + [Self.plan]
        if (code >> 9) & 1 == 1 { return [all[0]] } // the prelude's account: usually a company account
        return all.indices.filter { (code >> ($0 + 4)) & 1 == 1 }.map { all[$0] }
    }

    /// The instants at which tests compare answers: early, mid, a year on, and after the log.
    var probeInstants: [String] {
        [Self.start.adding(.days(20)), Self.start.adding(.days(60)), Self.start.adding(.days(400)), time.adding(.days(1))].map(\.description)
    }

    static func lines(_ codes: [Int]) -> (lines: [String], log: RandomLog) {
        var log = RandomLog()
        return (prelude + codes.map { log.line(for: $0) }, log)
    }
}

extension Harness {
    /// Every query answer the tests compare: lists for each company, user, page and probe instant,
    /// access to each document, and notifications.
    func answers(at instants: [String]) -> [JSONValue] {
        var results: [JSONValue] = []
        let documentIDs = ["P0"] + (0..<RandomLog.invoicePool).map { "I\($0)" } + (0..<4).map { "F\($0)" }
        for company in RandomLog.companies {
            results.append(run(#"{"op":"notifications","company":"\#(company)"}"#))
            for now in instants {
                for user in RandomLog.users {
                    for page in ["current", "archive"] {
                        results.append(run(#"{"op":"list","user":"\#(user)","company":"\#(company)","page":"\#(page)","now":"\#(now)"}"#))
                    }
                    for document in documentIDs {
                        results.append(run(#"{"op":"access","user":"\#(user)","company":"\#(company)","document":"\#(document)","action":"pay","now":"\#(now)"}"#))
                    }
                }
            }
        }
        return results
    }
}
