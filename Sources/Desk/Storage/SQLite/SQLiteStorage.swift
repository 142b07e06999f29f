import DeskCore
import DeskStore

/// The SQLite implementation of `DeskStorage`: the store types of DeskStore, where all the SQL is, bound to the
/// protocols here. The one place that opens a SQLite desk; the shell asks for it by path and sees only the protocols.
public final class SQLiteStorage: DeskStorage {
    let store: Store

    /// Opens (or with `create`, creates) the desk at `path` and brings its schema up to date.
    public convenience init(path: String, create: Bool = false, busyTimeoutMs: Int32 = 5000) throws {
        do {
            self.init(try Store(path: path, create: create, busyTimeoutMs: busyTimeoutMs))
        } catch let e as any StorageErrorConvertible {
            throw e.storageError
        }
    }

    /// Wraps a store already open (tests and the benchmark hold one).
    public init(_ store: Store) {
        self.store = store
        backups = SQLiteBackups(store)
    }

    /// The schema version this build writes.
    public static var schemaVersion: Int { Store.schemaVersion }

    public var registrations: any RegistrationStorage { store.registrations }
    public var insured: any InsuredStorage { store.insured }
    public var tickets: any TicketStorage { store.tickets }
    public var outbox: any OutboxStorage { store.outbox }
    public var credentials: any CredentialStorage { store.credentials }
    public var audit: any AuditStorage { store.audit }
    public var operators: any OperatorStorage { store.operators }
    public var settings: any SettingsStorage { store.config }
    public var knowledgeBase: any KnowledgeBaseStorage { store.knowledgeBase }
    public let backups: any BackupStorage
    public var location: String { store.path }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try store.transaction(body) }

    public func beginBulkLoad(_ table: BulkTable) throws -> any BulkLoading {
        try store.beginBulkLoad(table: table.rawValue)
    }

    public func idle() { store.checkpointIfIdle() }
    public func useOneShotMode() { store.useOneShotCheckpoints() }
    public func purgeOverwrittenContent() -> Bool { store.checkpointAndTruncate() }
}

extension Session {
    /// A session on a SQLite store already open.
    public convenience init(store: Store, actor: Operator, clock: Clock) {
        self.init(storage: SQLiteStorage(store), actor: actor, clock: clock)
    }
}
