import CSQLite
import DeskCore
import Foundation

/// Consistent copies of a live desk (`backup`) and putting one back (`restore`), with SQLite's online backup API
/// (https://sqlite.org/backup.html).
///
/// The copy is made in one `sqlite3_backup_step(-1)` inside a read transaction of the source: in WAL mode a reader
/// never blocks writers, so the ten consoles keep committing while the copy is read from one snapshot (stepping in
/// small pieces would restart the copy at every write another connection makes). The row counts checked afterwards
/// are read in that same snapshot.
public enum DatabaseCopy {
    /// The tables whose row counts a copy must match.
    public static let countedTables = ["registrations", "insured", "tickets", "ticket_notes", "audit", "operators",
                                       "sms_outbox", "credentials", "kb_articles", "config"]

    /// Why a copy could not be made or used; `description` is English, for logs (the services say it to people).
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(path: String)
        case cannotWrite(path: String, reason: String)
        case cannotRead(path: String)
        case notSQLite(path: String)
        case integrity(path: String, problems: String)
        case notVssdesk(path: String)
        case schemaTooNew(path: String, version: Int, known: Int)
        case chainBroken(path: String, row: Int)
        case pageSize(path: String, copy: Int, desk: Int)
        case cannotCopy(reason: String)

        public var description: String {
            switch self {
            case .exists(let p): return "\(p) already exists (add --replace to overwrite it)"
            case .cannotWrite(let p, let reason): return "cannot write \(p): \(reason)"
            case .cannotRead(let p): return "cannot read \(p)"
            case .notSQLite(let p): return "\(p) is not a readable SQLite database"
            case .integrity(let p, let problems): return "\(p) fails SQLite's integrity check: \(problems)"
            case .notVssdesk(let p): return "\(p) is not a vssdesk database"
            case .schemaTooNew(let p, let version, let known): return "\(p) has schema version \(version), newer than this vssdesk knows (\(known))"
            case .chainBroken(let p, let row): return "\(p): the audit chain is broken at row \(row); this copy was changed"
            case .pageSize(let p, let copy, let desk):
                return "\(p) has pages of \(copy) bytes and the desk \(desk); restore it with the sqlite3 shell's .restore while no console runs"
            case .cannotCopy(let reason): return "cannot copy: \(reason)"
            }
        }
    }

    /// What a verified copy holds.
    public typealias Summary = BackupSummary

    /// Writes a consistent copy of `db` to `destination` (a new file, mode 0640, with the user's own rights; an
    /// existing one is replaced only when `replace`), as one self-contained file without a log.
    @discardableResult
    public static func backup(_ db: Database, to destination: String, replace: Bool = false) throws -> [String: Int] {
        if !replace, FileManager.default.fileExists(atPath: destination) {
            throw Failure.exists(path: destination)
        }
        // A fresh, private name: created here (O_EXCL never follows a planted symlink), then checked to still be
        // that file when SQLite has it open, so a swap in a folder others can write gains nothing.
        let partial = destination + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw Failure.cannotWrite(path: destination, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, 0o640)
        var made = stat()
        fstat(fd, &made)
        var finished = false
        defer {
            close(fd)
            if !finished { unlink(partial) }
        }

        let target = try Database(userFile: partial, writable: true)
        var opened = stat()
        guard lstat(partial, &opened) == 0, opened.st_dev == made.st_dev, opened.st_ino == made.st_ino else {
            throw Failure.cannotWrite(path: destination, reason: "the file being written was replaced")
        }
        try db.execute("BEGIN")
        let counts: [String: Int]
        do {
            counts = try rowCounts(db)
            try copy(from: db.handle, to: target.handle)
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        // The source is in WAL mode and the header says so; the copy is one file that opens anywhere.
        try target.execute("PRAGMA journal_mode=DELETE")
        fsync(fd)
        guard rename(partial, destination) == 0 else {
            throw Failure.cannotWrite(path: destination, reason: String(cString: strerror(errno)))
        }
        finished = true
        return counts
    }

    /// Checks a copy without changing it: SQLite's integrity check, that it is a vssdesk database of a schema this
    /// version knows, its row counts and (from schema v4 on) its audit chain.
    public static func verify(_ path: String) throws -> Summary {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw Failure.cannotRead(path: path) }
        if UserFile.isProtected(path) { throw UserFile.Failure.isDeskFile(path) }
        let copy = try Database(userFile: path)
        // The integrity check reads every page, most of them several times: mapped, not copied through the page cache.
        try? copy.execute("PRAGMA mmap_size=4294967296")
        let integrity: [String]
        do {
            integrity = try copy.query("PRAGMA integrity_check").map { $0.string(0) ?? "" }
        } catch {
            throw Failure.notSQLite(path: path)
        }
        guard integrity == ["ok"] else {
            throw Failure.integrity(path: path, problems: integrity.prefix(3).joined(separator: "; "))
        }
        guard try copy.scalarInt("PRAGMA application_id") == Int(Schema.applicationID) else {
            throw Failure.notVssdesk(path: path)
        }
        let version = try copy.scalarInt("PRAGMA user_version")
        guard version <= Migrator.latestVersion else {
            throw Failure.schemaTooNew(path: path, version: version, known: Migrator.latestVersion)
        }
        var counts: [String: Int] = [:]
        let present = Set(try copy.query("SELECT name FROM sqlite_schema WHERE type = 'table'").compactMap { $0.string(0) })
        for table in countedTables where present.contains(table) {
            counts[table] = try copy.scalarInt("SELECT count(*) FROM \"\(table)\"")
        }
        var chain: AuditChainWalk?
        if try copy.scalarInt("SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'hash'") == 1 {
            let walk = try AuditStore(copy).walkChain()
            if let broken = walk.firstBroken {
                throw Failure.chainBroken(path: path, row: broken.id)
            }
            chain = walk
        }
        return Summary(counts: counts, schemaVersion: version, bytes: Int(st.st_size), auditRows: chain?.rows,
                       auditHead: chain?.head)
    }

    /// Replaces the content of the live database with the copy at `source`, in one write transaction of the live
    /// file (other connections, if any, would simply see the new content), then brings its schema up to date.
    public static func restore(_ db: Database, from source: String) throws {
        let copyFile = try Database(userFile: source)
        let pageSize = try copyFile.scalarInt("PRAGMA page_size"), livePageSize = try db.scalarInt("PRAGMA page_size")
        guard pageSize == livePageSize else {
            // SQLite cannot change the page size of a database in WAL mode by a backup.
            throw Failure.pageSize(path: source, copy: pageSize, desk: livePageSize)
        }
        // No group here: the live desk's files are open already, and the copy (a file the user named, maybe in a
        // folder someone else can change) must not have its log opened with the desk's group.
        try copy(from: copyFile.handle, to: db.handle)
        try Migrator.migrate(db)
    }

    /// Other processes that have the desk open: each holds a lock on its shared-memory file, listed in /proc/locks
    /// (reading that file needs no descriptor on the desk's files, whose closing would drop our own locks).
    public static func otherProcessesUsing(_ db: Database) -> [Int32] {
        var st = stat()
        let found = DeskGroup.withDeskGroup { stat(db.path + "-shm", &st) == 0 }
        guard found, let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return [] }
        let inode = "\(UInt64(st.st_ino))"
        var pids = Set<Int32>()
        for line in text.split(separator: "\n") {
            // "1: POSIX  ADVISORY  READ 12345 08:01:1234567 128 128" (a "->" marks a waiting lock)
            let fields = line.split(separator: " ").filter { $0 != "->" }
            guard fields.count >= 6, fields[5].split(separator: ":").last.map(String.init) == inode,
                  let pid = Int32(fields[4]), pid != getpid() else { continue }
            pids.insert(pid)
        }
        return pids.sorted()
    }

    static func rowCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in countedTables { counts[table] = try db.scalarInt("SELECT count(*) FROM \"\(table)\"") }
        return counts
    }

    static func copy(from source: OpaquePointer, to target: OpaquePointer) throws {
        guard let backup = sqlite3_backup_init(target, "main", source, "main") else {
            throw Failure.cannotCopy(reason: String(cString: sqlite3_errmsg(target)))
        }
        let rc = sqlite3_backup_step(backup, -1)
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            throw DatabaseError(code: rc == SQLITE_DONE ? finish : rc, message: "copy failed: \(String(cString: sqlite3_errmsg(target)))")
        }
    }
}
