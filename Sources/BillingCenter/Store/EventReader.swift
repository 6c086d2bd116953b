import DocumentModel
import Foundation
import GRDB

/// Reads the log back as `LoggedEvent`s in order: the replay that rebuilds `BillingState`.
enum EventReader {
    /// Recorded notices of `company` (BC-23), in recording order then user id, filtered as asked.
    static func notices(company: CompanyID, user: UserID?, notAfter now: Instant?, in db: Database) throws -> [Notice] {
        var sql = "SELECT n.document, n.user, e.at FROM notice n JOIN event e ON e.seq = n.seq WHERE n.company = ?"
        var arguments: StatementArguments = [company]
        if let user { sql += " AND n.user = ?"; arguments += [user] }
        if let now { sql += " AND e.at <= ?"; arguments += [now.microseconds] }
        sql += " ORDER BY n.seq, n.user"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            Notice(company: company, document: $0[0], user: $0[1], at: Instant(microseconds: $0[2]))
        }
    }

    /// Calls `apply` with every event after `seq`, in log order. Invoices are read by a second
    /// cursor in the same order (a merge on `seq`), so replay holds no table of them in memory.
    static func replay(after seq: Int64, in db: Database, apply: (LoggedEvent) throws -> Void) throws {
        let invoices = try InvoiceCursor(after: seq, db)
        let forms = try formRecords(after: seq, db)
        let settlements = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT seq, invoice_id, status, settled_at FROM settlement WHERE seq > ?", arguments: [seq]).map { row in
            (row[0] as Int64, (row[1] as String, SettlementRecord(status: try enumValue(row[2], InvoiceStatus.self), settledAt: Instant(microseconds: row[3]))))
        })
        let cursor = try Row.fetchCursor(db, sql: "SELECT seq, kind, at, actor, body FROM event WHERE seq > ? ORDER BY seq", arguments: [seq])
        while let row = try cursor.next() {
            let eventSeq: Int64 = row[0]
            let kind: String = row[1]
            let event: BillingEvent
            switch kind {
            case "registerInvoice":
                // Notices stay in their table (millions of rows for a large company); the store
                // answers `notifications` from there, so replay does not load them.
                event = .invoiceRegistered(try invoices.record(for: eventSeq), notified: nil)
            case "registerBrokerageForm":
                guard let form = forms[eventSeq] else { throw BillingStoreError.corrupt("form of event \(eventSeq) missing") }
                event = .formRegistered(form)
            case "settleInvoice":
                guard let (id, settlement) = settlements[eventSeq] else { throw BillingStoreError.corrupt("settlement of event \(eventSeq) missing") }
                event = .invoiceSettled(id: id, settlement)
            default:
                let body: String = row[4]
                event = try JSONDecoder().decode(EventBody.self, from: Data(body.utf8)).event(kind: kind)
            }
            try apply(LoggedEvent(seq: eventSeq, at: Instant(microseconds: row[2]), actor: row[3], event: event))
        }
    }

    private static func currency(_ code: String) throws -> Currency {
        guard let currency = Currency(code) else { throw BillingStoreError.corrupt("unknown currency \(code)") }
        return currency
    }

    private static func enumValue<Value: RawRepresentable>(_ text: String, _: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else { throw BillingStoreError.corrupt("unknown value \(text)") }
        return value
    }

    /// Parsed keys by their stored text: a database holds few distinct accounts and many rows.
    private final class KeyCache {
        var keys: [String: AccountKey] = [:]
        func key(_ text: String) throws -> AccountKey {
            if let key = keys[text] { return key }
            let key = try AccountKey(storageKey: text)
            keys[text] = key
            return key
        }
    }

    /// The `invoice` rows in `seq` order, consumed one registration event at a time.
    private final class InvoiceCursor {
        private let rows: RowCursor
        private let keys = KeyCache()

        init(after seq: Int64, _ db: Database) throws {
            rows = try Row.fetchCursor(db, sql: """
                SELECT seq, id, number, account, plan_number, category, created_at, invoice_date, due_date, amount_minor,
                       currency, control_id, status, settled_at, document_path
                FROM invoice WHERE seq > ? ORDER BY seq
                """, arguments: [seq])
        }

        func record(for eventSeq: Int64) throws -> InvoiceRecord {
            guard let row = try rows.next(), row[0] as Int64 == eventSeq else {
                throw BillingStoreError.corrupt("invoice of event \(eventSeq) missing")
            }
            let settledAt: Int64? = row[13]
            return InvoiceRecord(
                id: row[1], number: row[2], account: try keys.key(row[3]), planNumber: row[4],
                category: try enumValue(row[5], InvoiceCategory.self), createdAt: Instant(microseconds: row[6]),
                invoiceDate: CalendarDate(daysSinceEpoch: row[7]), dueDate: CalendarDate(daysSinceEpoch: row[8]),
                amountDue: Money(minorUnits: row[9], currency: try currency(row[10])), controlId: row[11],
                status: try enumValue(row[12], InvoiceStatus.self), settledAt: settledAt.map(Instant.init(microseconds:)),
                documentPath: row[14])
        }
    }

    private static func formRecords(after seq: Int64, _ db: Database) throws -> [Int64: BrokerageFormRecord] {
        var records: [Int64: BrokerageFormRecord] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT seq, id, form, parent_invoice_id, account, created_at, entry_number, tracking_numbers, document_path
            FROM brokerage_form WHERE seq > ?
            """, arguments: [seq]) {
            let tracking: String = row[7]
            records[row[0]] = BrokerageFormRecord(
                id: row[1], form: try enumValue(row[2], BrokerageFormKind.self), parentInvoiceId: row[3],
                account: try AccountKey(storageKey: row[4]), createdAt: Instant(microseconds: row[5]), entryNumber: row[6],
                trackingNumbers: try JSONDecoder().decode([String].self, from: Data(tracking.utf8)), documentPath: row[8])
        }
        return records
    }
}
