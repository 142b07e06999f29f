import Foundation
import Desk
import DeskCore

/// An in-memory `DeskStorage` for service tests that need no SQL: proof that the services reach the data only through
/// the protocols of `Sources/Desk/Storage`. It does not import DeskStore. Its tables are one value (`State`), so a
/// transaction that throws puts back what it found. What no fake test needs throws `InMemoryStorage.Unsupported`.
final class InMemoryStorage: DeskStorage {
    struct Unsupported: Error, CustomStringConvertible {
        var what: String
        var description: String { "the in-memory storage does not do \(what)" }
    }

    struct State {
        var registrations: [String: Registration] = [:]
        var events: [String: [RegistrationEvent]] = [:]
        var insured: [String: InsuredPerson] = [:]
        var tickets: [Int: TicketSummary] = [:]
        var notes: [Int: [TicketNote]] = [:]
        var openCalls: [String: (ticketID: Int, bhxhCode: String?)] = [:]
        var outbox: [OutboxMessage] = []
        var audit: [AuditEntry] = []
        var operators: [String: Operator] = [:]
        var settings: [String: String] = [:]
        var credentials: [String: (salt: String, hash: String)] = [:]
        var articles: [KBArticle] = []
    }

    var state = State()
    private var depth = 0

    lazy var registrations: any RegistrationStorage = FakeRegistrations(self)
    lazy var insured: any InsuredStorage = FakeInsured(self)
    lazy var tickets: any TicketStorage = FakeTickets(self)
    lazy var outbox: any OutboxStorage = FakeOutbox(self)
    lazy var credentials: any CredentialStorage = FakeCredentials(self)
    lazy var audit: any AuditStorage = FakeAudit(self)
    lazy var operators: any OperatorStorage = FakeOperators(self)
    lazy var settings: any SettingsStorage = FakeSettings(self)
    lazy var knowledgeBase: any KnowledgeBaseStorage = FakeKnowledgeBase(self)
    var backups: any BackupStorage { FakeBackups() }
    var location: String { "memory:" }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        let saved = state
        depth += 1
        defer { depth -= 1 }
        do {
            return try body()
        } catch {
            if depth == 1 { state = saved }
            throw error
        }
    }

    func beginBulkLoad(_ table: BulkTable) throws -> any BulkLoading { FakeBulkLoad() }
    func idle() {}
    func useOneShotMode() {}
    func purgeOverwrittenContent() -> Bool { true }
}

final class FakeBulkLoad: BulkLoading {
    func finish() throws {}
}

final class FakeBackups: BackupStorage {
    func backup(to destination: String, replace: Bool) throws -> [String: Int] { throw InMemoryStorage.Unsupported(what: "backup") }
    func verify(_ path: String) throws -> BackupSummary { throw InMemoryStorage.Unsupported(what: "backup") }
    func restore(from source: String) throws { throw InMemoryStorage.Unsupported(what: "restore") }
    func otherProcesses() -> [Int32] { [] }
}

final class FakeOperators: OperatorStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    func get(_ login: String) throws -> Operator? { s.state.operators[login] }
    func list() throws -> [Operator] { s.state.operators.values.sorted { $0.login < $1.login } }
    func count() throws -> Int { s.state.operators.count }
    func upsert(_ op: Operator, at: String) throws { s.state.operators[op.login] = op }
    func setActive(_ login: String, _ active: Bool) throws -> Bool {
        guard s.state.operators[login] != nil else { return false }
        s.state.operators[login]!.active = active
        return true
    }
}

final class FakeSettings: SettingsStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    func get(_ key: String) throws -> String? { s.state.settings[key] }
    func set(_ key: String, _ value: String) throws { s.state.settings[key] = value }
    func unset(_ key: String) throws { s.state.settings[key] = nil }
    func all() throws -> [(String, String)] { s.state.settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}

final class FakeCredentials: CredentialStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    func save(code: String, salt: String, hash: String, createdAt: String, expiresAt: String) throws {
        s.state.credentials[code] = (salt, hash)
    }
}

final class FakeKnowledgeBase: KnowledgeBaseStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    func ids() throws -> [String] { s.state.articles.map(\.id).sorted() }
    func list() throws -> [KBArticle] { s.state.articles.sorted { $0.id < $1.id } }
    func get(_ id: String) throws -> KBArticle? { s.state.articles.first { $0.id == id } }
    func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws { s.state.articles = articles }
}

final class FakeAudit: AuditStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    func record(at: String, operator login: String, action: String, target: String?, detail: String?, ticketID: Int?,
                codes: [String]) throws {
        let shown = codes.isEmpty ? detail : [detail, "codes: " + codes.joined(separator: " ")].compactMap { $0 }.joined(separator: "; ")
        s.state.audit.append(AuditEntry(id: s.state.audit.count + 1, at: at, operatorLogin: login, action: action, target: target,
                                        detail: shown, ticketID: ticketID))
    }
    func head() throws -> (rows: Int, hash: String) { (s.state.audit.count, AuditChainWalk.genesis) }
    func triggerProblems() throws -> (missing: [String], altered: [String]) { ([], []) }
    func count(action: String, target: String, since: String) throws -> Int {
        s.state.audit.filter { $0.action == action && $0.target == target && $0.at >= since }.count
    }
    func list(operator login: String?, target: String?, from: String?, to: String?, action: String?, limit: Int) throws -> [AuditEntry] {
        Array(filtered(login, from, to, action).filter { target == nil || $0.target == target }.prefix(limit))
    }
    func list(operator login: String?, code: String?, from: String?, to: String?, action: String?, limit: Int) throws -> [AuditEntry] {
        Array(filtered(login, from, to, action).filter { e in
            code.map { e.target == $0 || (e.detail ?? "").split(separator: " ").contains(Substring($0)) } ?? true
        }.prefix(limit))
    }
    func walkChain(keptHead: String?) throws -> AuditChainWalk { throw InMemoryStorage.Unsupported(what: "the audit chain") }

    private func filtered(_ login: String?, _ from: String?, _ to: String?, _ action: String?) -> [AuditEntry] {
        s.state.audit.reversed().filter { e in
            (login == nil || e.operatorLogin == login) && (from == nil || e.at >= from!) && (to == nil || e.at < to!)
                && (action == nil || e.action == action)
        }
    }
}
