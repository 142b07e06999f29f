import DeskCore
public final class OutboxStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    static let columns = "id, to_phone, body, status, attempts, last_error, created_at, sent_at, next_attempt_at, bhxh_code, ticket_id"

    static func message(_ r: Row) -> OutboxMessage {
        OutboxMessage(id: r.int(0)!, toPhone: r.string(1)!, body: r.string(2)!, status: r.string(3)!, attempts: r.int(4) ?? 0,
                      lastError: r.string(5), createdAt: r.string(6)!, sentAt: r.string(7), nextAttemptAt: r.string(8),
                      bhxhCode: r.string(9), ticketID: r.int(10))
    }

    public func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int {
        try db.run("""
            INSERT INTO sms_outbox(to_phone, body, status, created_at, next_attempt_at, bhxh_code, ticket_id)
            VALUES (?, ?, 'queued', ?, ?, ?, ?)
            """, [.text(to), .text(body), .text(at), .text(at), .of(bhxhCode), .of(ticketID)])
        return Int(db.lastInsertRowID)
    }

    public func forCode(_ code: String, limit: Int) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = ? ORDER BY id DESC LIMIT ?",
                     [.text(code), .int(Int64(limit))]).map(Self.message)
    }

    public func list(status: String?, limit: Int) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE (?1 IS NULL OR status = ?1) ORDER BY id DESC LIMIT ?2",
                     [.of(status), .int(Int64(limit))]).map(Self.message)
    }

    /// Queued messages whose next attempt is due.
    public func due(at: String, limit: Int) throws -> [OutboxMessage] {
        try db.query("""
            SELECT \(Self.columns) FROM sms_outbox WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            ORDER BY id LIMIT ?
            """, [.text(at), .int(Int64(limit))]).map(Self.message)
    }

    /// Takes a due message for one delivery attempt by pushing its next attempt to `leaseUntil`, so that another
    /// `outbox send` running at the same time skips it (and a sender that dies mid-attempt leaves it to be retried
    /// after the lease). False when it is no longer queued and due: another sender has it.
    public func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool {
        try db.run("""
            UPDATE sms_outbox SET next_attempt_at = ?3
            WHERE id = ?1 AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?2)
            """, [.int(Int64(id)), .text(now), .text(leaseUntil)]) == 1
    }

    /// Marks delivered and replaces the body (the password is wiped in the same statement).
    public func markSent(_ id: Int, at: String, wipedBody: String) throws {
        try db.run("UPDATE sms_outbox SET status = 'sent', sent_at = ?2, attempts = attempts + 1, body = ?3, last_error = NULL WHERE id = ?1",
                   [.int(Int64(id)), .text(at), .text(wipedBody)])
    }

    public func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws {
        try db.run("""
            UPDATE sms_outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3,
                status = CASE WHEN ?4 AND status = 'queued' THEN 'failed' ELSE status END
            WHERE id = ?1
            """, [.int(Int64(id)), .text(error), .of(nextAttemptAt), .of(giveUp)])
    }

    /// Resends queued for a registration since `since` (the 3-per-24-hours limit).
    public func countSince(code: String, since: String) throws -> Int {
        try db.scalarInt("SELECT count(*) FROM sms_outbox WHERE bhxh_code = ? AND created_at >= ?", [.text(code), .text(since)])
    }

    /// When each message for a registration since `since` was queued, oldest first (when the limit frees up).
    public func createdTimes(code: String, since: String) throws -> [String] {
        try db.query("SELECT created_at FROM sms_outbox WHERE bhxh_code = ? AND created_at >= ? ORDER BY created_at",
                     [.text(code), .text(since)]).compactMap { $0.string(0) }
    }

    /// A registration's messages still waiting for delivery, oldest first.
    public func queued(code: String) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = ? AND status = 'queued' ORDER BY id",
                     [.text(code)]).map(Self.message)
    }

    /// A registration's messages delivered since `since`, newest first.
    public func sent(code: String, since: String) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = ? AND status = 'sent' AND sent_at >= ? ORDER BY sent_at DESC",
                     [.text(code), .text(since)]).map(Self.message)
    }

    /// Takes a queued message out of delivery for good, its body replaced (the password wiped) in the same
    /// statement (SPEC §6). False when it was no longer queued.
    public func supersede(_ id: Int, wipedBody: String) throws -> Bool {
        try db.run("UPDATE sms_outbox SET status = 'superseded', body = ?2, next_attempt_at = NULL WHERE id = ?1 AND status = 'queued'",
                   [.int(Int64(id)), .text(wipedBody)]) == 1
    }
}

extension OutboxStore {
    /// Replaces a message body (a failed message's password is not kept either).
    public func wipeBody(_ id: Int, body: String) throws {
        try db.run("UPDATE sms_outbox SET body = ? WHERE id = ?", [.text(body), .int(Int64(id))])
    }
}
