import DeskCore

/// A storage failure in terms every engine shares; each implementation maps its own errors to these (SQLite's
/// result codes in `SQLiteErrors`). `DeskError.from` turns them into what the operator reads.
public enum StorageError: Error, CustomStringConvertible, Sendable {
    /// Another process holds the lock past the wait.
    case busy(String)
    case readOnly(String)
    /// The engine itself refused the acting role (PostgreSQL's GRANTs, SPEC §15).
    case denied(String)
    /// Ctrl-C stopped the statement.
    case interrupted
    /// A row broke a rule of the schema (a CHECK, a UNIQUE, a trigger).
    case constraint(String)
    /// The engine's own rules refused what the console sent, for a reason the console can say (a time the server
    /// will not take).
    case refused(DeskMessage)
    /// The file or server is not a vssdesk database (or a newer one).
    case notVssdeskDatabase(DeskMessage)
    /// The data cannot be reached or read at all (missing, damaged, refused).
    case unavailable(String)
    /// A copy given to `restore` or made by `backup` is not a usable desk copy.
    case badCopy(DeskMessage)
    /// The database file itself is missing, unsafe or cannot be opened.
    case file(FileProblem)
    /// Anything else the engine reported.
    case other(String)

    public var description: String {
        switch self {
        case .busy(let m), .readOnly(let m), .denied(let m), .constraint(let m), .unavailable(let m), .other(let m):
            return m
        case .notVssdeskDatabase(let m), .badCopy(let m), .refused(let m): return m.description
        case .interrupted: return "interrupted"
        case .file(let f): return f.description
        }
    }
}

/// An engine's error that knows its storage-neutral meaning.
public protocol StorageErrorConvertible: Error {
    /// What the error means in storage-neutral terms.
    var storageError: StorageError { get }
}
