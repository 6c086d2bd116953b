import Foundation
import GRDB

/// Appends one event and its typed rows (inserts only: the log is never updated in place).
enum EventWriter {
    static func append(_ logged: LoggedEvent, documentBytes: Data?, to db: Database) throws {
        let event = logged.event
        let isIngest: Bool
        switch event {
        case .invoiceRegistered, .formRegistered, .invoiceSettled: isIngest = true
        default: isIngest = false
        }
        let body: String? = isIngest ? nil : String(decoding: try JSONEncoder().encode(EventBody(event)), as: UTF8.self)
        try db.cachedStatement(sql: "INSERT INTO event (seq, kind, at, actor, body) VALUES (?, ?, ?, ?, ?)").execute(arguments: [logged.seq, event.kind, logged.at.microseconds, logged.actor, body])
        switch event {
        case let .invoiceRegistered(record, notified):
            try db.cachedStatement(sql: """
                INSERT INTO invoice (id, seq, number, account, plan_number, category, created_at, invoice_date, due_date,
                    amount_minor, currency, control_id, status, settled_at, document_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    record.id, logged.seq, record.number, record.account.storageKey, record.planNumber, record.category.rawValue,
                    record.createdAt.microseconds, record.invoiceDate.daysSinceEpoch, record.dueDate.daysSinceEpoch,
                    record.amountDue.minorUnits, record.amountDue.currency.code, record.controlId, record.status.rawValue,
                    record.settledAt?.microseconds, record.documentPath,
                ])
            for user in notified?.users ?? [] {
                try db.cachedStatement(sql: "INSERT INTO notice (seq, company, user, document) VALUES (?, ?, ?, ?)").execute(arguments: [logged.seq, notified!.company, user, record.id])
            }
        case let .formRegistered(form):
            let tracking = String(decoding: try JSONEncoder().encode(form.trackingNumbers), as: UTF8.self)
            try db.cachedStatement(sql: """
                INSERT INTO brokerage_form (id, seq, form, parent_invoice_id, account, created_at, entry_number, tracking_numbers, document_path)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [form.id, logged.seq, form.form.rawValue, form.parentInvoiceId, form.account.storageKey,
                                 form.createdAt.microseconds, form.entryNumber, tracking, form.documentPath])
        case let .invoiceSettled(id, settlement):
            try db.cachedStatement(sql: "INSERT INTO settlement (invoice_id, seq, status, settled_at) VALUES (?, ?, ?, ?)").execute(arguments: [id, logged.seq, settlement.status.rawValue, settlement.settledAt.microseconds])
        default:
            break
        }
        if let documentBytes, let id = event.documentID {
            try db.cachedStatement(sql: "INSERT INTO stored_document (document_id, seq, bytes) VALUES (?, ?, ?)").execute(arguments: [id, logged.seq, documentBytes])
        }
    }
}
