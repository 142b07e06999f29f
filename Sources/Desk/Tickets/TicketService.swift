import Foundation
import DeskCore
import DeskStore

/// Tickets and calls (SPEC §5): every call is a ticket; what the operator does on it is its timeline.
public struct TicketService {
    let session: Session
    public init(session: Session) { self.session = session }

    public static let categories = ["install", "register", "photos", "agency", "declaration", "login", "password", "child",
                                    "account", "scam", "other"]
    public static let priorities = ["low", "normal", "high", "urgent"]

    /// Which status may follow which (SPEC §5: open → pending → resolved → closed; reopen).
    public static let transitions: [String: Set<String>] = [
        "open": ["pending", "resolved"],
        "pending": ["open", "resolved"],
        "resolved": ["closed", "open"],
        "closed": ["open"],
    ]

    public struct CallInfo {
        public var ticket: TicketSummary
        public var registrations: [Registration]
        public var repeats: [TicketSummary]
        public var findings: [Finding]
        public var phoneKind: Phone.Kind
    }

    func normalisedCaller(_ raw: String) throws -> (String, Phone.Kind) {
        let p = Phone(raw)
        guard !p.normalized.isEmpty, p.normalized.allSatisfy(\.isNumber), (9...11).contains(p.normalized.count) else {
            throw DeskError.invalid("\"\(raw)\" is not a phone number (e.g. 0901 234 567, +84 90 123 4567, 028 3854 3385)")
        }
        return (p.kind == .oldMobile ? (p.suggestedNew ?? p.normalized) : p.normalized, p.kind)
    }

    func validLine(_ line: Int?) throws -> Int {
        guard let line = line ?? session.actor.line else {
            throw DeskError.usage("give the line the call came in on: --line 120–129 (you have no default line)")
        }
        guard (120...129).contains(line) else { throw DeskError.invalid("line must be 120–129, got \(line)") }
        return line
    }

    func check(category: String?) throws -> String {
        let c = category ?? "other"
        guard Self.categories.contains(c) else {
            throw DeskError.invalid("category must be one of \(Self.categories.joined(separator: ", ")), got \(c)")
        }
        return c
    }

    func check(priority: String?) throws -> String {
        let p = priority ?? "normal"
        guard Self.priorities.contains(p) else { throw DeskError.invalid("priority must be low, normal, high or urgent, got \(p)") }
        return p
    }

    /// `call PHONE`: opens a ticket, shows the caller's registrations, flags a repeat caller.
    public func openCall(phone raw: String, line: Int?, callerName: String?) throws -> CallInfo {
        if let open = session.openTicketID {
            throw DeskError.invalid("call #\(open) is still open: finish it with `done RESOLUTION` or `hold` first")
        }
        let (phone, kind) = try normalisedCaller(raw)
        let line = try validLine(line)
        let store = session.store
        let now = session.clock.nowText
        let regs = try store.registrations.byPhoneAnySpelling(phone, limit: 20)
        let code = regs.count == 1 ? regs[0].bhxhCode : nil
        let ticketID: Int = try store.transaction {
            // Another console of the same operator may hold a call (SPEC §5): never replace it silently.
            if let other = try store.tickets.openCall(operator: session.actor.login),
               let t = try store.tickets.get(other.ticketID), t.status == "open" || t.status == "pending" {
                throw DeskError.invalid("call #\(other.ticketID) is still open: finish it with `done RESOLUTION` or `hold` first")
            }
            let id = try store.tickets.create(openedAt: now, operator: session.actor.login, line: line, callerPhone: phone,
                                              callerName: callerName?.nfcCollapsed, bhxhCode: code, category: "other",
                                              summary: "Cuộc gọi từ \(Masking.phone(phone))", priority: "normal")
            try store.tickets.addNote(ticketID: id, at: now, operator: session.actor.login, kind: "call",
                                      detail: "mở cuộc gọi line \(line); \(regs.count) hồ sơ theo số này", countsAsResponse: false)
            try store.tickets.setOpenCall(operator: session.actor.login, ticketID: id, bhxhCode: code, at: now)
            try store.audit.record(at: now, operator: session.actor.login, action: "call", target: phone,
                                   detail: "ticket #\(id); \(regs.count) registration(s)", ticketID: id)
            return id
        }
        session.openTicketID = ticketID
        session.callRegistration = code
        let since = DateText.format(session.clock.now.addingTimeInterval(-7 * 86400))
        var repeats = try store.tickets.recent(phone: phone, code: nil, since: since, excluding: ticketID)
        for r in regs {
            for t in try store.tickets.recent(phone: nil, code: r.bhxhCode, since: since, excluding: ticketID)
            where !repeats.contains(where: { $0.id == t.id }) { repeats.append(t) }
        }
        var findings: [Finding] = []
        if let code { findings = try DiagnosisService(session: session).diagnose(code, audit: false).1 }
        return CallInfo(ticket: try store.tickets.get(ticketID)!, registrations: regs, repeats: repeats, findings: findings, phoneKind: kind)
    }

    /// Links the open call to one registration (when the phone matched several or none).
    public func focus(code: String) throws {
        guard let id = session.openTicketID else { return }
        guard var t = try session.store.tickets.get(id) else { return }
        try session.store.transaction {
            t.bhxhCode = code
            try session.store.tickets.update(t)
            try session.store.tickets.setOpenCall(operator: session.actor.login, ticketID: id, bhxhCode: code, at: session.clock.nowText)
        }
        session.callRegistration = code
    }

    public func create(caller raw: String, line: Int?, code: String?, category: String?, priority: String?, summary: String) throws -> TicketSummary {
        let (phone, _) = try normalisedCaller(raw)
        let line = try validLine(line)
        let category = try check(category: category)
        let priority = try check(priority: priority)
        if let code, BhxhCode(code) == nil { throw DeskError.invalid("--code must be a 10-digit mã số BHXH") }
        let summary = summary.nfcCollapsed
        guard !summary.isEmpty else { throw DeskError.usage("ticket new needs a SUMMARY") }
        let now = session.clock.nowText
        let id: Int = try session.store.transaction {
            let id = try session.store.tickets.create(openedAt: now, operator: session.actor.login, line: line, callerPhone: phone,
                                                      callerName: nil, bhxhCode: code, category: category, summary: summary, priority: priority)
            try session.store.audit.record(at: now, operator: session.actor.login, action: "ticket_new", target: code ?? phone,
                                           detail: "ticket #\(id)", ticketID: id)
            return id
        }
        return try session.store.tickets.get(id)!
    }

    public func get(_ id: Int) throws -> TicketSummary {
        guard let t = try session.store.tickets.get(id) else { throw DeskError.notFound("no ticket #\(id)") }
        return t
    }

    public func note(_ id: Int?, text: String) throws -> TicketSummary {
        guard let id = id ?? session.openTicketID else { throw DeskError.usage("no open call: use `ticket note ID TEXT`") }
        let text = text.nfcCollapsed
        guard !text.isEmpty else { throw DeskError.usage("note needs some text") }
        let t = try get(id)
        try session.store.transaction {
            try session.store.tickets.addNote(ticketID: id, at: session.clock.nowText, operator: session.actor.login, kind: "note",
                                              detail: text, countsAsResponse: true)
            try session.store.audit.record(at: session.clock.nowText, operator: session.actor.login, action: "note",
                                           target: t.bhxhCode ?? t.callerPhone, detail: "ticket #\(id)", ticketID: id)
        }
        return try get(id)
    }

    /// Moves a ticket to `status`, checking the transition, keeping the SLA pause and the timeline.
    public func transition(_ id: Int, to status: String, resolution: String? = nil, category: String? = nil) throws -> TicketSummary {
        var t = try get(id)
        guard Self.transitions[t.status]?.contains(status) == true else {
            let allowed = Self.transitions[t.status].map { $0.sorted().joined(separator: ", ") } ?? "none"
            throw DeskError.invalid("ticket #\(id) is \(t.status); it can go to: \(allowed)")
        }
        let now = session.clock.nowText
        let policy = try SLAPolicy.load(session.settings, today: session.clock.today)
        if t.status == "pending", let since = t.pendingSince.flatMap(DateText.parseInstant) {
            t.pausedMinutes += policy.calendar.officeMinutes(from: since, to: session.clock.now)
            t.pendingSince = nil
        }
        let from = t.status
        t.status = status
        switch status {
        case "pending": t.pendingSince = now
        case "resolved":
            t.resolvedAt = now
            if let resolution { t.resolution = resolution.nfcCollapsed }
        case "closed": t.closedAt = now
        case "open":
            if from == "resolved" || from == "closed" { t.resolvedAt = nil; t.closedAt = nil }
        default: break
        }
        if let category { t.category = try check(category: category) }
        let detail = "\(from) → \(status)" + (resolution.map { ": \($0)" } ?? "")
        try session.store.transaction {
            try session.store.tickets.update(t)
            try session.store.tickets.addNote(ticketID: id, at: now, operator: session.actor.login, kind: "status", detail: detail,
                                              countsAsResponse: true)
            try session.store.audit.record(at: now, operator: session.actor.login, action: "ticket_\(status)",
                                           target: t.bhxhCode ?? t.callerPhone, detail: "ticket #\(id): \(detail)", ticketID: id)
            if status != "open", session.openTicketID == id {
                try session.store.tickets.clearOpenCall(operator: session.actor.login)
            }
        }
        if status != "open", session.openTicketID == id {
            session.openTicketID = nil
            session.callRegistration = nil
        }
        return try get(id)
    }

    /// `done RESOLUTION`: resolves the open call.
    public func done(resolution: String, category: String?) throws -> TicketSummary {
        guard let id = session.openTicketID else { throw DeskError.usage("no open call to finish (start one with `call PHONE`)") }
        guard !resolution.nfcCollapsed.isEmpty else { throw DeskError.usage("done needs the resolution, e.g. done \"đã gửi lại mật khẩu\"") }
        return try transition(id, to: "resolved", resolution: resolution, category: category)
    }

    /// `hold`: the open call waits on the caller (SLA paused).
    public func hold(note: String?) throws -> TicketSummary {
        guard let id = session.openTicketID else { throw DeskError.usage("no open call to put on hold") }
        if let note, !note.nfcCollapsed.isEmpty { _ = try self.note(id, text: note) }
        return try transition(id, to: "pending")
    }

    public func assign(_ id: Int, to login: String) throws -> TicketSummary {
        guard let op = try session.store.operators.get(login), op.active else { throw DeskError.notFound("no active operator \(login)") }
        var t = try get(id)
        t.assignedTo = op.login
        try session.store.transaction {
            try session.store.tickets.update(t)
            try session.store.tickets.addNote(ticketID: id, at: session.clock.nowText, operator: session.actor.login, kind: "assign",
                                              detail: "giao cho \(login)", countsAsResponse: false)
            try session.audit("ticket_assign", target: String(id), detail: login)
        }
        return try get(id)
    }

    public func list(_ filter: TicketFilter, overdue: Bool, limit: Int) throws -> [(TicketSummary, SLAPolicy.State)] {
        let policy = try SLAPolicy.load(session.settings, today: session.clock.today)
        var f = filter
        if overdue {
            // Only running tickets can be overdue: `--status resolved --overdue` lists nothing (an empty status list
            // would mean "any status" to the store).
            let running = (f.statuses ?? ["open", "pending"]).filter { $0 == "open" || $0 == "pending" }
            if running.isEmpty {
                try session.audit("ticket_list", target: nil, detail: "0 ticket(s) overdue")
                return []
            }
            f.statuses = running
        }
        // Overdue is decided by the SLA clock in Swift, so running tickets are read newest first a page at a time
        // until `limit` of them are overdue, instead of loading every open ticket.
        var out: [(TicketSummary, SLAPolicy.State)] = []
        let page = overdue ? max(limit, 500) : limit
        while out.count < limit {
            let rows = try session.store.tickets.list(f, limit: page)
            for t in rows where out.count < limit {
                let s = policy.state(t, now: session.clock.now)
                if overdue && !(s.firstResponseBreached || s.resolutionBreached) { continue }
                out.append((t, s))
            }
            guard overdue, rows.count == page, let last = rows.last else { break }
            f.beforeID = last.id
        }
        try session.audit("ticket_list", target: nil, detail: "\(out.count) ticket(s)\(overdue ? " overdue" : "")")
        return out
    }

    public func timeline(_ id: Int) throws -> (TicketSummary, [TicketNote], SLAPolicy.State) {
        let t = try get(id)
        let notes = try session.store.tickets.notes(id)
        try session.audit("ticket_show", target: String(id))
        return (t, notes, try SLAPolicy.load(session.settings, today: session.clock.today).state(t, now: session.clock.now))
    }
}
