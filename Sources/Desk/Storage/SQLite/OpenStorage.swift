/// The one factory that chooses the storage engine for a `--db` value. Today every desk is a SQLite file; a
/// PostgreSQL desk (a `postgres://` value) would be chosen here, and nowhere else.
public enum OpenStorage {
    /// Opens the desk at `location` (with `create`, makes it first) and brings its schema up to date.
    public static func open(_ location: String, create: Bool = false, busyTimeoutMs: Int32 = 5000) throws -> any DeskStorage {
        try SQLiteStorage(path: location, create: create, busyTimeoutMs: busyTimeoutMs)
    }

    /// The schema version this build writes.
    public static var schemaVersion: Int { SQLiteStorage.schemaVersion }
}
