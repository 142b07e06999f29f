import DeskStore

/// What a service reports to the shell; the shell turns each into one message and one exit code (SPEC §9).
public enum DeskError: Error, CustomStringConvertible {
    /// Bad arguments or input the user can correct (exit 1 in script mode, 2 when it is command usage).
    case invalid(String)
    case usage(String)
    case notFound(String)
    /// The acting operator's role does not allow this (exit 3).
    case notAllowed(String)
    /// The database is locked or cannot be opened (exit 4).
    case unavailable(String)
    /// Ctrl-C stopped the command; nothing was committed.
    case interrupted(String)
    /// Several problems found in one input (an import's bad rows).
    case rejectedInput(summary: String, problems: [String])

    public var description: String {
        switch self {
        case .invalid(let m), .usage(let m), .notFound(let m), .notAllowed(let m), .unavailable(let m), .interrupted(let m):
            return m
        case .rejectedInput(let summary, let problems):
            return ([summary] + problems).joined(separator: "\n")
        }
    }

    /// Maps storage errors to desk errors with a message a person can act on.
    public static func from(_ error: Error) -> Error {
        if let e = (error as? StorageError) ?? (error as? any StorageErrorConvertible)?.storageError {
            switch e {
            case .busy: return DeskError.unavailable("the database is busy (locked by another process); try again")
            case .readOnly(let m): return DeskError.unavailable("the database is read-only: \(m)")
            case .denied(let m): return DeskError.notAllowed("the database refused this for your role: \(m)")
            case .unavailable(let m), .notVssdeskDatabase(let m): return DeskError.unavailable(m)
            case .interrupted: return DeskError.interrupted("interrupted; nothing was changed")
            case .badCopy(let m): return DeskError.invalid(m)
            case .file(let f): return f
            case .constraint, .other: return e
            }
        }
        if let e = error as? UserFile.Failure {
            switch e {
            case .cannotRead(let p): return FileProblem.cannotRead(path: p)
            case .cannotWrite(let p, let reason): return FileProblem.cannotWrite(path: p, reason: reason)
            case .isDeskFile(let p): return FileProblem.deskFile(path: p)
            }
        }
        return error
    }
}
