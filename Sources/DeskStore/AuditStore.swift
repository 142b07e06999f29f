import Foundation
import DeskCore

/// The audit trail, a hash chain (AuditChain). UPDATE, DELETE, a replaced or back-dated row and a broken link are
/// refused by triggers in the schema (`Schema.auditTriggers`), not by this type.
public final class AuditStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    /// Appends one row, linked to the last. The last row is read inside the write transaction that inserts the new
    /// one (BEGIN IMMEDIATE holds the write lock), so ten consoles writing at once still make one chain.
    ///
    /// The trail is in commit order, and a row may not be dated before the one it follows: a console that read its
    /// clock before waiting for the lock (or whose clock is a second behind another's, or a `VSSDESK_NOW` replay)
    /// records the last row's time instead of failing the operator's action.
    ///
    /// `codes` are the mã số BHXH of every registration the action displayed (a search's results, a call's
    /// registrations): they are written at the end of `detail` (`codes: 7900000001 7900000002`), inside the hashed
    /// row, so that `audit --code` finds each person a lookup showed with one row per lookup, not one per person.
    public func record(at: String, operator login: String, action: String, target: String?, detail rawDetail: String?,
                       ticketID: Int?, codes: [String] = []) throws {
        let detail = Self.detail(rawDetail, codes: codes)
        let append = {
            let last = try self.db.queryOne("SELECT id, at, hash FROM audit ORDER BY id DESC LIMIT 1")
            let id = (last?.int(0) ?? 0) + 1
            let at = max(at, last?.string(1) ?? at)
            let prev = last?.string(2) ?? AuditChain.genesis
            let hash = AuditChain.hash(prev: prev, id: id, at: at, operator: login, action: action, target: target,
                                       detail: detail, ticketID: ticketID)
            try self.db.run("""
                INSERT INTO audit(id, at, operator, action, target, detail, ticket_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(Int64(id)), .text(at), .text(login), .text(action), .of(target), .of(detail), .of(ticketID),
                      .text(prev), .text(hash)])
        }
        if db.inTransaction { try append() } else { try db.transaction(append) }
    }

    /// How many rows the trail has and the last row's hash, to be kept outside the database (`report`).
    public func head() throws -> (rows: Int, hash: String) {
        let rows = try db.scalarInt("SELECT count(*) FROM audit")
        let hash = try db.queryOne("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")?.string(0)
        return (rows, hash ?? AuditChain.genesis)
    }

    /// The expected audit triggers (`Schema.auditTriggers`) that are missing, and those whose SQL differs from it or
    /// that are not expected at all. One read of `sqlite_master`, cheap enough for every start-up.
    public func triggerProblems() throws -> (missing: [String], altered: [String]) {
        var found: [String: String] = [:]
        for row in try db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'") {
            found[row.string(0) ?? ""] = row.string(1) ?? ""
        }
        var missing: [String] = [], altered: [String] = []
        for trigger in Schema.auditTriggers {
            guard let sql = found.removeValue(forKey: trigger.name) else {
                missing.append(trigger.name)
                continue
            }
            // sqlite_master keeps the CREATE statement as written, without its final semicolon.
            var expected = Substring(trigger.sql.trimmingCharacters(in: .whitespacesAndNewlines))
            if expected.hasSuffix(";") { expected.removeLast() }
            if sql != expected { altered.append(trigger.name) }
        }
        return (missing, altered + found.keys.sorted())
    }

    /// Migration v4: chains the rows written before the chain existed, in id order, a batch at a time.
    static func chainExistingRows(_ db: Database) throws {
        var prev = AuditChain.genesis
        var after = 0
        while true {
            let rows = try db.query("""
                SELECT id, at, operator, action, target, detail, ticket_id FROM audit WHERE id > ? ORDER BY id LIMIT 10000
                """, [.int(Int64(after))])
            guard let last = rows.last else { return }
            for r in rows {
                let hash = AuditChain.hash([prev] + (0..<7).map { r.string($0) })
                try db.run("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", [.text(prev), .text(hash), r.values[0]])
                prev = hash
            }
            after = last.int(0)!
        }
    }

    public func count(action: String, target: String, since: String) throws -> Int {
        try db.scalarInt("SELECT count(*) FROM audit WHERE target = ? AND action = ? AND at >= ?",
                         [.text(target), .text(action), .text(since)])
    }

    /// `detail`, then the displayed codes (see `record`).
    public static func detail(_ detail: String?, codes: [String]) -> String? {
        guard !codes.isEmpty else { return detail }
        let list = "codes: " + codes.joined(separator: " ")
        guard let detail, !detail.isEmpty else { return list }
        return detail + "; " + list
    }

    /// Rows whose target is exactly `target` (a resend's verification failures, …).
    public func list(operator login: String?, target: String?, from: String?, to: String?, action: String?,
                     limit: Int) throws -> [AuditEntry] {
        let rows = try db.query("""
            SELECT id, at, operator, action, target, detail, ticket_id FROM audit
            WHERE (?1 IS NULL OR operator = ?1) AND (?2 IS NULL OR target = ?2) AND (?3 IS NULL OR at >= ?3)
              AND (?4 IS NULL OR at < ?4) AND (?5 IS NULL OR action = ?5)
            ORDER BY id DESC LIMIT ?6
            """, [.of(login), .of(target), .of(from), .of(to), .of(action), .int(Int64(limit))])
        return rows.map(Self.entry)
    }

    /// Rows about `code`: those whose target it is, those whose detail names it as a whole number (the displayed
    /// codes of a search, a bulk change), and the `call` rows that showed it — the call's ticket is about it, or the
    /// caller's phone is its registered phone (call rows written before they listed their codes).
    public func list(operator login: String?, code: String?, from: String?, to: String?, action: String?,
                     limit: Int) throws -> [AuditEntry] {
        let rows = try db.query("""
            SELECT id, at, operator, action, target, detail, ticket_id FROM audit
            WHERE (?1 IS NULL OR operator = ?1) AND (?3 IS NULL OR at >= ?3)
              AND (?4 IS NULL OR at < ?4) AND (?5 IS NULL OR action = ?5)
              AND (?2 IS NULL OR target = ?2
                   OR (?2 <> '' AND ?2 NOT GLOB '*[^0-9]*' AND (' ' || detail || ' ') GLOB ('*[^0-9]' || ?2 || '[^0-9]*'))
                   OR (action = 'call' AND (ticket_id IN (SELECT id FROM tickets WHERE bhxh_code = ?2)
                                            OR target IN (SELECT phone FROM registrations WHERE bhxh_code = ?2))))
            ORDER BY id DESC LIMIT ?6
            """, [.of(login), .of(code), .of(from), .of(to), .of(action), .int(Int64(limit))])
        return rows.map(Self.entry)
    }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(id: row.int(0)!, at: row.string(1)!, operatorLogin: row.string(2)!, action: row.string(3)!,
                   target: row.string(4), detail: row.string(5), ticketID: row.int(6))
    }
}
