import DeskCore

/// The SMS outbox.
public protocol OutboxStorage: AnyObject {
    /// A queued message's id.
    func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int
    /// A registration's messages, newest first.
    func forCode(_ code: String, limit: Int) throws -> [OutboxMessage]
    /// Messages in `status` (any when nil), newest first.
    func list(status: String?, limit: Int) throws -> [OutboxMessage]
    /// Queued messages whose next attempt is due.
    func due(at: String, limit: Int) throws -> [OutboxMessage]
    /// Takes a message for one sender until `leaseUntil`; false when another sender has it.
    func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool
    /// Delivered: the time, and the body with the password wiped.
    func markSent(_ id: Int, at: String, wipedBody: String) throws
    /// A failed attempt: the error and the next try, or given up.
    func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws
    /// How many messages a registration had queued since `since`.
    func countSince(code: String, since: String) throws -> Int
    /// When each of a registration's messages since `since` was queued (the daily limit).
    func createdTimes(code: String, since: String) throws -> [String]
    /// A registration's messages still waiting to be sent.
    func queued(code: String) throws -> [OutboxMessage]
    /// A registration's messages delivered since `since`.
    func sent(code: String, since: String) throws -> [OutboxMessage]
    /// A queued message replaced by a newer resend; false when it was no longer queued.
    func supersede(_ id: Int, wipedBody: String) throws -> Bool
    /// Replaces a message's body (the password wiped).
    func wipeBody(_ id: Int, body: String) throws
}
