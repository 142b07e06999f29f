import DeskCore

/// The schema, as an ordered list of named migrations (GRDB's `DatabaseMigrator` discipline): a released migration
/// is never edited; a change is a new migration appended at the end. `PRAGMA user_version` holds how many have run,
/// so an older file is upgraded in place. Nothing here calls a function only vssdesk defines, so the stock
/// `sqlite3` shell can read and query every table (https://sqlite.org/fts5.html#external_content_tables).
enum Schema {
    static let applicationID: Int32 = 0x5653_5344  // "VSSD"

    /// The SQL is built only when a migration runs: a one-shot command on an up-to-date file needs just the count.
    /// `step`, when present, runs after the SQL in the same transaction, for work SQL alone cannot do (SHA-256).
    static let migrations: [(name: String, sql: @Sendable () -> String, step: (@Sendable (Database) throws -> Void)?)] = [
        ("v1-core", { v1 }, nil),
        ("v2-name-terms", { v2 }, nil),
        ("v3-unregistered-name-index", { v3 }, nil),
        ("v4-audit-chain", { v4 }, { db in
            try AuditStore.chainExistingRows(db)
            try db.execute(sql(auditTriggers))
        }),
        ("v5-sms-superseded", { v5 }, nil),
        ("v6-heard-terms", { v6 }, { db in try HeardTermStore.keyNewWords(db) }),
    ]

    typealias Trigger = (name: String, sql: String)

    /// The per-row triggers a bulk load replaces with set-based statements, as the latest migration defines them:
    /// `BulkLoad` drops these inside its transaction and recreates them from here before it commits.
    static func bulkLoadTriggers(_ table: String) -> [Trigger] {
        let replaced: Set<String> = table == "insured" ? ["insured_fts_ai", "insured_fts_au"]
            : ["registrations_fts_ai", "registrations_fts_au", "registrations_insured_ai"]
        let current = table == "insured" ? unregisteredIndexTriggers : ftsTriggerList(table) + registrationSideTriggers
        return current.filter { replaced.contains($0.name) }
    }

    static func sql(_ triggers: [Trigger]) -> String { triggers.map(\.sql).joined(separator: "\n") }
}
