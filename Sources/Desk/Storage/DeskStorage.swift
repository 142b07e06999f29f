import DeskCore

/// Everything a `Session` reaches the data through: one protocol per table family, a transaction boundary and the
/// few engine hooks the services need. SQLite (`SQLiteStorage`) is one implementation; the test target's in-memory
/// fake is another. The services never see SQL, row ids, pragmas or result codes.
public protocol DeskStorage: TransactionBoundary {
    /// The registrations, their history and name search.
    var registrations: any RegistrationStorage { get }
    /// The insured extract.
    var insured: any InsuredStorage { get }
    /// Tickets, timelines and open calls.
    var tickets: any TicketStorage { get }
    /// The SMS outbox.
    var outbox: any OutboxStorage { get }
    /// Temporary-password hashes.
    var credentials: any CredentialStorage { get }
    /// The audit trail.
    var audit: any AuditStorage { get }
    /// The desk's operators.
    var operators: any OperatorStorage { get }
    /// Key/value settings.
    var settings: any SettingsStorage { get }
    /// The knowledge-base articles.
    var knowledgeBase: any KnowledgeBaseStorage { get }
    /// Copies of the whole desk (`backup`, `restore`).
    var backups: any BackupStorage { get }
    /// Where the data lives, as the operator named it (a file path for SQLite): shown by `whoami`, and the place the
    /// install key is kept beside.
    var location: String { get }
    /// Where the HMAC key of temporary passwords is kept (beside a SQLite file; the install's shared key for a server).
    var installKeyPath: String { get }
    /// The login this connection acts as when the engine knows it (a PostgreSQL role), after becoming `actAs` if
    /// given (root only); nil where the operating system's login is the operator (SQLite).
    func connectedLogin(actAs: String?) throws -> String?
    /// Starts a bulk load of `table` inside the current transaction.
    func beginBulkLoad(_ table: BulkTable) throws -> any BulkLoading
    /// Cheap housekeeping for a moment when nobody waits (the prompt before the next line).
    func idle()
    /// The console is done with the desk: what it left for a quiet moment is done now.
    func finish()
    /// The process runs a few commands and exits: housekeeping moves to the exit.
    func useOneShotMode()
    /// Makes overwritten content (a wiped password) unrecoverable from logs; false when it must be retried later.
    func purgeOverwrittenContent() -> Bool
}

/// A unit of work that commits whole or not at all; nested calls join the outer one.
public protocol TransactionBoundary: AnyObject {
    /// Runs `body` in one transaction: its writes commit together, or none do when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// Runs `body` in one transaction that only adds rows (and fills fields set once, by a conditional update): it
    /// decides nothing on what it reads, so an engine that can run transactions side by side need not give it a turn
    /// behind the desk's read-then-write ones. Engines that run one transaction at a time treat it as `transaction`.
    func appendTransaction<T>(_ body: () throws -> T) throws -> T
}

extension TransactionBoundary {
    public func appendTransaction<T>(_ body: () throws -> T) throws -> T { try transaction(body) }
}

extension DeskStorage {
    public func finish() {}
    public var installKeyPath: String { InstallKey.keyPath(forDatabase: location) }
    public func connectedLogin(actAs: String?) throws -> String? { nil }
}
