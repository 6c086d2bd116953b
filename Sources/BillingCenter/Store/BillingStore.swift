import DocumentModel
import Foundation
import GRDB

/// The billing log in SQLite (S-3), through GRDB: WAL, `synchronous = FULL`, foreign keys on,
/// versioned migrations. Each accepted command is committed in its own IMMEDIATE transaction before
/// its answer is returned; rejected commands, duplicates and queries write nothing.
///
/// Several processes may share one database: before deciding, a command takes the write lock
/// (waiting up to `busyTimeout`) and folds in whatever other processes appended, so no command is
/// decided on a stale state and none is lost.
///
/// ```swift
/// let store = try BillingStore(path: "acme.sqlite")
/// let response = try store.handle(request, environment: environment)
/// ```
public final class BillingStore: BillingLog {
    public private(set) var state = BillingState()
    private let database: DatabaseQueue

    /// Opens (creating or migrating) the database at `path`.
    /// Throws `BillingStoreError.cannotOpen` for a file that is not such a database or is newer.
    public init(path: String, busyTimeout: TimeInterval = 30, migrator: SchemaMigrator = SchemaMigrator()) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Each command commits (and syncs) on its own; checkpointing less often saves the extra
            // syncs of the main file without weakening durability.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            // Two processes opening a new file at once race to set WAL and migrate; SQLite answers
            // the loser SQLITE_BUSY at once (no busy handler on a lock upgrade that could deadlock),
            // so opening retries until the same timeout as ordinary commands.
            let deadline = Date().addingTimeInterval(busyTimeout)
            while true {
                do {
                    try database.writeWithoutTransaction { db in
                        let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                        guard mode?.lowercased() == "wal" else { throw BillingStoreError.cannotOpen("WAL mode unavailable") }
                        try migrator.migrate(db)
                    }
                    break
                } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && Date() < deadline {
                    usleep(UInt32.random(in: 5_000...40_000))
                }
            }
            try database.read { db in try catchUp(db) }
        } catch let error as BillingStoreError {
            throw error
        } catch let error as DatabaseError {
            throw BillingStoreError.cannotOpen(error.message ?? error.description)
        }
    }

    public func storedDocument(_ id: DocumentID) throws -> Data? {
        try database.read { db in try Data.fetchOne(db, sql: "SELECT bytes FROM stored_document WHERE document_id = ?", arguments: [id]) }
    }

    public func recordedNotices(company: CompanyID, user: UserID?, now: Instant?) throws -> [Notice] {
        try database.read { db in try EventReader.notices(company: company, user: user, notAfter: now, in: db) }
    }

    public func execute(_ request: BillingRequest, environment: RequestEnvironment) throws -> BillingResponse {
        guard request.envelope != nil else {
            try database.read { db in try catchUp(db) } // T-6: answer from everything recorded so far
            return try answerQuery(request, environment: environment)!
        }
        var pending: (LoggedEvent, BillingResponse)?
        var answer = BillingResponse.failure(BillingError(.storageError))
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try catchUp(db)
                switch state.resolve(request, environment: environment) {
                case let .answered(response):
                    answer = response
                    return .rollback
                case let .append(logged, bytes, response):
                    try EventWriter.append(logged, documentBytes: bytes, to: db)
                    pending = (logged, response)
                    return .commit
                }
            }
        }
        // Applied only once committed, so memory never holds an event the file lacks.
        if let (logged, response) = pending {
            state.apply(logged)
            return response
        }
        return answer
    }

    /// Bulk load: decides `requests` in order and commits every accepted one in a single transaction.
    /// For seeding and migrations from another system only — the stream (`apply`) commits each
    /// request on its own as S-3 requires. Returns one response per request.
    public func importRequests(_ requests: [BillingRequest], environment: RequestEnvironment) throws -> [BillingResponse] {
        var responses: [BillingResponse] = []
        do {
            try importBatch(requests, environment: environment, into: &responses)
        } catch {
            // The batch rolled back after the state took some of it: rebuild the state from the file.
            state = BillingState()
            try database.read { db in try catchUp(db) }
            throw error
        }
        return responses
    }

    private func importBatch(_ requests: [BillingRequest], environment: RequestEnvironment, into responses: inout [BillingResponse]) throws {
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try catchUp(db)
                for request in requests {
                    if let answer = try answerQuery(request, environment: environment) {
                        responses.append(answer)
                        continue
                    }
                    // `resolve` returns nothing that shares the state's storage, so `apply` below
                    // mutates in place instead of copying the whole state.
                    switch state.resolve(request, environment: environment) {
                    case let .answered(response):
                        responses.append(response)
                    case let .append(logged, bytes, response):
                        try EventWriter.append(logged, documentBytes: bytes, to: db)
                        // Later requests of the batch are decided on the state including this one.
                        state.apply(logged)
                        responses.append(response)
                    }
                }
                return .commit
            }
        }
    }

    /// Folds in events appended since `state.lastSeq` (by this or another process), in log order.
    private func catchUp(_ db: Database) throws {
        let latest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM event")) ?? 0
        guard latest > state.lastSeq else { return }
        if state.lastSeq == 0, let invoices = try Int.fetchOne(db, sql: "SELECT count(*) FROM invoice") {
            state.reserveCapacity(invoices: invoices)
        }
        try EventReader.replay(after: state.lastSeq, in: db) { state.apply($0) }
    }
}
