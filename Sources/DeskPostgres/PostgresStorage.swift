import Desk
import DeskCore
import DeskStore
import Foundation

/// The PostgreSQL implementation of `DeskStorage` (SPEC §15): one libpq connection per console, the same protocols
/// as SQLite, the SQL of each table family in `Stores/`. The location is the libpq URI the operator gave, with any
/// password removed before it is shown.
public final class PostgresStorage: DeskStorage {
    let db: PGConnection
    public let location: String

    public let registrations: any RegistrationStorage
    public let insured: any InsuredStorage
    public let tickets: any TicketStorage
    public let outbox: any OutboxStorage
    public let credentials: any CredentialStorage
    public let audit: any AuditStorage
    private let auditStore: PGAuditStore
    public let operators: any OperatorStorage
    public let settings: any SettingsStorage
    public let knowledgeBase: any KnowledgeBaseStorage
    public let backups: any BackupStorage

    /// Whether `location` names a PostgreSQL desk (a libpq URI) rather than a SQLite file.
    public static func handles(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// Connects to `uri`; with `create`, brings a new or older schema up to date (`init`), otherwise a database
    /// nobody has initialised is refused and an older schema is migrated.
    public init(uri: String, create: Bool = false, busyTimeoutMs: Int32 = 5000) throws {
        do {
            db = try PGConnection(uri, setup: [
                "SET client_min_messages = error",
                "SET lock_timeout = \(max(1, busyTimeoutMs))",
                "SET idle_in_transaction_session_timeout = 600000",
                // The audit seal and the desk lock rely on each statement seeing what committed before it.
                "SET default_transaction_isolation = 'read committed'",
                "SET application_name = 'vssdesk'",
            ])
            location = Self.displayed(uri)
            if !create, try !PGSchema.isInitialised(db) { throw PGStoreError.notInitialised(location) }
            try PGSchema.migrate(db)
        } catch let e as PGError {
            throw e.storageError
        } catch let e as PGStoreError {
            switch e {
            case .schemaTooNew(let found, let known):
                throw StorageError.notVssdeskDatabase(DeskMessage(ServiceText.schemaTooNew, ["found": .int(found), "known": .int(known)]))
            case .notInitialised(let location):
                throw StorageError.notVssdeskDatabase(DeskMessage(ServiceText.serverNotInitialised, ["location": .text(location)]))
            }
        }
        registrations = PGRegistrationStore(db)
        insured = PGInsuredStore(db)
        tickets = PGTicketStore(db)
        outbox = PGOutboxStore(db)
        credentials = PGCredentialStore(db)
        auditStore = PGAuditStore(db)
        audit = auditStore
        operators = PGOperatorStore(db)
        settings = PGSettingsStore(db)
        knowledgeBase = PGKnowledgeBaseStore(db)
        backups = PGBackups()
        // The server key is one of the desk's own files: never read back as a script, CSV or KB file (SPEC §13).
        UserFile.protect(InstallKey.serverKeyPath())
    }

    public static var schemaVersion: Int { PGSchema.latestVersion }

    /// One read-then-write transaction at a time per desk, as SQLite's `BEGIN IMMEDIATE`: the desk lock is taken
    /// first, before any row lock. Its audit rows are written with the COMMIT, and the server seals them into the
    /// chain in the same round trip (`PGAuditStore`).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try run(serialised: true, body)
    }

    /// A transaction that only adds rows (a ticket, a note) runs beside the others: it takes no desk lock.
    public func appendTransaction<T>(_ body: () throws -> T) throws -> T {
        try run(serialised: false, body)
    }

    /// Whether the open transaction holds the desk lock (a read-then-write one nested in an append takes it then).
    private var holdsDeskLock = false

    private func run<T>(serialised: Bool, _ body: () throws -> T) throws -> T {
        func takeDeskLockIfNeeded() throws {
            guard serialised, !holdsDeskLock else { return }
            try db.run("SELECT pg_advisory_xact_lock($1)", [.of(PGSchema.deskLockKey)])
            holdsDeskLock = true
        }
        do {
            if db.inTransaction {
                try takeDeskLockIfNeeded()
                return try body()
            }
            defer { holdsDeskLock = false }
            do {
                return try db.transaction(commit: auditStore.commitSealing) {
                    try takeDeskLockIfNeeded()
                    return try body()
                }
            } catch {
                auditStore.discardPending()
                throw error
            }
        } catch let e as PGError { throw e.storageError }
    }

    public func beginBulkLoad(_ table: BulkTable) throws -> any BulkLoading {
        try PGBulkLoad(db, table: table)
    }

    public var installKeyPath: String { InstallKey.serverKeyPath() }

    /// The role this connection acts as. `actAs` (root only, checked by the launcher) becomes that role with
    /// `SET SESSION AUTHORIZATION`, which the server allows a superuser only: the server then enforces that
    /// operator's GRANTs, not root's.
    public func connectedLogin(actAs: String?) throws -> String? {
        do {
            if let actAs {
                // Someone with no role on the server is no operator of it either: the launcher says so (exit 3).
                guard try db.queryOne("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(actAs)]) != nil else { return actAs }
                // Kept for a reconnect too (a failover): the session never falls back to root's superuser.
                try db.keep("SET SESSION AUTHORIZATION " + db.quotedIdentifier(actAs))
            }
            return try db.queryOne("SELECT current_user::text")?.string(0)
        } catch let e as PGError { throw e.storageError }
    }

    /// PostgreSQL does its own housekeeping (autovacuum); the console only seals audit rows it may have left
    /// waiting when another console was sealing.
    public func idle() { auditStore.settle() }
    public func finish() { auditStore.settle() }
    public func useOneShotMode() {}
    /// A wiped password's old row version is left to VACUUM; the heap page is not readable by any desk role.
    public func purgeOverwrittenContent() -> Bool { true }

    /// The URI as shown to a person: a password in it is replaced by `***`.
    public static func displayed(_ uri: String) -> String {
        guard var parts = URLComponents(string: uri) else { return uri }
        if parts.password != nil { parts.password = "***" }
        if let items = parts.queryItems, items.contains(where: { $0.name == "password" }) {
            parts.queryItems = items.map { $0.name == "password" ? URLQueryItem(name: "password", value: "***") : $0 }
        }
        return parts.string ?? uri
    }
}

/// Backups of a PostgreSQL desk are the server's (pg_dump, base backups and WAL archiving): `backup`/`restore` are
/// SQLite-only and say so.
final class PGBackups: BackupStorage {
    static var refusal: StorageError { .badCopy(DeskMessage(ServiceText.serverBackupsAreTheServers)) }
    func backup(to destination: String, replace: Bool) throws -> [String: Int] { throw Self.refusal }
    func verify(_ path: String) throws -> BackupSummary { throw Self.refusal }
    func restore(from source: String) throws { throw Self.refusal }
    func otherProcesses() -> [Int32] { [] }
}
