import DeskCore
import DeskStore

/// SQLite's result codes (https://sqlite.org/rescode.html) in storage-neutral terms.
extension DatabaseError: StorageErrorConvertible {
    public var storageError: StorageError {
        if isBusy { return .busy(message) }
        if isReadOnly { return .readOnly(message) }
        if isInterrupted { return .interrupted }
        if isConstraint { return .constraint(message) }
        if isUnavailable { return .unavailable(message) }
        return .other(message)
    }
}

/// The store's own refusals: not a vssdesk file, a newer schema, a missing or unsafe file.
extension StoreError: StorageErrorConvertible {
    public var storageError: StorageError {
        switch self {
        case .notVssdeskDatabase(let p): return .notVssdeskDatabase(DeskMessage(ServiceText.notVssdeskDatabase, ["path": .text(p)]))
        case .schemaTooNew(let found, let known):
            return .notVssdeskDatabase(DeskMessage(ServiceText.schemaTooNew, ["found": .int(found), "known": .int(known)]))
        case .missing(let p): return .file(.missingDatabase(path: p))
        case .cannotOpen(let p, let reason): return .file(.cannotOpenDatabase(path: p, reason: reason))
        case .uriRefused(let p): return .file(.uriDatabase(path: p))
        case .worldAccessible(let p, let mode): return .file(.worldAccessible(path: p, mode: mode))
        case .companionMissing(let p): return .file(.companionMissing(path: p))
        }
    }
}
