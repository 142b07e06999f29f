import Desk
import DeskCore

final class PGOutboxStore: OutboxStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int { throw PGStoreError.notImplemented("enqueue") }
    func forCode(_ code: String, limit: Int) throws -> [OutboxMessage] { throw PGStoreError.notImplemented("forCode") }
    func list(status: String?, limit: Int) throws -> [OutboxMessage] { throw PGStoreError.notImplemented("list") }
    func due(at: String, limit: Int) throws -> [OutboxMessage] { throw PGStoreError.notImplemented("due") }
    func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool { throw PGStoreError.notImplemented("claim") }
    func markSent(_ id: Int, at: String, wipedBody: String) throws { throw PGStoreError.notImplemented("markSent") }
    func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws { throw PGStoreError.notImplemented("markAttemptFailed") }
    func countSince(code: String, since: String) throws -> Int { throw PGStoreError.notImplemented("countSince") }
    func createdTimes(code: String, since: String) throws -> [String] { throw PGStoreError.notImplemented("createdTimes") }
    func queued(code: String) throws -> [OutboxMessage] { throw PGStoreError.notImplemented("queued") }
    func sent(code: String, since: String) throws -> [OutboxMessage] { throw PGStoreError.notImplemented("sent") }
    func supersede(_ id: Int, wipedBody: String) throws -> Bool { throw PGStoreError.notImplemented("supersede") }
    func wipeBody(_ id: Int, body: String) throws { throw PGStoreError.notImplemented("wipeBody") }
}
