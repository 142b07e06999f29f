import DeskCore

/// The SMS outbox.
public protocol OutboxStorage: AnyObject {
    /// A queued message's id.
    func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int
    func forCode(_ code: String, limit: Int) throws -> [OutboxMessage]
    func list(status: String?, limit: Int) throws -> [OutboxMessage]
    /// Queued messages whose next attempt is due.
    func due(at: String, limit: Int) throws -> [OutboxMessage]
    /// Takes a message for one sender until `leaseUntil`; false when another sender has it.
    func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool
    func markSent(_ id: Int, at: String, wipedBody: String) throws
    func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws
    func countSince(code: String, since: String) throws -> Int
    func createdTimes(code: String, since: String) throws -> [String]
    func queued(code: String) throws -> [OutboxMessage]
    func sent(code: String, since: String) throws -> [OutboxMessage]
    /// A queued message replaced by a newer resend; false when it was no longer queued.
    func supersede(_ id: Int, wipedBody: String) throws -> Bool
    func wipeBody(_ id: Int, body: String) throws
}
