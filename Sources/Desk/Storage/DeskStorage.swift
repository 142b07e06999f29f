import DeskCore

/// Everything a `Session` reaches the data through: one protocol per table family, a transaction boundary and the
/// few engine hooks the services need. SQLite (`SQLiteStorage`) is one implementation; the test target's in-memory
/// fake is another. The services never see SQL, row ids, pragmas or result codes.
public protocol DeskStorage: TransactionBoundary {
    var registrations: any RegistrationStorage { get }
    var insured: any InsuredStorage { get }
    var tickets: any TicketStorage { get }
    var outbox: any OutboxStorage { get }
    var credentials: any CredentialStorage { get }
    var audit: any AuditStorage { get }
    var operators: any OperatorStorage { get }
    var settings: any SettingsStorage { get }
    var knowledgeBase: any KnowledgeBaseStorage { get }
    /// Copies of the whole desk (`backup`, `restore`).
    var backups: any BackupStorage { get }
    /// Where the data lives, as the operator named it (a file path for SQLite): shown by `whoami`, and the place the
    /// install key is kept beside.
    var location: String { get }
    /// Starts a bulk load of `table` inside the current transaction.
    func beginBulkLoad(_ table: BulkTable) throws -> any BulkLoading
    /// Cheap housekeeping for a moment when nobody waits (the prompt before the next line).
    func idle()
    /// The process runs a few commands and exits: housekeeping moves to the exit.
    func useOneShotMode()
    /// Makes overwritten content (a wiped password) unrecoverable from logs; false when it must be retried later.
    func purgeOverwrittenContent() -> Bool
}

/// A unit of work that commits whole or not at all; nested calls join the outer one.
public protocol TransactionBoundary: AnyObject {
    func transaction<T>(_ body: () throws -> T) throws -> T
}
