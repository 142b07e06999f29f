import Desk
import DeskCore

/// The SMS outbox (`sms_outbox`), with the SQLite store's semantics (`DeskStore.OutboxStore`). Many consoles may
/// run `outbox send` at once against one server: a message is taken by a conditional UPDATE (`claim`), which
/// PostgreSQL re-checks on the row's newest version after waiting for a competing UPDATE, so exactly one sender wins.
final class PGOutboxStore: OutboxStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    static let columns = "id, to_phone, body, status, attempts, last_error, created_at, sent_at, next_attempt_at, bhxh_code, ticket_id"

    static func message(_ r: PGRow) -> OutboxMessage {
        OutboxMessage(id: r.int(0)!, toPhone: r.string(1)!, body: r.string(2)!, status: r.string(3)!, attempts: r.int(4) ?? 0,
                      lastError: r.string(5), createdAt: r.string(6)!, sentAt: r.string(7), nextAttemptAt: r.string(8),
                      bhxhCode: r.string(9), ticketID: r.int(10))
    }

    func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int {
        try db.queryOne("""
            INSERT INTO sms_outbox(to_phone, body, status, created_at, next_attempt_at, bhxh_code, ticket_id)
            VALUES ($1, $2, 'queued', $3, $3, $4, $5) RETURNING id
            """, [.text(to), .text(body), .text(at), .of(bhxhCode), .of(ticketID)])!.int(0)!
    }

    func forCode(_ code: String, limit: Int) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = $1 ORDER BY id DESC LIMIT $2",
                     [.text(code), .of(limit)]).map(Self.message)
    }

    func list(status: String?, limit: Int) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE ($1::text IS NULL OR status = $1::text) ORDER BY id DESC LIMIT $2",
                     [.of(status), .of(limit)]).map(Self.message)
    }

    func due(at: String, limit: Int) throws -> [OutboxMessage] {
        try db.query("""
            SELECT \(Self.columns) FROM sms_outbox WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
            ORDER BY id LIMIT $2
            """, [.text(at), .of(limit)]).map(Self.message)
    }

    /// Takes a due message for one delivery attempt by pushing its next attempt to `leaseUntil`; a sender that dies
    /// mid-attempt leaves it to be retried after the lease. Under READ COMMITTED a second sender's UPDATE waits for
    /// the first one's row lock and then re-evaluates the WHERE on the updated row, which is no longer due: it
    /// changes nothing and is told so.
    func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool {
        try db.query("""
            UPDATE sms_outbox SET next_attempt_at = $3
            WHERE id = $1 AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
            RETURNING id
            """, [.of(id), .text(now), .text(leaseUntil)]).count == 1
    }

    /// Delivered: the password is wiped in the same statement.
    func markSent(_ id: Int, at: String, wipedBody: String) throws {
        try db.run("""
            UPDATE sms_outbox SET status = 'sent', sent_at = $2, attempts = attempts + 1, body = $3, last_error = NULL WHERE id = $1
            """, [.of(id), .text(at), .text(wipedBody)])
    }

    func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws {
        try db.run("""
            UPDATE sms_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                status = CASE WHEN $4::boolean AND status = 'queued' THEN 'failed' ELSE status END
            WHERE id = $1
            """, [.of(id), .text(error), .of(nextAttemptAt), .bool(giveUp)])
    }

    func countSince(code: String, since: String) throws -> Int {
        try db.queryOne("SELECT count(*) FROM sms_outbox WHERE bhxh_code = $1 AND created_at >= $2",
                        [.text(code), .text(since)])?.int(0) ?? 0
    }

    func createdTimes(code: String, since: String) throws -> [String] {
        try db.query("SELECT created_at FROM sms_outbox WHERE bhxh_code = $1 AND created_at >= $2 ORDER BY created_at",
                     [.text(code), .text(since)]).compactMap { $0.string(0) }
    }

    func queued(code: String) throws -> [OutboxMessage] {
        try db.query("SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = $1 AND status = 'queued' ORDER BY id",
                     [.text(code)]).map(Self.message)
    }

    func sent(code: String, since: String) throws -> [OutboxMessage] {
        try db.query("""
            SELECT \(Self.columns) FROM sms_outbox WHERE bhxh_code = $1 AND status = 'sent' AND sent_at >= $2 ORDER BY sent_at DESC
            """, [.text(code), .text(since)]).map(Self.message)
    }

    /// Takes a queued message out of delivery for good, its password wiped in the same statement (SPEC §6).
    func supersede(_ id: Int, wipedBody: String) throws -> Bool {
        try db.run("""
            UPDATE sms_outbox SET status = 'superseded', body = $2, next_attempt_at = NULL WHERE id = $1 AND status = 'queued'
            """, [.of(id), .text(wipedBody)]) == 1
    }

    func wipeBody(_ id: Int, body: String) throws {
        try db.run("UPDATE sms_outbox SET body = $2 WHERE id = $1", [.of(id), .text(body)])
    }
}
