import Desk
import DeskPostgres

/// The one factory that chooses the storage engine for a `--db` value: a libpq URI (`postgresql://…`,
/// `postgres://…`) is a PostgreSQL desk (SPEC §15), anything else a SQLite file. Nothing else knows the engines.
public enum OpenStorage {
    /// Opens the desk at `location` (with `create`, makes it first) and brings its schema up to date.
    public static func open(_ location: String, create: Bool = false, busyTimeoutMs: Int32 = 5000) throws -> any DeskStorage {
        if isPostgres(location) {
            return try PostgresStorage(uri: location, create: create, busyTimeoutMs: busyTimeoutMs)
        }
        return try SQLiteStorage(path: location, create: create, busyTimeoutMs: busyTimeoutMs)
    }

    /// Whether `location` names a PostgreSQL desk.
    public static func isPostgres(_ location: String) -> Bool { PostgresStorage.handles(location) }

    /// The schema version this build writes to the engine of `location`.
    public static func schemaVersion(for location: String) -> Int {
        isPostgres(location) ? PostgresStorage.schemaVersion : SQLiteStorage.schemaVersion
    }
}

/// How a PostgreSQL location is shown to a person: any password in it replaced by `***`.
public enum PostgresDisplay {
    public static func uri(_ uri: String) -> String { PostgresStorage.displayed(uri) }
}
