import GRDB

/// Versioned schema migrations keyed by `PRAGMA user_version` (S-3: `application_id = 0x466F6C69`,
/// `user_version = 1` for this release). An older database is migrated step by step, each step in
/// its own transaction; a newer one is refused.
public struct SchemaMigrator: Sendable {
    public struct Migration: Sendable {
        public let version: Int
        public let apply: @Sendable (Database) throws -> Void
        public init(version: Int, apply: @escaping @Sendable (Database) throws -> Void) {
            self.version = version
            self.apply = apply
        }
    }

    /// "Foli" in ASCII.
    public static let applicationID: Int32 = 0x466F_6C69

    public let migrations: [Migration]
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    public init(migrations: [Migration] = SchemaMigrator.releasedMigrations) { self.migrations = migrations }

    public static let releasedMigrations: [Migration] = [Migration(version: 1, apply: StoreSchema.createVersion1)]

    /// Brings `db` to `latestVersion`, or throws `BillingStoreError.cannotOpen` explaining why not.
    func migrate(_ db: Database) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        if applicationID != Self.applicationID {
            guard applicationID == 0, tableCount == 0 else {
                throw BillingStoreError.cannotOpen("not a Folio billing database (application_id \(applicationID))")
            }
        }
        guard version <= latestVersion else {
            throw BillingStoreError.cannotOpen("the database has schema version \(version), made by a newer version of Folio (this one knows up to \(latestVersion))")
        }
        for migration in migrations where migration.version > version {
            try db.inTransaction(.immediate) {
                // Another process may have migrated while we waited for the lock.
                let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if current < migration.version {
                    try migration.apply(db)
                    try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
                    try db.execute(sql: "PRAGMA user_version = \(migration.version)")
                }
                return .commit
            }
        }
    }
}

/// Why a database cannot be used (S-6: exit status 2, no result line).
public enum BillingStoreError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case let .cannotOpen(message): "cannot open the billing database: \(message)"
        case let .corrupt(message): "the billing database is inconsistent: \(message)"
        }
    }
}
