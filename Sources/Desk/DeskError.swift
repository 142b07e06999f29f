import DeskCore
import DeskStore

/// The services' refusals, each a typed `DeskMessage` that the shell says in the operator's language and maps to one
/// exit code (`ExitCode`); `description` is the message's key and values, for logs and tests.
public enum DeskError: Error, CustomStringConvertible {
    /// Bad arguments or input the user can correct (exit 1 in script mode, 2 when it is command usage).
    case invalid(DeskMessage)
    case usage(DeskMessage)
    case notFound(DeskMessage)
    /// The acting operator's role does not allow this (exit 3).
    case notAllowed(DeskMessage)
    /// The database is locked or cannot be opened (exit 4).
    case unavailable(DeskMessage)
    /// Ctrl-C stopped the command; nothing was committed.
    case interrupted(DeskMessage)
    /// Several problems found in one input (an import's bad rows).
    case rejectedInput(summary: DeskMessage, problems: [DeskMessage])

    /// What was said (for `rejectedInput`, its summary).
    public var message: DeskMessage {
        switch self {
        case .invalid(let m), .usage(let m), .notFound(let m), .notAllowed(let m), .unavailable(let m), .interrupted(let m):
            return m
        case .rejectedInput(let summary, _): return summary
        }
    }

    public var description: String {
        switch self {
        case .rejectedInput(let summary, let problems): return ([summary] + problems).map(\.description).joined(separator: "\n")
        default: return message.description
        }
    }

    /// Maps storage errors to desk errors with a message a person can act on.
    public static func from(_ error: Error) -> Error {
        if let e = (error as? StorageError) ?? (error as? any StorageErrorConvertible)?.storageError {
            switch e {
            case .busy: return DeskError.unavailable(.init(ServiceText.databaseBusy))
            case .readOnly(let m): return DeskError.unavailable(.init(ServiceText.databaseReadOnly, ["reason": .text(m)]))
            case .denied(let m): return DeskError.notAllowed(.init(ServiceText.databaseDenied, ["reason": .text(m)]))
            case .unavailable(let m): return DeskError.unavailable(.init(ServiceText.databaseUnusable, ["reason": .text(m)]))
            case .notVssdeskDatabase(let m): return DeskError.unavailable(m)
            case .interrupted: return DeskError.interrupted(.init(ServiceText.interruptedNothingChanged))
            case .badCopy(let m), .refused(let m): return DeskError.invalid(m)
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

/// The refusals in a service's own words, one line each: `throw DeskError.invalid(.cannotDisableSelf)`.
extension DeskError {
    public static func invalid(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .invalid(DeskMessage(key, arguments))
    }
    public static func usage(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .usage(DeskMessage(key, arguments))
    }
    public static func notFound(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .notFound(DeskMessage(key, arguments))
    }
    public static func notAllowed(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .notAllowed(DeskMessage(key, arguments))
    }
    public static func unavailable(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .unavailable(DeskMessage(key, arguments))
    }
    public static func interrupted(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskError {
        .interrupted(DeskMessage(key, arguments))
    }
}
