import GRDB

/// Tables of schema version 1. `event` is the log; ingest payloads live in typed tables keyed by the
/// event's `seq` so that 200 000 invoices load without decoding JSON. Every table is append-only:
/// triggers refuse UPDATE and DELETE.
enum StoreSchema {
    static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event (
                seq INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                at INTEGER NOT NULL,
                actor TEXT,
                body TEXT
            );
            CREATE TABLE invoice (
                id TEXT PRIMARY KEY NOT NULL,
                seq INTEGER NOT NULL UNIQUE REFERENCES event(seq),
                number TEXT NOT NULL,
                account TEXT NOT NULL,
                plan_number TEXT,
                category TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                invoice_date INTEGER NOT NULL,
                due_date INTEGER NOT NULL,
                amount_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                control_id TEXT NOT NULL,
                status TEXT NOT NULL,
                settled_at INTEGER,
                document_path TEXT
            );
            CREATE INDEX invoice_by_account ON invoice(account, created_at);
            CREATE INDEX invoice_by_plan ON invoice(plan_number, created_at) WHERE plan_number IS NOT NULL;
            CREATE TABLE brokerage_form (
                id TEXT PRIMARY KEY NOT NULL,
                seq INTEGER NOT NULL UNIQUE REFERENCES event(seq),
                form TEXT NOT NULL,
                parent_invoice_id TEXT REFERENCES invoice(id),
                account TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                entry_number TEXT NOT NULL,
                tracking_numbers TEXT NOT NULL,
                document_path TEXT
            );
            CREATE INDEX brokerage_form_by_parent ON brokerage_form(parent_invoice_id);
            CREATE TABLE settlement (
                invoice_id TEXT PRIMARY KEY NOT NULL REFERENCES invoice(id),
                seq INTEGER NOT NULL UNIQUE REFERENCES event(seq),
                status TEXT NOT NULL,
                settled_at INTEGER NOT NULL
            );
            CREATE TABLE notice (
                seq INTEGER NOT NULL REFERENCES event(seq),
                company TEXT NOT NULL,
                user TEXT NOT NULL,
                document TEXT NOT NULL REFERENCES invoice(id),
                PRIMARY KEY (seq, user)
            ) WITHOUT ROWID;
            CREATE INDEX notice_by_company ON notice(company, seq, user);
            CREATE TABLE stored_document (
                document_id TEXT PRIMARY KEY NOT NULL,
                seq INTEGER NOT NULL UNIQUE REFERENCES event(seq),
                bytes BLOB NOT NULL
            );
            """)
        for table in ["event", "invoice", "brokerage_form", "settlement", "notice", "stored_document"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_is_append_only_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'the billing log is append-only'); END;
                CREATE TRIGGER \(table)_is_append_only_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'the billing log is append-only'); END;
                """)
        }
    }
}
