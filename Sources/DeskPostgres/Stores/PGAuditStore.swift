import Desk
import DeskCore
import DeskStore

/// The audit trail, a hash chain (`DeskStore.AuditChain`, the same bytes hashed as on SQLite, so a desk copied by
/// `migrate --to` verifies unchanged). UPDATE, DELETE, TRUNCATE, a row out of sequence and a broken link are refused
/// by the triggers of `PGAuditTriggers`, for every role including the superuser, not by this type.
final class PGAuditStore: AuditStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    /// Appends one row, linked to the last. Hundreds of consoles append at once: each takes the chain's
    /// transaction-scoped advisory lock first, and only then reads the last row, so the read sees every append
    /// committed before it (READ COMMITTED takes a new snapshot per statement) and no other can come between the
    /// read and the insert. The lock is held to the end of the caller's transaction.
    ///
    /// As on SQLite, a row may not be dated before the one it follows: a console whose clock is behind another's
    /// (or that read it before waiting for the lock) records the last row's time instead of failing the action.
    /// `codes`, the mã số BHXH the action displayed, end the hashed `detail` (`codes: 7900000001 7900000002`) as on
    /// SQLite (`DeskStore.AuditStore.detail`), so `audit --code` finds each person a lookup showed.
    func record(at: String, operator login: String, action: String, target: String?, detail rawDetail: String?,
                ticketID: Int?, codes: [String]) throws {
        let detail = AuditStore.detail(rawDetail, codes: codes)
        try db.transaction {
            try db.run("SELECT pg_advisory_xact_lock($1)", [.of(PGSchema.auditLockKey)])
            let last = try db.queryOne("SELECT id, at, hash FROM audit ORDER BY id DESC LIMIT 1")
            let id = (last?.int(0) ?? 0) + 1
            let at = max(at, last?.string(1) ?? at)
            let prev = last?.string(2) ?? AuditChain.genesis
            let hash = AuditChain.hash(prev: prev, id: id, at: at, operator: login, action: action, target: target,
                                       detail: detail, ticketID: ticketID)
            try db.run("""
                INSERT INTO audit(id, at, operator, action, target, detail, ticket_id, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, [.of(id), .text(at), .text(login), .text(action), .of(target), .of(detail), .of(ticketID),
                      .text(prev), .text(hash)])
        }
    }

    /// How many rows the trail has and the last row's hash, read in one snapshot.
    func head() throws -> (rows: Int, hash: String) {
        let row = try db.queryOne("SELECT (SELECT count(*) FROM audit), (SELECT hash FROM audit ORDER BY id DESC LIMIT 1)")
        return (row?.int(0) ?? 0, row?.string(1) ?? AuditChain.genesis)
    }

    func count(action: String, target: String, since: String) throws -> Int {
        try db.queryOne("SELECT count(*) FROM audit WHERE target = $1 AND action = $2 AND at >= $3",
                        [.text(target), .text(action), .text(since)])?.int(0) ?? 0
    }

    static let columns = "id, at, operator, action, target, detail, ticket_id"
    static let aliasedColumns = "a.id, a.at, a.operator, a.action, a.target, a.detail, a.ticket_id"

    /// The filters both lists share: operator ($1), time range ($3, $4), action ($5).
    static let common = """
        ($1::text IS NULL OR operator = $1::text) AND ($3::text IS NULL OR at >= $3::text)
          AND ($4::text IS NULL OR at < $4::text) AND ($5::text IS NULL OR action = $5::text)
        """

    /// Rows whose target is exactly `target` (a resend's verification failures, …).
    func list(operator login: String?, target: String?, from: String?, to: String?, action: String?,
              limit: Int) throws -> [AuditEntry] {
        try db.query("""
            SELECT \(Self.columns) FROM audit
            WHERE \(Self.common) AND ($2::text IS NULL OR target = $2::text)
            ORDER BY id DESC LIMIT $6
            """, [.of(login), .of(target), .of(from), .of(to), .of(action), .of(limit)]).map(Self.entry)
    }

    /// The whole numbers a row's detail names, as indexed by `audit_detail_numbers`: the maximal runs of digits
    /// (with empty strings around them, which no code equals). A code is among them exactly when SQLite's
    /// `(' ' || detail || ' ') GLOB '*[^0-9]CODE[^0-9]*'` matches.
    static let numbersInDetail = "regexp_split_to_array(coalesce(detail, ''), '[^0-9]+')"

    /// Rows about `code`: those whose target it is, those whose detail names it as a whole number (the displayed
    /// codes of a search, a bulk change), and the `call` rows that showed it — the call's ticket is about it, or the
    /// caller's phone is its registered phone (call rows written before they listed their codes).
    ///
    /// One indexed branch per way of being about the code, united, then filtered and ordered. Written as one WHERE
    /// with ORs (as on SQLite), PostgreSQL walks the whole trail backwards by id: 200 ms at 300,000 rows, against
    /// 5–11 ms this way (EXPLAIN ANALYZE, this machine).
    func list(operator login: String?, code: String?, from: String?, to: String?, action: String?,
              limit: Int) throws -> [AuditEntry] {
        guard let code else { return try list(operator: login, target: nil, from: from, to: to, action: action, limit: limit) }
        let a = Self.aliasedColumns
        return try db.query("""
            SELECT \(Self.columns) FROM (
                SELECT \(a) FROM audit a WHERE target = $2::text
                UNION SELECT \(a) FROM audit a WHERE $2::text ~ '^[0-9]+$' AND \(Self.numbersInDetail) @> ARRAY[$2::text]
                UNION SELECT \(a) FROM audit a JOIN tickets t ON t.id = a.ticket_id WHERE t.bhxh_code = $2::text AND a.action = 'call'
                UNION SELECT \(a) FROM audit a JOIN registrations r ON r.phone = a.target WHERE r.bhxh_code = $2::text
                      AND a.action = 'call'
            ) about
            WHERE \(Self.common)
            ORDER BY id DESC LIMIT $6
            """, [.of(login), .text(code), .of(from), .of(to), .of(action), .of(limit)]).map(Self.entry)
    }

    static func entry(_ row: PGRow) -> AuditEntry {
        AuditEntry(id: row.int(0)!, at: row.string(1)!, operatorLogin: row.string(2)!, action: row.string(3)!,
                   target: row.string(4), detail: row.string(5), ticketID: row.int(6))
    }
}
