import Desk
import DeskCore

/// Where `migrate --to` reads a desk from: its tables as text, one consistent snapshot (the SQLite desk).
public protocol DeskTableSource {
    /// The table's column names, or nil when the source has no such table.
    func columns(_ table: String) throws -> [String]?
    /// Every row of `table`, the values of `columns` in that order as text (nil for NULL), in primary-key order.
    func forEachRow(_ table: String, columns: [String], _ body: ([String?]) throws -> Void) throws
    /// The audit trail's row count and head, as the source's own storage computes them.
    func auditHead() throws -> (rows: Int, hash: String)
}

/// `migrate --to URI`: a desk copied into a PostgreSQL database that has no desk yet (a district joining the
/// city-wide hotline), with every id, time and audit hash as it was. The whole copy is one transaction — every
/// table family or none, so a failure anywhere changes nothing on the server — and is checked before it commits:
/// each table's row count against the source, and the audit chain walked again on the server to the source's head.
public enum PGDeskCopy {
    /// Copy order: a table after the tables it references.
    public static let tables = ["config", "operators", "insured", "registrations", "registration_events", "credentials",
                                "tickets", "ticket_notes", "open_calls", "sms_outbox", "audit", "kb_articles",
                                "name_terms", "heard_terms"]
    /// Tables whose rows the server may already derive itself from others (a word index): merged, not compared exactly.
    static let derived: Set<String> = ["name_terms", "heard_terms"]

    public struct Report: Sendable {
        /// Rows copied per table, in copy order.
        public var counts: [(table: String, rows: Int)] = []
        public var auditRows = 0
        public var auditHead = ""
        /// Operators whose login role was made or brought in line on the server.
        public var roles: [String] = []
    }

    public enum Failure: Error, CustomStringConvertible {
        case targetNotEmpty(String)
        case countMismatch(table: String, source: Int, target: Int)
        case chainMismatch(String)

        public var description: String {
            switch self {
            case .targetNotEmpty(let what):
                return "the target database already holds a desk (\(what)); migrate --to copies into an empty database"
            case .countMismatch(let t, let s, let d): return "\(t): \(s) rows in the source, \(d) on the server"
            case .chainMismatch(let m): return "the audit chain on the server does not match the source: \(m)"
            }
        }
    }

    /// Copies `source` into the database at `uri`; throws, with nothing left behind on the server, when anything
    /// does not match.
    public static func copy(from source: DeskTableSource, to uri: String, progress: (String, Int) -> Void = { _, _ in }) throws -> Report {
        let storage = try PostgresStorage(uri: uri, create: true)
        let db = storage.db
        var report = Report()
        do {
            try db.transaction {
                for table in ["operators", "registrations", "insured", "tickets", "audit"] {
                    if let n = try db.queryOne("SELECT count(*) FROM \(table)")?.int(0), n > 0 {
                        throw Failure.targetNotEmpty("\(table): \(n)")
                    }
                }
                for table in tables {
                    guard let sourceColumns = try source.columns(table) else { continue }
                    let target = try insertableColumns(db, table)
                    let columns = sourceColumns.filter { target.contains($0) }
                    let n = try copyTable(db, source, table, columns)
                    report.counts.append((table, n))
                    progress(table, n)
                }
                try resetIdentities(db)
                for op in try storage.operators.list() {
                    // The same upsert `operator add` makes: the row (unchanged) and the login role with its group.
                    try storage.operators.upsert(op, at: "")
                    report.roles.append(op.login)
                }
                let walk = try storage.audit.walkChain()
                let head = try source.auditHead()
                guard walk.firstBroken == nil, walk.rows == head.rows, walk.head == head.hash else {
                    throw Failure.chainMismatch("\(walk.rows) rows ending \(walk.head.prefix(16)) against \(head.rows) ending \(head.hash.prefix(16))")
                }
                report.auditRows = walk.rows
                report.auditHead = walk.head
            }
        } catch let e as PGError {
            throw e.storageError
        }
        return report
    }

    private static func insertableColumns(_ db: PGConnection, _ table: String) throws -> Set<String> {
        Set(try db.query("""
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
            """, [.text(table)]).compactMap { $0.string(0) })
    }

    /// COPY of one table, checked by count; a derived word table is merged through a staging table instead.
    private static func copyTable(_ db: PGConnection, _ source: DeskTableSource, _ table: String, _ columns: [String]) throws -> Int {
        let list = columns.joined(separator: ", ")
        var n = 0
        let into = derived.contains(table) ? "vssdesk_copy_\(table)" : table
        if derived.contains(table) {
            try db.execSimple("CREATE TEMP TABLE \(into) (LIKE \(table)) ON COMMIT DROP")
        }
        try db.copyIn("COPY \(into)(\(list)) FROM STDIN") { put in
            try source.forEachRow(table, columns: columns) { row in
                try put(row)
                n += 1
            }
        }
        if derived.contains(table) {
            try db.run("INSERT INTO \(table)(\(list)) SELECT \(list) FROM \(into) ON CONFLICT DO NOTHING")
            let have = try db.queryOne("SELECT count(*) FROM \(table)")?.int(0) ?? 0
            if have < n { throw Failure.countMismatch(table: table, source: n, target: have) }
        } else {
            let have = try db.queryOne("SELECT count(*) FROM \(table)")?.int(0) ?? 0
            if have != n { throw Failure.countMismatch(table: table, source: n, target: have) }
        }
        return n
    }

    /// Identity columns continue after the highest id copied.
    private static func resetIdentities(_ db: PGConnection) throws {
        let identities = try db.query("""
            SELECT table_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'
            """).compactMap { $0.string(0) }
        for table in identities {
            _ = try db.query("SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM \(table)",
                             [.text(table)])
        }
    }
}
