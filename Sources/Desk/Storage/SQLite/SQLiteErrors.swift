import DeskStore

/// SQLite's result codes (https://sqlite.org/rescode.html) in storage-neutral terms.
extension DatabaseError: StorageErrorConvertible {
    public var storageError: StorageError {
        if isBusy { return .busy(message) }
        if isReadOnly { return .readOnly(message) }
        if isInterrupted { return .interrupted }
        if isConstraint { return .constraint(message) }
        if isUnavailable { return .unavailable("the database cannot be used: \(message)") }
        return .other(message)
    }
}

/// The store's own refusals: not a vssdesk file, a newer schema, a missing or unsafe file.
extension StoreError: StorageErrorConvertible {
    public var storageError: StorageError {
        switch self {
        case .notVssdeskDatabase, .schemaTooNew: return .notVssdeskDatabase(description)
        case .missing, .cannotOpen, .worldAccessible, .companionMissing: return .unavailable(description)
        }
    }
}
