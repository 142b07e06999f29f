import Foundation
import DeskCore

/// Tickets and calls (SPEC §5): every call is a ticket; what the operator does on it is its timeline.
public struct TicketService {
    let session: Session
    public init(session: Session) { self.session = session }

    public static var categories: [String] { TicketCategory.names }
    public static var priorities: [String] { TicketPriority.names }

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
        /// Each repeat's last resolution or note (what was said, not the automatic summary), by ticket id.
        public var lastWords: [Int: String] = [:]
        public var findings: [Finding]
        public var phoneKind: Phone.Kind
        /// The registration the call is about (`show`, `diagnose`, `resend` without a CODE), if one is chosen.
        public var focus: String?
        /// Each registration's most severe finding (nil: none), by mã số BHXH, for choosing among several.
        public var worst: [String: Finding] = [:]
        /// `call --continue`: the earlier ticket became the live call.
        public var continued = false
        /// `call --continue` right after `call`: the just-opened ticket folded into the continued one.
        public var merged: Int?
    }

    func normalisedCaller(_ raw: String) throws -> (String, Phone.Kind) {
        let p = Phone(raw)
        guard !p.normalized.isEmpty, p.normalized.allSatisfy(\.isNumber), (9...11).contains(p.normalized.count) else {
            throw DeskError.invalid(.notAPhone, ["value": .text(raw)])
        }
        return (p.kind == .oldMobile ? (p.suggestedNew ?? p.normalized) : p.normalized, p.kind)
    }

    func validLine(_ line: Int?) throws -> Int {
        guard let line = line ?? session.actor.line else {
            throw DeskError.usage(.lineNeeded, ["range": .text(HotlineLine.rangeText)])
        }
        guard HotlineLine.isValid(line) else { throw DeskError.invalid(.badLine, ["range": .text(HotlineLine.rangeText), "line": .text(String(line))]) }
        return line
    }

    func check(category: String?) throws -> String {
        let c = category ?? "other"
        guard Self.categories.contains(c) else {
            throw DeskError.invalid(.badCategory, ["value": .text(c), "values": .text(Self.categories.joined(separator: ", "))])
        }
        return c
    }

    func check(priority: String?) throws -> String {
        let p = priority ?? "normal"
        guard Self.priorities.contains(p) else { throw DeskError.invalid(.badPriority, ["value": .text(p), "values": .text(Self.priorities.joined(separator: ", "))]) }
        return p
    }

    /// `call PHONE`: opens a ticket, shows the caller's registrations, flags a repeat caller.
    public func openCall(phone raw: String, line: Int?, callerName: String?) throws -> CallInfo {
        if let open = session.openTicketID {
            throw DeskError.invalid(.callStillOpen, ["id": .text(String(open))])
        }
        let (phone, kind) = try normalisedCaller(raw)
        let line = try validLine(line)
        let storage = session.storage
        let now = session.clock.nowText
        let regs = try storage.registrations.byPhoneAnySpelling(phone, limit: 20)
        let code = regs.count == 1 ? regs[0].bhxhCode : nil
        let ticketID: Int = try storage.transaction {
            // Another console of the same operator may hold a call (SPEC §5): never replace it silently.
            if let other = try storage.tickets.openCall(operator: session.actor.login),
               let t = try storage.tickets.get(other.ticketID), t.status == "open" || t.status == "pending" {
                throw DeskError.invalid(.callStillOpen, ["id": .text(String(other.ticketID))])
            }
            let id = try storage.tickets.create(openedAt: now, operator: session.actor.login, line: line, callerPhone: phone,
                                              callerName: callerName?.nfcCollapsed, bhxhCode: code, category: "other",
                                              summary: Masking.phone(phone), priority: "normal")
            try storage.tickets.addNote(ticketID: id, at: now, operator: session.actor.login, kind: "call",
                                      detail: TimelineDetail.make([("line", String(line)), ("registrations", String(regs.count))]),
                                      countsAsResponse: false)
            try storage.tickets.setOpenCall(operator: session.actor.login, ticketID: id, bhxhCode: code, at: now)
            try storage.audit.record(at: now, operator: session.actor.login, action: "call", target: phone,
                                   detail: TimelineDetail.make([("ticket", String(id)), ("registrations", String(regs.count))]), ticketID: id, codes: regs.map(\.bhxhCode))
            return id
        }
        session.openTicketID = ticketID
        session.callRegistration = code
        return try callInfo(ticketID, phone: phone, registrations: regs, kind: kind)
    }

    /// What the call screen shows for the live call `ticketID`: the caller's registrations, their earlier tickets
    /// (same phone or mã số BHXH, open or resolved in the last 7 days) with what was last said on each, and the
    /// diagnosis of the registration the call is about.
    func callInfo(_ ticketID: Int, phone: String, registrations regs: [Registration], kind: Phone.Kind) throws -> CallInfo {
        let storage = session.storage
        let since = DateText.format(session.clock.now.addingTimeInterval(-7 * 86400))
        var repeats = try storage.tickets.recent(phone: phone, code: nil, since: since, excluding: ticketID)
        for r in regs {
            for t in try storage.tickets.recent(phone: nil, code: r.bhxhCode, since: since, excluding: ticketID)
            where !repeats.contains(where: { $0.id == t.id }) { repeats.append(t) }
        }
        var lastWords: [Int: String] = [:]
        for t in repeats {
            if let words = try t.resolution ?? storage.tickets.lastNote(t.id, kinds: ["note"]) { lastWords[t.id] = words }
        }
        var findings: [Finding] = []
        let diagnosis = DiagnosisService(session: session)
        if let code = session.callRegistration { findings = try diagnosis.diagnose(code, audit: false).1 }
        var worst: [String: Finding] = [:]
        for r in regs {
            worst[r.bhxhCode] = r.bhxhCode == session.callRegistration ? findings.first : try diagnosis.diagnose(r.bhxhCode, audit: false).1.first
        }
        return CallInfo(ticket: try storage.tickets.get(ticketID)!, registrations: regs, repeats: repeats, lastWords: lastWords,
                        findings: findings, phoneKind: kind, focus: session.callRegistration, worst: worst)
    }

    /// The open call picked up again after the console died (SPEC §5), with what its screen showed: the
    /// registration the call is about (else those on the caller's phone) and its diagnosis; with `screen` false,
    /// only the ticket (a one-shot command shows nothing of it). Nil when there is none.
    public func resumeCall(screen: Bool = true) throws -> CallInfo? {
        let storage = session.storage
        guard let open = try storage.tickets.openCall(operator: session.actor.login),
              let t = try storage.tickets.get(open.ticketID), t.status == "open" || t.status == "pending" else { return nil }
        session.openTicketID = t.id
        session.callRegistration = open.bhxhCode
        let phone = Phone(t.callerPhone ?? "")
        guard screen else { return CallInfo(ticket: t, registrations: [], repeats: [], findings: [], phoneKind: phone.kind) }
        let regs: [Registration]
        if let code = open.bhxhCode, let r = try storage.registrations.get(code) {
            regs = [r]
        } else {
            regs = t.callerPhone.map { try? storage.registrations.byPhoneAnySpelling($0, limit: 20) }.flatMap { $0 } ?? []
        }
        return try callInfo(t.id, phone: t.callerPhone ?? "", registrations: regs, kind: phone.kind)
    }

    /// Which topic (SPEC §5 category) each rule's finding is about: the category of the KB article that fixes it.
    static let categoryOfArticle: [String: String] = [
        "tai-ung-dung": "install", "dang-ky-tai-khoan": "register", "xac-minh-tai-co-quan": "register",
        "cap-nhat-anh": "photos", "chon-co-quan": "agency", "xem-to-khai": "declaration", "dang-nhap": "login",
        "dang-nhap-vneid": "login", "quen-mat-khau": "password", "dang-ky-cho-con": "child", "doi-sdt-email": "account",
        "cap-nhat-cccd": "account", "canh-bao-lua-dao": "scam",
    ]

    /// The category `done` proposes when none is given, from what was done on the call: a resend means `password`;
    /// otherwise the topic of the most severe finding of the registration the call is about; else `other`.
    public func proposedCategory(_ id: Int) throws -> (category: String, reason: DeskMessage) {
        let t = try get(id)
        let notes = try session.storage.tickets.notes(id)
        if notes.contains(where: { $0.kind == "resend" }) { return ("password", DeskMessage(ServiceText.proposedByResend)) }
        if let code = t.bhxhCode, try session.storage.registrations.exists(code),
           let worst = try DiagnosisService(session: session).diagnose(code, audit: false).1.first,
           let category = Self.categoryOfArticle[worst.kb] {
            return (category, DeskMessage(ServiceText.proposedByFinding, ["rule": .text(worst.rule), "code": .text(code)]))
        }
        return (t.category, DeskMessage(t.category == "other" ? ServiceText.proposedNothing : ServiceText.proposedAsRecorded))
    }

    /// `call PHONE --continue N`: the caller's open or pending ticket N becomes the live call instead of a new one
    /// (SPEC §5). Right after a plain `call` from the same phone (the offer is on its screen), the ticket that call
    /// opened is folded into N, so the repeat call stays one ticket.
    public func continueCall(_ id: Int, phone raw: String, line: Int?, callerName: String?) throws -> CallInfo {
        let (phone, kind) = try normalisedCaller(raw)
        let line = try validLine(line)
        let storage = session.storage
        let me = session.actor.login
        let now = session.clock.nowText
        let target = try get(id)
        guard target.status == "open" || target.status == "pending" else {
            throw DeskError.invalid(.cannotContinue, ["id": .text(String(id)), "status": .value(group: "ticket", raw: target.status),
                                                      "phone": .text(Masking.phone(phone))])
        }
        let regs = try storage.registrations.byPhoneAnySpelling(phone, limit: 20)
        var merged: Int?
        try storage.transaction {
            if let holder = try storage.tickets.liveCallOperator(ticketID: id), holder != me {
                throw DeskError.invalid(.someoneElsesCall, ["id": .text(String(id)), "login": .text(holder)])
            }
            if let live = try storage.tickets.openCall(operator: me), live.ticketID != id,
               let t = try storage.tickets.get(live.ticketID), t.status == "open" || t.status == "pending" {
                // Only the ticket a `call` from this same phone just opened may be folded; any other call is finished first.
                guard t.status == "open", t.operatorLogin == me, t.callerPhone == phone, t.assignedTo == nil,
                      t.resolution == nil else {
                    throw DeskError.invalid(.callStillOpen, ["id": .text(String(t.id))])
                }
                try storage.tickets.fold(t.id, into: id)
                merged = t.id
            }
            var t = try storage.tickets.get(id)!
            if t.bhxhCode == nil, regs.count == 1 {
                t.bhxhCode = regs[0].bhxhCode
                try storage.tickets.update(t)
            }
            try storage.tickets.addNote(ticketID: id, at: now, operator: me, kind: "call",
                                      detail: TimelineDetail.make([("again", "1"), ("line", String(line)),
                                                                   ("from", t.callerPhone == phone ? nil : Masking.phone(phone)),
                                                                   ("merged", merged.map { "#\($0)" })]),
                                      countsAsResponse: false)
            try storage.tickets.setOpenCall(operator: me, ticketID: id, bhxhCode: t.bhxhCode, at: now)
            try storage.audit.record(at: now, operator: me, action: "call_continue", target: phone,
                                   detail: TimelineDetail.make([("ticket", String(id)), ("merged", merged.map(String.init))]), ticketID: id)
        }
        session.openTicketID = id
        session.callRegistration = try storage.tickets.get(id)?.bhxhCode
        if target.status == "pending" { _ = try transition(id, to: "open") }
        if let callerName, !callerName.nfcCollapsed.isEmpty, var t = try storage.tickets.get(id), t.callerName == nil {
            t.callerName = callerName.nfcCollapsed
            try storage.tickets.update(t)
        }
        var info = try callInfo(id, phone: phone, registrations: regs, kind: kind)
        info.continued = true
        info.merged = merged
        return info
    }

    /// Links the open call to one registration (when the phone matched several or none).
    /// The newest note of a ticket's timeline (what was said last time, for a continued call).
    public func lastNote(_ id: Int) throws -> String? { try session.storage.tickets.lastNote(id, kinds: ["note"]) }

    public func focus(code: String) throws {
        guard let id = session.openTicketID else { return }
        guard var t = try session.storage.tickets.get(id) else { return }
        try session.storage.transaction {
            t.bhxhCode = code
            try session.storage.tickets.update(t)
            try session.storage.tickets.setOpenCall(operator: session.actor.login, ticketID: id, bhxhCode: code, at: session.clock.nowText)
        }
        session.callRegistration = code
    }

    public func create(caller raw: String, line: Int?, code: String?, category: String?, priority: String?, summary: String) throws -> TicketSummary {
        let (phone, _) = try normalisedCaller(raw)
        let line = try validLine(line)
        let category = try check(category: category)
        let priority = try check(priority: priority)
        if let code, BhxhCode(code) == nil { throw DeskError.invalid(.codeFlagShape) }
        let summary = summary.nfcCollapsed
        guard !summary.isEmpty else { throw DeskError.usage(.ticketNeedsSummary) }
        let now = session.clock.nowText
        // Only adds rows: a ticket and its audit row.
        let id: Int = try session.storage.appendTransaction {
            let id = try session.storage.tickets.create(openedAt: now, operator: session.actor.login, line: line, callerPhone: phone,
                                                      callerName: nil, bhxhCode: code, category: category, summary: summary, priority: priority)
            try session.storage.audit.record(at: now, operator: session.actor.login, action: "ticket_new", target: code ?? phone,
                                           detail: TimelineDetail.make([("ticket", String(id))]), ticketID: id)
            return id
        }
        return try session.storage.tickets.get(id)!
    }

    public func get(_ id: Int) throws -> TicketSummary {
        guard let t = try session.storage.tickets.get(id) else { throw DeskError.notFound(.noTicket, ["id": .text(String(id))]) }
        return t
    }

    public func note(_ id: Int?, text: String) throws -> TicketSummary {
        guard let id = id ?? session.openTicketID else { throw DeskError.usage(.noteWithoutCall) }
        let text = text.nfcCollapsed
        guard !text.isEmpty else { throw DeskError.usage(.noteNeedsText) }
        let t = try get(id)
        // Only adds rows (the note, its audit row) and sets the first response once, conditionally.
        try session.storage.appendTransaction {
            try session.storage.tickets.addNote(ticketID: id, at: session.clock.nowText, operator: session.actor.login, kind: "note",
                                              detail: text, countsAsResponse: true)
            try session.storage.audit.record(at: session.clock.nowText, operator: session.actor.login, action: "note",
                                           target: t.bhxhCode ?? t.callerPhone, detail: TimelineDetail.make([("ticket", String(id))]), ticketID: id)
        }
        return try get(id)
    }

    /// Moves a ticket to `status`, checking the transition, keeping the SLA pause and the timeline.
    public func transition(_ id: Int, to status: String, resolution: String? = nil, category: String? = nil) throws -> TicketSummary {
        var t = try get(id)
        guard Self.transitions[t.status]?.contains(status) == true else {
            throw DeskError.invalid(.cannotMove, ["id": .text(String(id)), "status": .value(group: "ticket", raw: t.status),
                                                  "allowed": .values(group: "ticket", raws: Self.transitions[t.status].map { $0.sorted() } ?? [])])
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
        try session.storage.transaction {
            try session.storage.tickets.update(t)
            try session.storage.tickets.addNote(ticketID: id, at: now, operator: session.actor.login, kind: "status", detail: detail,
                                              countsAsResponse: true)
            try session.storage.audit.record(at: now, operator: session.actor.login, action: "ticket_\(status)",
                                           target: t.bhxhCode ?? t.callerPhone, detail: TimelineDetail.make([("ticket", String(id)), ("from", from), ("to", status)], free: ("resolution", resolution)),
                                           ticketID: id)
            if status != "open", session.openTicketID == id {
                try session.storage.tickets.clearOpenCall(operator: session.actor.login)
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
        guard let id = session.openTicketID else { throw DeskError.usage(.noCallToFinish) }
        guard !resolution.nfcCollapsed.isEmpty else { throw DeskError.usage(.doneNeedsResolution) }
        return try transition(id, to: "resolved", resolution: resolution, category: category ?? proposedCategory(id).category)
    }

    /// `hold`: the open call waits on the caller (SLA paused).
    public func hold(note: String?) throws -> TicketSummary {
        guard let id = session.openTicketID else { throw DeskError.usage(.noCallToHold) }
        if let note, !note.nfcCollapsed.isEmpty { _ = try self.note(id, text: note) }
        return try transition(id, to: "pending")
    }

    public func assign(_ id: Int, to login: String) throws -> TicketSummary {
        guard let op = try session.storage.operators.get(login), op.active else { throw DeskError.notFound(.noActiveOperator, ["login": .text(login)]) }
        var t = try get(id)
        t.assignedTo = op.login
        try session.storage.transaction {
            try session.storage.tickets.update(t)
            try session.storage.tickets.addNote(ticketID: id, at: session.clock.nowText, operator: session.actor.login, kind: "assign",
                                              detail: TimelineDetail.make([("to", login)]), countsAsResponse: false)
            try session.audit("ticket_assign", target: String(id), detail: TimelineDetail.make([("to", login)]))
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
                try session.audit("ticket_list", target: nil, detail: TimelineDetail.make([("tickets", "0"), ("overdue", "1")]))
                return []
            }
            f.statuses = running
        }
        // Overdue is decided by the SLA clock in Swift, so running tickets are read newest first a page at a time
        // until `limit` of them are overdue, instead of loading every open ticket.
        var out: [(TicketSummary, SLAPolicy.State)] = []
        let page = overdue ? max(limit, 500) : limit
        while out.count < limit {
            let rows = try session.storage.tickets.list(f, limit: page)
            for t in rows where out.count < limit {
                let s = policy.state(t, now: session.clock.now)
                if overdue && !(s.firstResponseBreached || s.resolutionBreached) { continue }
                out.append((t, s))
            }
            guard overdue, rows.count == page, let last = rows.last else { break }
            f.beforeID = last.id
        }
        try session.audit("ticket_list", target: nil, detail: TimelineDetail.make([("tickets", String(out.count)), ("overdue", overdue ? "1" : nil)]))
        return out
    }

    public func timeline(_ id: Int) throws -> (TicketSummary, [TicketNote], SLAPolicy.State) {
        let t = try get(id)
        let notes = try session.storage.tickets.notes(id)
        try session.audit("ticket_show", target: String(id))
        return (t, notes, try SLAPolicy.load(session.settings, today: session.clock.today).state(t, now: session.clock.now))
    }
}
