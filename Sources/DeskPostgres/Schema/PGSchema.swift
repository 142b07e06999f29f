import DeskCore

/// The PostgreSQL schema as an ordered list of named migrations, as on SQLite (GRDB's `DatabaseMigrator`
/// discipline): `vssdesk_schema` records which have run; a released migration is never edited.
enum PGSchema {
    /// `pg_advisory_xact_lock` key of the audit chain ("VSSD" as a number): held by the one console sealing pending
    /// rows into it (schema v3) and taken again, for free, by the chain trigger on each row.
    static let auditLockKey = 0x5653_5344
    /// `pg_advisory_xact_lock` key that runs the desk's read-then-write transactions one at a time ("VSST").
    static let deskLockKey = 0x5653_5354
    /// The `prev_hash` of the first audit row (the same as SQLite's).
    static let genesis = AuditChainWalk.genesis

    static let migrations: [(name: String, sql: String)] = [
        ("v1-core", v1),
        ("v2-roles", v2Roles),
        ("v3-audit-sealing", v3AuditSealing),
        // The start of the folded name, for names said in order with many namesakes (PGNameSearch.prefixMatches).
        ("v4-name-prefix", "CREATE INDEX registrations_name_prefix ON registrations(name_folded)"),
    ]

    static var latestVersion: Int { migrations.count }

    /// Applies the migrations this database has not seen, each in its own transaction; a newer schema is refused.
    static func migrate(_ db: PGConnection) throws {
        // Checked first: an operator's role may not create anything in the schema, even IF NOT EXISTS.
        if try !isInitialised(db) {
            try db.execSimple("""
                CREATE TABLE IF NOT EXISTS vssdesk_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """)
        }
        let version = try currentVersion(db)
        if version > latestVersion { throw PGStoreError.schemaTooNew(found: version, known: latestVersion) }
        guard version < latestVersion else { return }
        for index in version..<latestVersion {
            try db.transaction {
                // One migrator at a time, whichever console starts first on a new server.
                try db.execSimple("LOCK TABLE vssdesk_schema IN EXCLUSIVE MODE")
                guard try currentVersion(db) == index else { return }
                try db.execSimple(migrations[index].sql)
                try db.run("INSERT INTO vssdesk_schema(version, name, applied_at) VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                           [.int(Int64(index + 1)), .text(migrations[index].name)])
            }
        }
    }

    static func currentVersion(_ db: PGConnection) throws -> Int {
        try db.queryOne("SELECT coalesce(max(version), 0) FROM vssdesk_schema")?.int(0) ?? 0
    }

    /// Whether the schema exists at all (a console on a server nobody has run `init` on).
    static func isInitialised(_ db: PGConnection) throws -> Bool {
        try db.queryOne("SELECT to_regclass('vssdesk_schema') IS NOT NULL")?.bool(0) ?? false
    }
}

/// The PostgreSQL store's own refusals.
enum PGStoreError: Error, CustomStringConvertible {
    case schemaTooNew(found: Int, known: Int)
    case notInitialised(String)

    var description: String {
        switch self {
        case .schemaTooNew(let found, let known):
            return "the database has schema version \(found); this vssdesk knows up to \(known): upgrade vssdesk"
        case .notInitialised(let where_):
            return "\(where_) has no vssdesk schema: an administrator runs `vssdesk --db URI init` first"
        }
    }
}
