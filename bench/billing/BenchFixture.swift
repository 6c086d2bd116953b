import DocumentModel
import BillingCenter
import Foundation

/// The benchmark's data: one company `BIG` with 50 parcel accounts enrolled in early 2021, invoices
/// spread over four years (older ones registered settled, the last 60 days open), users with
/// assignments, cancellations and re-enrollments, settlements.
struct BenchFixture {
    static let company = "BIG"
    static let accountCount = 50
    static let invoiceCount = 200_000
    static let otherEventCount = 2_000
    static let start = try! Instant(rfc3339: "2021-01-04T00:00:00Z")
    static let end = try! Instant(rfc3339: "2025-01-01T00:00:00Z")
    static let now = try! Instant(rfc3339: "2025-01-15T00:00:00Z")

    let accounts = (1...BenchFixture.accountCount).map {
        AccountKey(lineOfBusiness: .parcel, accountType: .individual, number: String(format: "A%05d", $0), country: "US")
    }

    private func money(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: .usd) }

    private func invoice(_ id: String, account: AccountKey, created: Instant, settled: Bool) -> InvoiceRecord {
        InvoiceRecord(id: id, number: "N\(id)", account: account, planNumber: nil,
                      category: id.hasSuffix("7") ? .import : .deliveryService, createdAt: created,
                      invoiceDate: created.utcDate, dueDate: created.utcDate.adding(days: 30),
                      amountDue: money(Int64(1000 + id.count * 37)), controlId: "C", status: settled ? .paid : .open,
                      settledAt: settled ? created.adding(.days(20)) : nil, documentPath: nil)
    }

    /// Requests in log order (non-decreasing `at`).
    func seedRequests() -> [BillingRequest] {
        var timeline: [(Instant, Int, BillingRequest)] = []
        var order = 0
        func add(_ at: Instant, _ request: BillingRequest) { timeline.append((at, order, request)); order += 1 }
        let admin = "admin"
        // Validation invoices a week before enrollment, then enrollment of every account.
        for (index, key) in accounts.enumerated() {
            let created = Self.start.adding(.days(-7))
            let record = invoice("V\(index)", account: key, created: created, settled: false)
            add(created, .registerInvoice(record, .init(at: created, actor: nil)))
            let validation = BillingRequest.Validation(invoiceNumber: record.number, invoiceDate: record.invoiceDate, amountDue: record.amountDue, controlId: "C")
            let at = Self.start.adding(.seconds(Int64(index)))
            let input = BillingRequest.AccountInput(key: key)
            add(at, index == 0 ? .enroll(.init(company: Self.company, account: input, validation: validation), .init(at: at, actor: admin))
                               : .addAccount(.init(company: Self.company, account: input, validation: validation), .init(at: at, actor: admin)))
        }
        // Users: one view-only user with two accounts (the measured one), others with various roles.
        let userAt = Self.start.adding(.seconds(100))
        add(userAt, .addUser(.init(company: Self.company, user: "viewer", role: .viewOnly, accounts: [accounts[0], accounts[1]]), .init(at: userAt, actor: admin)))
        let roles = Role.allCases.filter { $0 != .administrator }
        for index in 0..<40 {
            add(userAt, .addUser(.init(company: Self.company, user: "user\(index)", role: roles[index % roles.count], accounts: [accounts[index % 50]]), .init(at: userAt, actor: admin)))
        }
        // Cancellations and re-enrollments (accounts 10…49, so the viewer's accounts stay simple).
        var remaining = Self.otherEventCount - timeline.count
        let span = Self.end.microseconds - Self.start.microseconds
        var pairs = 0
        let pairCount = (remaining - 1_000) / 2
        while pairs < pairCount {
            let key = accounts[10 + pairs % 40]
            let cancelAt = Instant(microseconds: Self.start.microseconds + span / Int64(pairCount + 1) * Int64(pairs + 1))
            let reenrollAt = cancelAt.adding(.days(3))
            add(cancelAt, .cancel(.init(company: Self.company, accounts: [key], reason: "prefer-paper"), .init(at: cancelAt, actor: admin)))
            add(reenrollAt, .reenroll(.init(company: Self.company, accounts: [key]), .init(at: reenrollAt, actor: admin)))
            pairs += 1
            remaining -= 2
        }
        // Role and assignment changes.
        let changes = remaining - 500
        for index in 0..<changes {
            let at = Instant(microseconds: Self.start.microseconds + span / Int64(changes + 1) * Int64(index + 1) + 1)
            add(at, .assignAccounts(.init(company: Self.company, user: "user\(index % 40)", accounts: [accounts[index % 50], accounts[(index * 7) % 50]]), .init(at: at, actor: admin)))
        }
        // Invoices, evenly spread; the last 60 days open, the rest registered settled.
        let openFrom = Self.end.adding(.days(-60))
        for index in 0..<Self.invoiceCount {
            let created = Instant(microseconds: Self.start.microseconds + span / Int64(Self.invoiceCount) * Int64(index) + 3)
            let record = invoice("I\(index)", account: accounts[index % 50], created: created, settled: created < openFrom)
            add(created.adding(.days(20)), .registerInvoice(record, .init(at: created.adding(.days(20)), actor: nil)))
        }
        // Settlements of 500 open invoices.
        for index in 0..<500 {
            let id = Self.invoiceCount - 1 - index * 3
            let at = Self.end.adding(.days(21))
            add(at, .settleInvoice(.init(id: "I\(id)", status: .paid, settledAt: Self.end.adding(.days(20))), .init(at: at, actor: nil)))
        }
        timeline.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return timeline.map(\.2)
    }

    /// 10 000 stream lines after the seed: mostly carrier feed (new invoices, settlements), some
    /// administration, and a few queries (a list, an access check) as a user session would add.
    func applyCommands(count: Int) -> [String] {
        var lines: [String] = []
        let base = Self.end.adding(.days(30))
        for index in 0..<count {
            let at = base.adding(.seconds(Int64(index)))
            let account = accounts[index % 50]
            switch index % 20 {
            case 0..<14:
                lines.append(#"{"op":"registerInvoice","id":"N\#(index)","number":"NN\#(index)","account":{"lineOfBusiness":"parcel","accountType":"individual","number":"\#(account.number)","country":"US"},"category":"delivery-service","createdAt":"\#(at)","invoiceDate":"\#(at.utcDate)","dueDate":"\#(at.utcDate.adding(days: 30))","amountDue":"12.34","currency":"USD","controlId":"C","status":"open","at":"\#(at)"}"#)
            case 14, 15, 16:
                lines.append(#"{"op":"settleInvoice","id":"N\#(index - 14)","status":"paid","settledAt":"\#(at)","at":"\#(at)"}"#)
            case 17:
                lines.append(#"{"op":"assignAccounts","company":"BIG","user":"user\#(index % 40)","accounts":[{"lineOfBusiness":"parcel","accountType":"individual","number":"\#(account.number)","country":"US"}],"at":"\#(at)","actor":"admin"}"#)
            case 18:
                lines.append(#"{"op":"list","user":"viewer","company":"BIG","page":"current","now":"\#(at)"}"#)
            default:
                lines.append(#"{"op":"access","user":"user\#(index % 40)","company":"BIG","document":"I\#(index * 7)","action":"pay","now":"\#(at)"}"#)
            }
        }
        return lines
    }
}
