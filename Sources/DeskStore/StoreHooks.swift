import DeskCore

/// What a storage binding needs of the open file beyond the table stores: its path, the log housekeeping, bulk
/// loads and whole-file copies. The connection itself (`db`) stays inside this module.
extension Store {
    /// The database file's path (":memory:" for a test database).
    public var path: String { db.path }

    /// A passive WAL checkpoint, for a moment when nobody waits.
    public func checkpointIfIdle() { db.checkpointIfIdle() }

    /// For a process that runs a few commands and exits (see `Database.useOneShotCheckpoints`).
    public func useOneShotCheckpoints() { db.useOneShotCheckpoints() }

    /// Empties the WAL into the file so overwritten content has no older copy left; false when a reader prevented it.
    public func checkpointAndTruncate() -> Bool { db.checkpointAndTruncate() }

    /// Starts a bulk load of `table` ("registrations" or "insured") in the current transaction.
    public func beginBulkLoad(table: String) throws -> BulkLoad { try BulkLoad(db, table: table) }

    /// A consistent copy of the live file at `destination` (see `DatabaseCopy.backup`).
    public func backup(to destination: String, replace: Bool) throws -> [String: Int] {
        try DatabaseCopy.backup(db, to: destination, replace: replace)
    }

    /// Replaces the live content with the copy at `source` (see `DatabaseCopy.restore`).
    public func restore(from source: String) throws { try DatabaseCopy.restore(db, from: source) }

    /// Other processes that have this file open.
    public func otherProcesses() -> [Int32] { DatabaseCopy.otherProcessesUsing(db) }
}
