import CSQLite
import Foundation

/// One SQLite connection with a cache of prepared statements (the thin-wrapper approach of GRDB's `Database`:
/// prepare once with `sqlite3_prepare_v3(SQLITE_PREPARE_PERSISTENT)`, then bind/step/reset).
/// Not thread-safe: each process or thread opens its own.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var cache: [String: Statement] = [:]
    private var transactionDepth = 0
    private let busyTimeoutMs: Int32

    /// Opens (and with `create`, creates) the file; applies the connection pragmas every vssdesk connection uses.
    public init(path: String, create: Bool = false, readOnly: Bool = false, busyTimeoutMs: Int32 = 5000) throws {
        self.path = path
        self.busyTimeoutMs = busyTimeoutMs
        // The database, its -wal and -shm are the files the desk's group exists for (SPEC §13): they are opened,
        // and the log and shared-memory files created, with the group held; nothing else is.
        // Only for the desk's own file: a database an operator crafted (`--db ~/mine.sqlite`) is opened with their own
        // rights, so whatever its content does to SQLite's parser happens without the desk's group.
        // SQLite is given the resolved name, the one it derives the log's names from, and checked here.
        let target = path == ":memory:" ? path : DeskGroup.resolve(path) ?? path
        if path != ":memory:", DeskGroup.isDeskFile(target) {
            handle = try DeskGroup.withDeskGroup {
                try Self.open(path: target, create: create, readOnly: readOnly, busyTimeoutMs: busyTimeoutMs)
            }
        } else {
            handle = try Self.open(path: target, create: create, readOnly: readOnly, busyTimeoutMs: busyTimeoutMs)
        }
        if path != ":memory:" {
            DeskGroup.withDeskGroup {
                // SQLite names the log after the resolved path; a symlinked --db must not hide it.
                var names = [path]
                if let resolved = realpath(path, nil) { names.append(String(cString: resolved)); free(resolved) }
                for name in names {
                    for suffix in ["", "-wal", "-shm", ".key"] { UserFile.protect(name + suffix) }
                }
            }
        }
    }

    /// A database file the user names (a backup to check or restore from): opened read-only with the user's own
    /// rights, without the desk's pragmas, never marked as one of the desk's own files.
    /// `writable`: a new file the user's own process fills (a backup being written).
    public init(userFile path: String, writable: Bool = false) throws {
        self.path = path
        self.busyTimeoutMs = 5000
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            if let db { sqlite3_close_v2(db) }
            throw writable ? UserFile.Failure.cannotWrite(path, reason: "cannot open it as a database") : UserFile.Failure.cannotRead(path)
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMs)
        handle = db
    }

    private static func open(path: String, create: Bool, readOnly: Bool, busyTimeoutMs: Int32) throws -> OpaquePointer {
        if path != ":memory:" {
            try DatabaseFileMode.prepare(path: path, create: create)
        }
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: "cannot open \(path): \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMs)
        // The -wal and -shm files are made once (by `init`, as the desk's owner) and kept when the last connection
        // closes: one made by an operator's process would belong to that operator, who could then read it directly
        // (https://sqlite.org/c3ref/c_fcntl_begin_atomic_write.html#sqlitefcntlpersistwal).
        var persist: Int32 = 1
        _ = sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        func execute(_ sql: String) throws {
            let rc = sqlite3_exec(db, sql, nil, nil, nil)
            if rc != SQLITE_OK { throw DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(db)), sql: sql) }
        }
        do {
            // https://sqlite.org/pragma.html — WAL lets supervisors read with the sqlite3 shell while operators write.
            if !readOnly { try execute("PRAGMA journal_mode=WAL") }
            try execute("PRAGMA foreign_keys=ON")
            // Statement journals (triggers, FKs, upserts inside a long transaction) stay in memory instead of
            // thousands of small writes to a temp file.
            try execute("PRAGMA temp_store=MEMORY")
            try execute("PRAGMA synchronous=NORMAL")
            // Deleted and overwritten content (a wiped temporary password) is zeroed in the file, not left in
            // free space: https://sqlite.org/pragma.html#pragma_secure_delete
            try execute("PRAGMA secure_delete=ON")
            // Checkpoints (the only fsyncs in WAL + NORMAL) are moved off the operator's commands: the prompt runs
            // one while idle (`checkpointIfIdle`), and the automatic one only fires past 10,000 pages (~40 MB).
            if !readOnly { try execute("PRAGMA wal_autocheckpoint=10000") }
            if path != ":memory:" { DatabaseFileMode.tightenCompanions(path: path) }
        } catch {
            sqlite3_close_v2(db)
            throw error
        }
        return db
    }

    /// For a process that runs a few commands and exits. SQLite's last connection checkpoints the WAL and fsyncs at
    /// close, a third of a one-shot `vssdesk -c …`; that is turned off
    /// (https://sqlite.org/c3ref/c_dbconfig_defensive.html#sqlitedbconfignockptonclose). But the next process to open
    /// the file alone rebuilds the WAL index by reading every frame of the log, so a one-shot that leaves the log
    /// longer than `shortLogBytes` empties it on the way out (`wal_checkpoint(TRUNCATE)`): once in about sixty
    /// lookups, or once at the end of a bulk script, instead of at every close.
    public func useOneShotCheckpoints() {
        _ = csqlite_set_checkpoint_on_close(handle, 0)
        truncateLongLogOnClose = true
    }

    private var truncateLongLogOnClose = false
    static let shortLogBytes = 1 << 20

    private func truncateLogIfLong() {
        guard truncateLongLogOnClose, path != ":memory:" else { return }
        var info = stat()
        guard stat(path + "-wal", &info) == 0, Int(info.st_size) > Self.shortLogBytes else { return }
        // Readers of other consoles hold a snapshot for one command at most; do not wait longer than that for them.
        sqlite3_busy_timeout(handle, 200)
        try? execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    deinit {
        // The last connection to close deletes the log and shared-memory files, in the desk's directory.
        DeskGroup.withDeskGroup {
            truncateLogIfLong()
            cache.removeAll()
            sqlite3_close_v2(handle)
        }
    }

    /// Runs one or more statements without parameters (schema, pragmas).
    public func execute(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errmsg)
            throw DatabaseError(code: rc, message: message, sql: sql)
        }
    }

    /// A cached prepared statement for `sql`, reset and with its bindings cleared.
    public func statement(_ sql: String) throws -> Statement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        let s = try Statement(database: self, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs a statement with parameters and returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        let s = try statement(sql)
        try s.bind(values)
        try s.runToEnd()
        return Int(sqlite3_changes(handle))
    }

    public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [Row] {
        let s = try statement(sql)
        try s.bind(values)
        var rows: [Row] = []
        while let row = try s.next() { rows.append(row) }
        return rows
    }

    public func queryOne(_ sql: String, _ values: [SQLValue] = []) throws -> Row? {
        let s = try statement(sql)
        try s.bind(values)
        let row = try s.next()
        s.reset()
        return row
    }

    public func scalarInt(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        try queryOne(sql, values)?.int(0) ?? 0
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in a transaction (a savepoint when nested). BEGIN IMMEDIATE takes the write lock up front, so two
    /// operators racing for the same row wait on the busy timeout instead of failing at COMMIT.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let name = "sp\(transactionDepth)"
        if transactionDepth == 0 { try execute("BEGIN IMMEDIATE") } else { try execute("SAVEPOINT \(name)") }
        transactionDepth += 1
        do {
            let result = try body()
            transactionDepth -= 1
            if transactionDepth == 0 { try execute("COMMIT") } else { try execute("RELEASE \(name)") }
            return result
        } catch {
            transactionDepth -= 1
            if transactionDepth == 0 { try? execute("ROLLBACK") } else { try? execute("ROLLBACK TO \(name); RELEASE \(name)") }
            throw error
        }
    }

    public var inTransaction: Bool { transactionDepth > 0 }

    /// A passive checkpoint, for moments when nobody waits (the prompt before reading the next line).
    public func checkpointIfIdle() { try? execute("PRAGMA wal_checkpoint(PASSIVE)") }

    /// Copies every frame of the log into the database and truncates the log to zero bytes, so that content just
    /// overwritten (a wiped password, with secure_delete on) has no older copy left in the `-wal` file
    /// (https://sqlite.org/pragma.html#pragma_wal_checkpoint). Returns false when a reader of another console kept
    /// it from completing; the caller tries again later.
    @discardableResult
    public func checkpointAndTruncate(waitMs: Int32 = 1000) -> Bool {
        guard path != ":memory:", !inTransaction else { return false }
        sqlite3_busy_timeout(handle, waitMs)
        defer { sqlite3_busy_timeout(handle, busyTimeoutMs) }
        guard let row = try? queryOne("PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
        return row.int(0) == 0
    }

    /// Interrupts the statement running on this connection (Ctrl-C); https://sqlite.org/c3ref/interrupt.html
    public func interrupt() { sqlite3_interrupt(handle) }

    func error(_ rc: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
