import Foundation
import GRDB
import Testing
@testable import BillingCenter

@Suite("S-3 database")
struct BillingStoreTests {
    @Test("a new database carries the application id and schema version; a zero-length file counts as absent")
    func creation() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.write("", to: "empty.sqlite")
        _ = try BillingStore(path: path)
        let queue = try DatabaseQueue(path: path)
        let (applicationID, version, mode) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(applicationID == 0x466F_6C69)
        #expect(version == 1)
        #expect(mode == "wal")
    }

    @Test("files that are not such a database are refused")
    func refusals() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = directory.write("plain text, not SQLite, long enough to have a header.......", to: "text.sqlite")
        #expect(throws: BillingStoreError.self) { try BillingStore(path: text) }

        let other = directory.path("other.sqlite")
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t(x); PRAGMA application_id = 42") }
        #expect(throws: BillingStoreError.self) { try BillingStore(path: other) }

        let newer = directory.path("newer.sqlite")
        _ = try BillingStore(path: newer)
        try DatabaseQueue(path: newer).write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        do {
            _ = try BillingStore(path: newer)
            Issue.record("a newer database was opened")
        } catch let error as BillingStoreError {
            #expect(error.description.contains("newer version"))
        }
    }

    @Test("a database made by an older version is migrated on open, keeping its log")
    func migration() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("old.sqlite")
        let harness = Harness(log: try BillingStore(path: path))
        harness.ok(Requests.invoice("I1", account: Accounts.a1, created: "2024-01-01T00:00:00Z"))

        let version2 = SchemaMigrator.Migration(version: 2) { db in
            try db.execute(sql: "CREATE TABLE export_marker (seq INTEGER NOT NULL REFERENCES event(seq))")
        }
        let upgraded = try BillingStore(path: path, migrator: SchemaMigrator(migrations: SchemaMigrator.releasedMigrations + [version2]))
        #expect(upgraded.state.documents.invoices["I1"] != nil)
        let (version, hasTable) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try db.tableExists("export_marker"))
        }
        #expect(version == 2)
        #expect(hasTable)
        // And this release now refuses it as newer.
        #expect(throws: BillingStoreError.self) { try BillingStore(path: path) }
    }

    @Test("the log is append-only: updates and deletes are refused by the database")
    func appendOnly() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("log.sqlite")
        Harness(log: try BillingStore(path: path)).ok(Requests.invoice("I1", account: Accounts.a1, created: "2024-01-01T00:00:00Z"))
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE invoice SET status = 'paid'") } }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM event") } }
    }

    @Test("rejected commands, duplicates and queries write nothing; accepted ones are visible to a second store")
    func writesOnlyAccepted() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("log.sqlite")
        let first = Harness(log: try BillingStore(path: path))
        let second = Harness(log: try BillingStore(path: path))
        let line = Requests.invoice("I1", account: Accounts.a1, created: "2024-01-01T00:00:00Z")
        first.ok(line)
        #expect(second.ok(line)["duplicate"] == .bool(true)) // the second store caught up before deciding
        second.fails(Requests.invoice("I2", account: Accounts.a1, created: "2023-01-01T00:00:00Z", at: "2023-01-01T00:00:00Z"), "out_of_order_event")
        first.run(#"{"op":"notifications","company":"NOPE"}"#)
        let events = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") }
        #expect(events == 1)
    }
}
