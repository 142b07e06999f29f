import CSQLite

/// An SQLite failure, carrying the result code (https://sqlite.org/rescode.html) and the statement that failed.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// SQLITE_BUSY / SQLITE_LOCKED: another process holds the lock past the busy timeout.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
    public var isConstraint: Bool { code & 0xFF == SQLITE_CONSTRAINT }
    public var isReadOnly: Bool { code & 0xFF == SQLITE_READONLY }
    /// SQLITE_INTERRUPT: `sqlite3_interrupt` (Ctrl-C) stopped the statement.
    public var isInterrupted: Bool { code & 0xFF == SQLITE_INTERRUPT }
    /// SQLITE_NOTADB / SQLITE_CORRUPT / SQLITE_CANTOPEN: not a database we can use.
    public var isUnavailable: Bool {
        [SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_IOERR].contains(code & 0xFF)
    }

    public var description: String { message }
}

/// Errors of the store that are not SQLite's own.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notVssdeskDatabase(path: String)
    case schemaTooNew(found: Int, known: Int)
    case missing(path: String)
    case cannotOpen(path: String, reason: String)
    case worldAccessible(path: String, mode: Int)
    case companionMissing(path: String)
    case uriRefused(path: String)

    public var description: String {
        switch self {
        case .notVssdeskDatabase(let p): return "\(p) is not a vssdesk database"
        case .schemaTooNew(let found, let known):
            return "the database schema is version \(found), newer than this vssdesk knows (\(known)); upgrade vssdesk"
        case .missing(let p): return "no database at \(p) (run `vssdesk init` to create it)"
        case .cannotOpen(let p, let reason): return "cannot open \(p): \(reason)"
        case .uriRefused(let p): return "cannot open \(p): a URI is not accepted as the database; give a file path"
        case .companionMissing(let p):
            return "\(p) is missing; the desk's admin (the owner of the database) runs any vssdesk command, e.g. "
                + "`vssdesk config list`, to recreate it"
        case .worldAccessible(let p, let mode):
            return "\(p) can be read or written by every user (mode \(String(mode, radix: 8))); it holds citizens' "
                + "personal data, so vssdesk will not use it until an admin runs: chmod 660 \(p)"
        }
    }
}
