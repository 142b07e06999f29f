@_spi(RawSQL) import DeskStore
import Desk
import DeskPostgres
import DeskCore

/// A SQLite desk read for `migrate --to`: its own connection, read-only, one read transaction for the whole copy
/// (WAL mode: the snapshot the first read takes; writers go on, and what they write is not copied).
final class SQLiteDeskSource: DeskTableSource {
    private let db: Database
    private let storage: any DeskStorage

    init(path: String, storage: any DeskStorage) throws {
        db = try Database(path: path, readOnly: true)
        self.storage = storage
        try db.execute("BEGIN")
        // The snapshot starts at the first read, here: every table and the audit head below come from it.
        _ = try db.scalarInt("SELECT count(*) FROM audit")
    }

    deinit { try? db.execute("COMMIT") }

    func columns(_ table: String) throws -> [String]? {
        // The table name comes from PGDeskCopy's fixed list; PRAGMA takes no parameters.
        let names = try db.query("SELECT name FROM pragma_table_info(?)", [.text(table)]).compactMap { $0.string(0) }
        return names.isEmpty ? nil : names
    }

    func forEachRow(_ table: String, columns: [String], _ body: ([String?]) throws -> Void) throws {
        let order = columns.contains("id") ? " ORDER BY id" : ""
        let statement = try db.statement("SELECT \(columns.joined(separator: ", ")) FROM \(table)\(order)")
        defer { statement.reset() }
        while let row = try statement.next() {
            try body((0..<columns.count).map { row.string($0) })
        }
    }

    func auditHead() throws -> (rows: Int, hash: String) {
        let rows = try db.scalarInt("SELECT count(*) FROM audit")
        let hash = try db.queryOne("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")?.string(0)
        return (rows, hash ?? AuditChainWalk.genesis)
    }
}

/// `migrate --to URI` (admins): the SQLite desk this session has open, copied into an empty PostgreSQL database.
public enum DeskMigration {
    public typealias Report = PGDeskCopy.Report

    public static func copy(_ session: Session, to uri: String, progress: (String, Int) -> Void = { _, _ in }) throws -> Report {
        try session.require(.admin, for: "migrate")
        guard !OpenStorage.isPostgres(session.storage.location) else {
            throw DeskError.invalid(DeskMessage(ServiceText.migrateAlreadyServer))
        }
        guard OpenStorage.isPostgres(uri) else {
            throw DeskError.usage(DeskMessage(ServiceText.migrateNeedsURI, ["given": .text(uri)]))
        }
        do {
            let source = try SQLiteDeskSource(path: session.storage.location, storage: session.storage)
            let report = try PGDeskCopy.copy(from: source, to: uri, progress: progress)
            try session.audit("migrate", target: PostgresStorage.displayed(uri),
                              detail: "\(report.counts.map { "\($0.table)=\($0.rows)" }.joined(separator: " ")) head=\(report.auditHead)")
            return report
        } catch let e as PGDeskCopy.Failure {
            switch e {
            case .targetNotEmpty(let what):
                throw DeskError.invalid(DeskMessage(ServiceText.migrateTargetNotEmpty, ["what": .text(what)]))
            case .countMismatch(let table, let source, let target):
                throw DeskError.invalid(DeskMessage(ServiceText.migrateCountMismatch, ["table": .text(table), "source": .int(source), "target": .int(target)]))
            case .chainMismatch(let detail):
                throw DeskError.invalid(DeskMessage(ServiceText.migrateChainMismatch, ["detail": .text(detail)]))
            }
        } catch {
            throw DeskError.from(error)
        }
    }
}
