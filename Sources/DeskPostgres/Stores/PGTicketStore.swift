import Desk
import DeskCore

/// Tickets, their timelines (`ticket_notes`) and each operator's open call (`open_calls`), with the SQLite store's
/// semantics (`DeskStore.TicketStore`): the same columns, orders and limits, so both engines list the same tickets.
final class PGTicketStore: TicketStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    static let columns = """
        id, opened_at, operator, line, caller_phone, caller_name, bhxh_code, category, summary, status, priority,
        first_response_at, resolved_at, closed_at, resolution, assigned_to, pending_since, paused_minutes
        """

    static func ticket(_ r: PGRow) -> TicketSummary {
        TicketSummary(id: r.int(0)!, openedAt: r.string(1)!, operatorLogin: r.string(2)!, line: r.int(3)!,
                      callerPhone: r.string(4), callerName: r.string(5), bhxhCode: r.string(6), category: r.string(7)!,
                      summary: r.string(8)!, status: r.string(9)!, priority: r.string(10)!, firstResponseAt: r.string(11),
                      resolvedAt: r.string(12), closedAt: r.string(13), resolution: r.string(14), assignedTo: r.string(15),
                      pendingSince: r.string(16), pausedMinutes: r.int(17) ?? 0)
    }

    func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?,
                bhxhCode: String?, category: String, summary: String, priority: String, synthetic: Bool) throws -> Int {
        let row = try db.queryOne("""
            INSERT INTO tickets(opened_at, operator, line, caller_phone, caller_name, bhxh_code, category, summary, priority, synthetic)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id
            """, [.text(openedAt), .text(login), .of(line), .of(callerPhone), .of(callerName), .of(bhxhCode),
                  .text(category), .text(summary), .text(priority), .int(synthetic ? 1 : 0)])
        return row!.int(0)!
    }

    func get(_ id: Int) throws -> TicketSummary? {
        try db.queryOne("SELECT \(Self.columns) FROM tickets WHERE id = $1", [.of(id)]).map(Self.ticket)
    }

    func notes(_ id: Int) throws -> [TicketNote] {
        try db.query("SELECT at, operator, kind, detail FROM ticket_notes WHERE ticket_id = $1 ORDER BY id", [.of(id)])
            .map { TicketNote(at: $0.string(0)!, operatorLogin: $0.string(1)!, kind: $0.string(2)!, detail: $0.string(3)!) }
    }

    /// Appends to a ticket's timeline; the first note, resend or status change sets `first_response_at`.
    func addNote(ticketID: Int, at: String, operator login: String, kind: String, detail: String,
                 countsAsResponse: Bool) throws {
        // Nobody reads their answers: both go with the transaction's next statement or its COMMIT.
        try db.runLater("INSERT INTO ticket_notes(ticket_id, at, operator, kind, detail) VALUES ($1, $2, $3, $4, $5)",
                        [.of(ticketID), .text(at), .text(login), .text(kind), .text(detail)])
        if countsAsResponse {
            try db.runLater("UPDATE tickets SET first_response_at = $2 WHERE id = $1 AND first_response_at IS NULL",
                            [.of(ticketID), .text(at)])
        }
    }

    func forCode(_ code: String, limit: Int) throws -> [TicketSummary] {
        try db.query("SELECT \(Self.columns) FROM tickets WHERE bhxh_code = $1 ORDER BY id DESC LIMIT $2",
                     [.text(code), .of(limit)]).map(Self.ticket)
    }

    /// The filter's terms, each a fixed SQL fragment with its own numbered parameter: only the set of fragments
    /// varies, never a value in the text (one prepared statement per combination of filters).
    func list(_ f: TicketFilter, limit: Int) throws -> [TicketSummary] {
        var terms: [String] = []
        var values: [PGValue] = []
        func next(_ v: PGValue) -> String {
            values.append(v)
            return "$\(values.count)"
        }
        if let statuses = f.statuses, !statuses.isEmpty {
            terms.append("status IN (\(statuses.map { next(.text($0)) }.joined(separator: ",")))")
        }
        if let v = f.operatorLogin { terms.append("operator = \(next(.text(v)))") }
        if let v = f.line { terms.append("line = \(next(.of(v)))") }
        if let v = f.category { terms.append("category = \(next(.text(v)))") }
        if let v = f.from { terms.append("opened_at >= \(next(.text(v)))") }
        if let v = f.to { terms.append("opened_at < \(next(.text(v)))") }
        if let v = f.callerPhone { terms.append("caller_phone = \(next(.text(v)))") }
        if let v = f.bhxhCode { terms.append("bhxh_code = \(next(.text(v)))") }
        if let v = f.assignee { terms.append("assigned_to = \(next(.text(v)))") }
        if let v = f.involving {
            let p = next(.text(v))
            terms.append("(operator = \(p) OR assigned_to = \(p))")
        }
        if let v = f.beforeID { terms.append("id < \(next(.of(v)))") }
        let clause = terms.isEmpty ? "TRUE" : terms.joined(separator: " AND ")
        let limitParameter = next(.of(limit))
        return try db.query("SELECT \(Self.columns) FROM tickets WHERE \(clause) ORDER BY id DESC LIMIT \(limitParameter)", values)
            .map(Self.ticket)
    }

    func lastNote(_ id: Int, kinds: [String]) throws -> String? {
        guard !kinds.isEmpty else { return nil }
        let marks = kinds.indices.map { "$\($0 + 2)" }.joined(separator: ",")
        return try db.queryOne("SELECT detail FROM ticket_notes WHERE ticket_id = $1 AND kind IN (\(marks)) ORDER BY id DESC LIMIT 1",
                               [.of(id)] + kinds.map { .text($0) })?.string(0)
    }

    func liveCallOperator(ticketID id: Int) throws -> String? {
        try db.queryOne("SELECT operator FROM open_calls WHERE ticket_id = $1", [.of(id)])?.string(0)
    }

    /// Folds a just-opened ticket into another: its timeline and queued messages move to `target` and the empty
    /// ticket goes, so a repeat call continued on its earlier ticket is one ticket, not two (SPEC §5).
    func fold(_ id: Int, into target: Int) throws {
        try db.transaction {
            try db.run("UPDATE ticket_notes SET ticket_id = $2 WHERE ticket_id = $1", [.of(id), .of(target)])
            try db.run("UPDATE sms_outbox SET ticket_id = $2 WHERE ticket_id = $1", [.of(id), .of(target)])
            try db.run("""
                UPDATE tickets SET first_response_at = (SELECT first_response_at FROM tickets WHERE id = $1)
                WHERE id = $2 AND first_response_at IS NULL
                """, [.of(id), .of(target)])
            try db.run("DELETE FROM open_calls WHERE ticket_id = $1", [.of(id)])
            try db.run("DELETE FROM tickets WHERE id = $1", [.of(id)])
        }
    }

    /// Open or recently resolved tickets of the same caller phone or mã số BHXH (repeat-caller detection).
    func recent(phone: String?, code: String?, since: String, excluding id: Int?) throws -> [TicketSummary] {
        try db.query("""
            SELECT \(Self.columns) FROM tickets
            WHERE (caller_phone = $1::text OR ($2::text IS NOT NULL AND bhxh_code = $2::text))
              AND (status IN ('open','pending') OR (status IN ('resolved','closed') AND resolved_at >= $3::text))
              AND ($4::bigint IS NULL OR id <> $4::bigint)
            ORDER BY id DESC LIMIT 5
            """, [.of(phone), .of(code), .text(since), .of(id)]).map(Self.ticket)
    }

    func update(_ t: TicketSummary) throws {
        try db.run("""
            UPDATE tickets SET status = $2, bhxh_code = $3, category = $4, summary = $5, priority = $6,
                first_response_at = $7, resolved_at = $8, closed_at = $9, resolution = $10, assigned_to = $11,
                pending_since = $12, paused_minutes = $13, caller_name = $14
            WHERE id = $1
            """, [.of(t.id), .text(t.status), .of(t.bhxhCode), .text(t.category), .text(t.summary),
                  .text(t.priority), .of(t.firstResponseAt), .of(t.resolvedAt), .of(t.closedAt), .of(t.resolution),
                  .of(t.assignedTo), .of(t.pendingSince), .of(t.pausedMinutes), .of(t.callerName)])
    }

    func openIDs(limit: Int) throws -> [Int] {
        try db.query("SELECT id FROM tickets WHERE status IN ('open','pending') ORDER BY id DESC LIMIT $1", [.of(limit)])
            .map { $0.int(0)! }
    }

    // MARK: open calls

    func openCall(operator login: String) throws -> (ticketID: Int, bhxhCode: String?)? {
        try db.queryOne("SELECT ticket_id, bhxh_code FROM open_calls WHERE operator = $1", [.text(login)])
            .map { ($0.int(0)!, $0.string(1)) }
    }

    func setOpenCall(operator login: String, ticketID: Int, bhxhCode: String?, at: String) throws {
        try db.run("""
            INSERT INTO open_calls(operator, ticket_id, bhxh_code, started_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (operator) DO UPDATE SET ticket_id = EXCLUDED.ticket_id, bhxh_code = EXCLUDED.bhxh_code,
                started_at = EXCLUDED.started_at
            """, [.text(login), .of(ticketID), .of(bhxhCode), .text(at)])
    }

    func clearOpenCall(operator login: String) throws {
        try db.run("DELETE FROM open_calls WHERE operator = $1", [.text(login)])
    }

    /// Every ticket opened in a range, streamed row by row (statistics over a national year of calls).
    func forEachTicket(from: String?, to: String?, _ body: (TicketSummary) throws -> Void) throws {
        try db.forEach("""
            SELECT \(Self.columns) FROM tickets WHERE ($1::text IS NULL OR opened_at >= $1::text) AND ($2::text IS NULL OR opened_at < $2::text)
            """, [.of(from), .of(to)]) { try body(Self.ticket($0)) }
    }
}
