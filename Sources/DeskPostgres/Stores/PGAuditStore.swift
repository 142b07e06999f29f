import Desk
import DeskCore
import DeskStore

/// The audit trail, a hash chain (`DeskStore.AuditChain`, the same bytes hashed as on SQLite, so a desk copied by
/// `migrate --to` verifies unchanged). UPDATE, DELETE, TRUNCATE, a row out of sequence and a broken link are refused
/// by the triggers of `PGAuditTriggers`, for every role including the superuser, not by this type.
final class PGAuditStore: AuditStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    /// Whether the open transaction recorded rows: its COMMIT then goes with a seal (`commitSealing`). The rows
    /// themselves wait with the connection's other unsent writes (`PGConnection.runLater`).
    private var sealDue = false
    /// Whether a seal this console asked for found another console sealing, so that its rows may still be waiting
    /// (sealed by the next console that seals, or by this one when it next goes idle, reads the trail or stops).
    private(set) var sealOwed = false

    struct Row {
        let at: String, login: String, action: String, target: String?, detail: String?, ticketID: Int?
    }

    /// Records one row: written to `audit_pending` and sealed into the chain by the server (schema v3,
    /// `vssdesk_audit_seal`), in the same round trip as the COMMIT of the transaction it belongs to, or on its own
    /// outside one. A console never waits for another's seal here; only reads of the trail do.
    ///
    /// As on SQLite, a row may not be dated before the one it follows: a console whose clock is behind another's
    /// records the last row's time instead of failing the action. `codes`, the mã số BHXH the action displayed, end
    /// the hashed `detail` (`codes: 7900000001 7900000002`) as on SQLite (`DeskStore.AuditStore.detail`), so
    /// `audit --code` finds each person a lookup showed.
    func record(at: String, operator login: String, action: String, target: String?, detail rawDetail: String?,
                ticketID: Int?, codes: [String]) throws {
        let row = Row(at: at, login: login, action: action, target: target, detail: AuditStore.detail(rawDetail, codes: codes),
                      ticketID: ticketID)
        if db.inTransaction {
            let insert = Self.insert(row)
            try db.runLater(insert.sql, insert.params)
            sealDue = true
            return
        }
        // The row commits at its own Sync, whatever becomes of the seal after it.
        let outcomes = try db.pipeline([[Self.insert(row)], [Self.seal(wait: false)]])
        if let e = outcomes[0].error { throw e }
        noteSeal(outcomes[1])
    }

    /// Ends the open transaction: its unsent writes (the recorded rows among them) and the COMMIT, then a seal, in
    /// one round trip. Throws only when the COMMIT did not answer success; a seal that fails after it leaves the
    /// rows waiting for the next seal.
    func commitSealing() throws {
        guard sealDue else { return try db.commitPlain() }
        sealDue = false
        let outcomes = try db.pipeline([[PGStatement("COMMIT")], [Self.seal(wait: false)]])
        if let e = outcomes[0].error { throw e }
        noteSeal(outcomes[1])
    }

    /// The transaction rolled back: its rows were never written.
    func discardPending() { sealDue = false }

    /// Seals what this console left waiting, if anything, without waiting for another console (the prompt, the
    /// end of a script); what is still owed is sealed by the next seal anywhere or the next read of the trail.
    func settle() {
        guard sealOwed, !db.inTransaction else { return }
        let seal = Self.seal(wait: false)
        noteSeal(try? db.query(seal.sql, seal.params))
    }

    /// Every read of the trail sees every row committed before it, sealed: the transaction's own rows go first
    /// (unsent writes precede any statement), then the seal waits for any other console's to finish (safe to repeat, so tried again after a lost
    /// connection like any read). Inside a transaction the chain's lock is then held until it ends.
    func sealBeforeReading() throws {
        let seal = Self.seal(wait: true)
        _ = try db.query(seal.sql, seal.params)
        if !db.inTransaction { sealOwed = false }
    }

    private func noteSeal(_ outcome: PGPipelineOutcome) {
        if case .rows(let rows, _) = outcome { noteSeal(rows) } else { sealOwed = true }
    }

    private func noteSeal(_ rows: [PGRow]?) {
        sealOwed = (rows?.first?.int(0) ?? -1) < 0
    }

    private static func insert(_ row: Row) -> PGStatement {
        PGStatement("INSERT INTO audit_pending(at, operator, action, target, detail, ticket_id) VALUES ($1, $2, $3, $4, $5, $6)",
                    [.text(row.at), .text(row.login), .text(row.action), .of(row.target), .of(row.detail), .of(row.ticketID)])
    }

    private static func seal(wait: Bool) -> PGStatement {
        PGStatement("SELECT vssdesk_audit_seal($1)", [.bool(wait)])
    }

    /// How many rows the trail has and the last row's hash, read in one snapshot.
    func head() throws -> (rows: Int, hash: String) {
        try sealBeforeReading()
        let row = try db.queryOne("SELECT (SELECT count(*) FROM audit), (SELECT hash FROM audit ORDER BY id DESC LIMIT 1)")
        return (row?.int(0) ?? 0, row?.string(1) ?? AuditChain.genesis)
    }

    func count(action: String, target: String, since: String) throws -> Int {
        try sealBeforeReading()
        return try db.queryOne("SELECT count(*) FROM audit WHERE target = $1 AND action = $2 AND at >= $3",
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
        try sealBeforeReading()
        return try db.query("""
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
        try sealBeforeReading()
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
