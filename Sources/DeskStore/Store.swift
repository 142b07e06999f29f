import Foundation
import DeskCore

/// The vssdesk database: one SQLite file, migrated on open, with one small store type per table family.
/// All SQL lives in this module; services above see only these types.
public final class Store {
    /// The connection: SQL stays in this module. The benchmark driver reads it through the `RawSQL` SPI (as do tests that check the file itself).
    @_spi(RawSQL) public let db: Database
    public let registrations: RegistrationStore
    public let insured: InsuredStore
    public let audit: AuditStore
    public let operators: OperatorStore
    public let config: ConfigStore
    public let tickets: TicketStore
    public let outbox: OutboxStore
    public let knowledgeBase: KnowledgeBaseStore
    public let credentials: CredentialStore
    public let nameTerms: NameTermStore

    /// Opens `path`, creating it when `create` is set, and brings its schema up to date.
    public init(path: String, create: Bool = false, busyTimeoutMs: Int32 = 5000) throws {
        db = try Database(path: path, create: create, busyTimeoutMs: busyTimeoutMs)
        try Migrator.migrate(db)
        registrations = RegistrationStore(db)
        insured = InsuredStore(db)
        audit = AuditStore(db)
        operators = OperatorStore(db)
        config = ConfigStore(db)
        tickets = TicketStore(db)
        outbox = OutboxStore(db)
        knowledgeBase = KnowledgeBaseStore(db)
        credentials = CredentialStore(db)
        nameTerms = NameTermStore(db)
    }

    public static var schemaVersion: Int { Migrator.latestVersion }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try db.transaction(body) }
}

/// Key/value settings (desk agency, SMS gateway, holidays, SLA targets).
public final class ConfigStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func get(_ key: String) throws -> String? {
        try db.queryOne("SELECT value FROM config WHERE key = ?", [.text(key)])?.string(0)
    }

    public func set(_ key: String, _ value: String) throws {
        try db.run("INSERT INTO config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [.text(key), .text(value)])
    }

    public func unset(_ key: String) throws { try db.run("DELETE FROM config WHERE key = ?", [.text(key)]) }

    public func all() throws -> [(String, String)] {
        try db.query("SELECT key, value FROM config ORDER BY key").map { ($0.string(0)!, $0.string(1)!) }
    }
}
