import DeskCore
public final class TicketStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    static let columns = """
        id, opened_at, operator, line, caller_phone, caller_name, bhxh_code, category, summary, status, priority,
        first_response_at, resolved_at, closed_at, resolution, assigned_to, pending_since, paused_minutes
        """

    static func ticket(_ r: Row) -> TicketSummary {
        TicketSummary(id: r.int(0)!, openedAt: r.string(1)!, operatorLogin: r.string(2)!, line: r.int(3)!,
                      callerPhone: r.string(4), callerName: r.string(5), bhxhCode: r.string(6), category: r.string(7)!,
                      summary: r.string(8)!, status: r.string(9)!, priority: r.string(10)!, firstResponseAt: r.string(11),
                      resolvedAt: r.string(12), closedAt: r.string(13), resolution: r.string(14), assignedTo: r.string(15),
                      pendingSince: r.string(16), pausedMinutes: r.int(17) ?? 0)
    }

    public func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?,
                       bhxhCode: String?, category: String, summary: String, priority: String, synthetic: Bool = false) throws -> Int {
        try db.run("""
            INSERT INTO tickets(opened_at, operator, line, caller_phone, caller_name, bhxh_code, category, summary, priority, synthetic)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(openedAt), .text(login), .int(Int64(line)), .of(callerPhone), .of(callerName), .of(bhxhCode),
                  .text(category), .text(summary), .text(priority), .of(synthetic)])
        return Int(db.lastInsertRowID)
    }

    public func get(_ id: Int) throws -> TicketSummary? {
        try db.queryOne("SELECT \(Self.columns) FROM tickets WHERE id = ?", [.int(Int64(id))]).map(Self.ticket)
    }

    public func notes(_ id: Int) throws -> [TicketNote] {
        try db.query("SELECT at, operator, kind, detail FROM ticket_notes WHERE ticket_id = ? ORDER BY id", [.int(Int64(id))])
            .map { TicketNote(at: $0.string(0)!, operatorLogin: $0.string(1)!, kind: $0.string(2)!, detail: $0.string(3)!) }
    }

    /// Appends to a ticket's timeline; the first note, resend or status change sets `first_response_at`.
    public func addNote(ticketID: Int, at: String, operator login: String, kind: String, detail: String,
                        countsAsResponse: Bool) throws {
        try db.run("INSERT INTO ticket_notes(ticket_id, at, operator, kind, detail) VALUES (?, ?, ?, ?, ?)",
                   [.int(Int64(ticketID)), .text(at), .text(login), .text(kind), .text(detail)])
        if countsAsResponse {
            try db.run("UPDATE tickets SET first_response_at = ?2 WHERE id = ?1 AND first_response_at IS NULL",
                       [.int(Int64(ticketID)), .text(at)])
        }
    }

    public func forCode(_ code: String, limit: Int) throws -> [TicketSummary] {
        try db.query("SELECT \(Self.columns) FROM tickets WHERE bhxh_code = ? ORDER BY id DESC LIMIT ?",
                     [.text(code), .int(Int64(limit))]).map(Self.ticket)
    }

    public func list(_ f: TicketFilter, limit: Int) throws -> [TicketSummary] {
        var terms: [String] = []
        var values: [SQLValue] = []
        func add(_ sql: String, _ v: SQLValue?) {
            guard let v else { return }
            values.append(v)
            terms.append(sql.replacingOccurrences(of: "?", with: "?\(values.count)"))
        }
        if let statuses = f.statuses, !statuses.isEmpty {
            let marks = statuses.map { s -> String in values.append(.text(s)); return "?\(values.count)" }
            terms.append("status IN (\(marks.joined(separator: ",")))")
        }
        add("operator = ?", f.operatorLogin.map { .text($0) })
        add("line = ?", f.line.map { .int(Int64($0)) })
        add("category = ?", f.category.map { .text($0) })
        add("opened_at >= ?", f.from.map { .text($0) })
        add("opened_at < ?", f.to.map { .text($0) })
        add("caller_phone = ?", f.callerPhone.map { .text($0) })
        add("bhxh_code = ?", f.bhxhCode.map { .text($0) })
        add("assigned_to = ?", f.assignee.map { .text($0) })
        add("(operator = ? OR assigned_to = ?)", f.involving.map { .text($0) })
        add("id < ?", f.beforeID.map { .int(Int64($0)) })
        values.append(.int(Int64(limit)))
        let clause = terms.isEmpty ? "1" : terms.joined(separator: " AND ")
        return try db.query("SELECT \(Self.columns) FROM tickets WHERE \(clause) ORDER BY id DESC LIMIT ?\(values.count)", values)
            .map(Self.ticket)
    }

    /// The text of a ticket's latest note of one of `kinds`, if any.
    public func lastNote(_ id: Int, kinds: [String]) throws -> String? {
        let marks = kinds.indices.map { "?\($0 + 2)" }.joined(separator: ",")
        return try db.queryOne("SELECT detail FROM ticket_notes WHERE ticket_id = ?1 AND kind IN (\(marks)) ORDER BY id DESC LIMIT 1",
                               [.int(Int64(id))] + kinds.map { .text($0) })?.string(0)
    }

    /// The operator whose live call ticket `id` is, if any.
    public func liveCallOperator(ticketID id: Int) throws -> String? {
        try db.queryOne("SELECT operator FROM open_calls WHERE ticket_id = ?", [.int(Int64(id))])?.string(0)
    }

    /// Folds a just-opened ticket into another: its timeline moves to `into` and the empty ticket goes, so a repeat
    /// call continued on its earlier ticket is one ticket, not two (SPEC §5). Messages queued on it move too.
    public func fold(_ id: Int, into target: Int) throws {
        try db.run("UPDATE ticket_notes SET ticket_id = ?2 WHERE ticket_id = ?1", [.int(Int64(id)), .int(Int64(target))])
        try db.run("UPDATE sms_outbox SET ticket_id = ?2 WHERE ticket_id = ?1", [.int(Int64(id)), .int(Int64(target))])
        try db.run("""
            UPDATE tickets SET first_response_at = (SELECT first_response_at FROM tickets WHERE id = ?1)
            WHERE id = ?2 AND first_response_at IS NULL
            """, [.int(Int64(id)), .int(Int64(target))])
        try db.run("DELETE FROM open_calls WHERE ticket_id = ?", [.int(Int64(id))])
        try db.run("DELETE FROM tickets WHERE id = ?", [.int(Int64(id))])
    }

    /// Open or recently resolved tickets of the same caller phone or mã số BHXH (repeat-caller detection).
    public func recent(phone: String?, code: String?, since: String, excluding id: Int?) throws -> [TicketSummary] {
        try db.query("""
            SELECT \(Self.columns) FROM tickets
            WHERE (caller_phone = ?1 OR (?2 IS NOT NULL AND bhxh_code = ?2))
              AND (status IN ('open','pending') OR (status IN ('resolved','closed') AND resolved_at >= ?3))
              AND (?4 IS NULL OR id <> ?4)
            ORDER BY id DESC LIMIT 5
            """, [.of(phone), .of(code), .text(since), .of(id)]).map(Self.ticket)
    }

    /// Updates the mutable fields of a ticket (status transitions are checked by the service).
    public func update(_ t: TicketSummary) throws {
        try db.run("""
            UPDATE tickets SET status = ?2, bhxh_code = ?3, category = ?4, summary = ?5, priority = ?6,
                first_response_at = ?7, resolved_at = ?8, closed_at = ?9, resolution = ?10, assigned_to = ?11,
                pending_since = ?12, paused_minutes = ?13, caller_name = ?14
            WHERE id = ?1
            """, [.int(Int64(t.id)), .text(t.status), .of(t.bhxhCode), .text(t.category), .text(t.summary),
                  .text(t.priority), .of(t.firstResponseAt), .of(t.resolvedAt), .of(t.closedAt), .of(t.resolution),
                  .of(t.assignedTo), .of(t.pendingSince), .int(Int64(t.pausedMinutes)), .of(t.callerName)])
    }

    public func openIDs(limit: Int = 200) throws -> [Int] {
        try db.query("SELECT id FROM tickets WHERE status IN ('open','pending') ORDER BY id DESC LIMIT ?", [.int(Int64(limit))])
            .map { $0.int(0)! }
    }

    // MARK: open calls

    public func openCall(operator login: String) throws -> (ticketID: Int, bhxhCode: String?)? {
        try db.queryOne("SELECT ticket_id, bhxh_code FROM open_calls WHERE operator = ?", [.text(login)]).map { ($0.int(0)!, $0.string(1)) }
    }

    public func setOpenCall(operator login: String, ticketID: Int, bhxhCode: String?, at: String) throws {
        try db.run("""
            INSERT INTO open_calls(operator, ticket_id, bhxh_code, started_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(operator) DO UPDATE SET ticket_id = excluded.ticket_id, bhxh_code = excluded.bhxh_code,
                started_at = excluded.started_at
            """, [.text(login), .int(Int64(ticketID)), .of(bhxhCode), .text(at)])
    }

    public func clearOpenCall(operator login: String) throws {
        try db.run("DELETE FROM open_calls WHERE operator = ?", [.text(login)])
    }

    /// All tickets opened in a range with what statistics need, streamed to `body`.
    public func forEachTicket(from: String?, to: String?, _ body: (TicketSummary) throws -> Void) throws {
        let s = try db.statement("SELECT \(Self.columns) FROM tickets WHERE (?1 IS NULL OR opened_at >= ?1) AND (?2 IS NULL OR opened_at < ?2)")
        try s.bind([.of(from), .of(to)])
        while let r = try s.next() { try body(Self.ticket(r)) }
    }
}
