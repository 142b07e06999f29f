import Foundation
import Desk
import DeskCore

enum CallCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("call", group: .calls, synopsis: "call PHONE [--line N] [--name NAME] [--continue N]",
                        summary: "command.call",
                        flags: [FlagSpec("--line", value: "N", "flag.line.call", completion: .line),
                                FlagSpec("--name", value: "NAME", "flag.name.call"),
                                FlagSpec("--continue", value: "N", "flag.continue", completion: .openTicket)],
                        example: "call 0901 234 567", run: call),
            CommandSpec("use", group: .calls, synopsis: "use CODE",
                        summary: "command.use",
                        example: "use 7912345678", run: use),
            CommandSpec("note", group: .calls, synopsis: "note TEXT", summary: "command.note",
                        example: "note khách đổi số điện thoại mới", run: note),
            CommandSpec("done", group: .calls, synopsis: "done RESOLUTION [--category C]", summary: "command.done",
                        flags: [FlagSpec("--category", value: "C", "flag.category.done", completion: .category)],
                        example: "done \"đã gửi lại mật khẩu\" --category password", run: done),
            CommandSpec("hold", group: .calls, synopsis: "hold [NOTE]", summary: "command.hold",
                        example: "hold khách sẽ gọi lại sau khi chụp lại ảnh", run: hold),
            CommandSpec("ticket new", group: .tickets,
                        synopsis: "ticket new --caller PHONE --line N [--code C] [--category C] [--priority P] SUMMARY",
                        summary: "command.ticket.new",
                        flags: [FlagSpec("--caller", value: "PHONE", "flag.caller"),
                                FlagSpec("--line", value: "N", "flag.line.ticket.new", completion: .line),
                                FlagSpec("--code", value: "C", "flag.code.ticket.new"),
                                FlagSpec("--category", value: "C", "flag.category.ticket.new", completion: .category),
                                FlagSpec("--priority", value: "P", "flag.priority", completion: .priority)],
                        example: "ticket new --caller 0901234567 --line 121 --category password Quên mật khẩu", run: ticketNew),
            CommandSpec("ticket show", group: .tickets, synopsis: "ticket show ID", summary: "command.ticket.show",
                        positional: .openTicket, example: "ticket show 1042", run: ticketShow),
            CommandSpec("ticket list", group: .tickets,
                        synopsis: "ticket list [--status S] [--operator U] [--assignee U] [--line N] [--category C] [--from D] [--to D] [--mine] [--overdue] [--limit N]",
                        summary: "command.ticket.list",
                        flags: [FlagSpec("--status", value: "S", "flag.status.ticket.list", completion: .ticketStatus),
                                FlagSpec("--operator", value: "U", "flag.operator.ticket.list"), FlagSpec("--line", value: "N", "flag.line.ticket.list", completion: .line),
                                FlagSpec("--category", value: "C", "flag.category.ticket.new", completion: .category),
                                FlagSpec("--from", value: "D", "flag.from.ticket.list"), FlagSpec("--to", value: "D", "flag.to.ticket.list"),
                                FlagSpec("--assignee", value: "U", "flag.assignee"),
                                FlagSpec("--mine", "flag.mine"), FlagSpec("--overdue", "flag.overdue"),
                                FlagSpec("--limit", value: "N", "flag.limit.ticket.list")],
                        example: "ticket list --overdue", run: ticketList),
            CommandSpec("ticket note", group: .tickets, synopsis: "ticket note ID TEXT", summary: "command.ticket.note",
                        positional: .openTicket, example: "ticket note 1042 đã gọi lại cho khách", run: ticketNote),
            CommandSpec("ticket assign", group: .tickets, synopsis: "ticket assign ID LOGIN", summary: "command.ticket.assign",
                        positional: .openTicket, example: "ticket assign 1042 lan", run: ticketAssign),
            CommandSpec("ticket resolve", group: .tickets, synopsis: "ticket resolve ID RESOLUTION", summary: "command.ticket.resolve",
                        flags: [FlagSpec("--category", value: "C", "flag.category.ticket.new", completion: .category)],
                        positional: .openTicket, example: "ticket resolve 1042 đã hướng dẫn chụp lại ảnh", run: ticketResolve),
            CommandSpec("ticket close", group: .tickets, synopsis: "ticket close ID", summary: "command.ticket.close",
                        positional: .openTicket, example: "ticket close 1042", run: ticketClose),
            CommandSpec("ticket reopen", group: .tickets, synopsis: "ticket reopen ID", summary: "command.ticket.reopen",
                        positional: .openTicket, example: "ticket reopen 1042", run: ticketReopen),
        ]
    }

    static func call(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard !inv.positional.isEmpty else { throw inv.usage() }
        let line = try inv.value("--line").map { s -> Int in
            guard let n = Int(s) else { throw ShellError.usage(shell.catalog.text("usage.lineNumber", ["range": .text(HotlineLine.rangeText)])) }
            return n
        }
        let service = TicketService(session: shell.session)
        let info: TicketService.CallInfo
        if let n = inv.value("--continue") {
            guard let id = Int(n.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
                throw ShellError.usage(shell.catalog.text("usage.continueNumber"))
            }
            info = try service.continueCall(id, phone: inv.rest, line: line, callerName: inv.value("--name"))
        } else {
            info = try service.openCall(phone: inv.rest, line: line, callerName: inv.value("--name"))
        }
        let t = info.ticket
        let json = JSONValue.object([
            ("id", .int(t.id)), ("line", .int(t.line)), ("caller_phone", .str(t.callerPhone)),
            ("registrations", .array(info.registrations.map { registrationJSON($0, info.worst[$0.bhxhCode]) })),
            ("repeat_of", .array(info.repeats.map { .int($0.id) })),
            ("repeats", .array(info.repeats.map { r in
                .object([("id", .int(r.id)), ("status", .string(r.status)), ("opened_at", .string(r.openedAt)),
                         ("category", .string(r.category)), ("last_note", .str(info.lastWords[r.id]))])
            })),
            ("continued", .bool(info.continued)), ("merged", .num(info.merged)), ("status", .string(t.status)),
            ("findings", .array(info.findings.map { DiagnosisBridge.json($0, shell.catalog) })),
        ])
        let c = shell.catalog
        var lines = [c.text("call.header", ["id": .text(String(t.id)), "phone": .text(Masking.phone(t.callerPhone)), "line": .text(String(t.line))])
                     + (info.phoneKind == .landline ? c.text("call.landline") : "")
                     + (info.continued ? c.text("call.continued", ["category": .text(c.category(t.category))])
                        + (info.merged.map { c.text("call.merged", ["id": .text(String($0))]) } ?? "") : "")]
        if info.continued, let last = t.resolution ?? (try? TicketService(session: shell.session).lastNote(t.id)) ?? nil {
            lines.append(c.text("call.lastTime", ["text": .text(last)]))
        }
        for r in info.repeats {
            lines.append(c.text("call.repeat", ["id": .text(String(r.id)), "status": .text(c.ticketStatus(r.status)),
                                                "at": .text(DateText.deskDisplay(r.openedAt)), "category": .text(c.category(r.category)),
                                                "last": .text(info.lastWords[r.id] ?? c.text("call.noNote"))]))
        }
        if let open = info.repeats.first(where: { $0.status == "open" || $0.status == "pending" }) {
            lines.append(c.text("call.continueOffer", ["id": .text(String(open.id)), "phone": .text(t.callerPhone ?? "")]))
        } else if let r = info.repeats.first {
            lines.append(c.text("call.oldTicket", ["id": .text(String(r.id))]))
        }
        var tables: [CommandOutput.Table] = []
        if info.registrations.isEmpty {
            lines.append(c.text("call.noRegistration"))
        } else {
            tables.append(registrationTable(info, shell.catalog))
        }
        return CommandOutput(json: json, tables: tables, lines: lines, footer: registrationFooter(info, width: shell.terminalWidth(), catalog: shell.catalog))
    }

    static func use(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard shell.session.openTicketID != nil else { throw ShellError.usage(shell.catalog.text("usage.noOpenCall")) }
        let code = try RegistrationService(session: shell.session).resolveCode(inv.positional.first)
        let r = try RegistrationService(session: shell.session).registration(code)
        try TicketService(session: shell.session).focus(code: code)
        // Choosing a registration shows why it is stuck, as `call` does when the phone matches exactly one.
        let findings = try DiagnosisBridge.findings(shell.session, code: code)
        let c = shell.catalog
        var lines = [c.text("use.linked", ["id": .text(String(shell.session.openTicketID!)), "code": .text(code), "name": .text(r.fullName),
                                           "status": .text(c.name(r.status)), "sms": .text(c.name(r.smsStatus))])]
        lines += DiagnosisBridge.lines(findings, width: shell.terminalWidth(), catalog: c)
        return CommandOutput(json: .object([("id", .num(shell.session.openTicketID)), ("bhxh_code", .string(code)),
                                            ("status", .string(r.status.rawValue)), ("sms_status", .string(r.smsStatus.rawValue)),
                                            ("findings", .array(findings.map { DiagnosisBridge.json($0, c) }))]),
                             lines: lines)
    }

    /// A caller's registration on the call screen: the list fields plus its most severe finding, so that among
    /// several on one phone the operator sees which one is stuck and why.
    static func registrationJSON(_ r: Registration, _ worst: Finding?) -> JSONValue {
        guard case .object(var fields) = RegistrationViews.listJSON(SearchHit(registration: r)) else { return .null }
        fields += [("worst_rule", .str(worst?.rule)), ("worst_severity", .str(worst?.severity.rawValue))]
        return .object(fields)
    }

    static func registrationTable(_ info: TicketService.CallInfo, _ c: Catalog) -> CommandOutput.Table {
        CommandOutput.Table(columns: RegistrationViews.listColumns(c) + [c.text("column.sms_status"), c.text("column.worst")],
                            rows: info.registrations.map { r in
                                let w = info.worst[r.bhxhCode]
                                return RegistrationViews.listRow(SearchHit(registration: r), c)
                                    + [c.name(r.smsStatus), w.map { "\($0.rule) (\(c.name($0.severity)))" } ?? "✓"]
                            })
    }

    /// The call screen's lines about the registrations: with one, its diagnosis; with several, how to choose.
    static func registrationFooter(_ info: TicketService.CallInfo, width: Int, catalog: Catalog) -> [String] {
        if let code = info.focus {
            return DiagnosisBridge.lines(info.findings, width: width, catalog: catalog) + [catalog.text("call.focus", ["code": .text(code)])]
        }
        if info.registrations.count > 1 { return [catalog.text("call.several", ["n": .int(info.registrations.count)])] }
        return []
    }

    static func ticketJSON(_ t: TicketSummary, _ s: SLAPolicy.State? = nil) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("id", .int(t.id)), ("status", .string(t.status)), ("line", .int(t.line)), ("operator", .string(t.operatorLogin)),
            ("bhxh_code", .str(t.bhxhCode)), ("opened_at", .string(t.openedAt)), ("caller_phone", .string(Masking.phone(t.callerPhone))),
            ("caller_name", .str(t.callerName)), ("category", .string(t.category)), ("summary", .string(t.summary)),
            ("priority", .string(t.priority)), ("first_response_at", .str(t.firstResponseAt)), ("resolved_at", .str(t.resolvedAt)),
            ("resolution", .str(t.resolution)), ("assignee", .str(t.assignedTo)),
        ]
        if let s {
            fields += [("sla_elapsed_min", .int(s.elapsed)), ("sla_minutes_left", .num(s.minutesLeft)),
                       ("overdue", .bool(s.firstResponseBreached || s.resolutionBreached))]
        }
        return fields
    }

    static func ticketRow(_ t: TicketSummary, _ s: SLAPolicy.State, _ c: Catalog) -> [String] {
        [ "#\(t.id)", DateText.deskDisplay(t.openedAt), t.operatorLogin, t.assignedTo ?? "", String(t.line), c.ticketStatus(t.status), c.priority(t.priority),
          c.category(t.category), t.bhxhCode ?? "", t.summary, slaText(s, c) ]
    }

    /// `QUÁ HẠN`, `còn 45 phút`, or nothing (a ticket with no running target).
    static func slaText(_ s: SLAPolicy.State, _ c: Catalog) -> String {
        if s.firstResponseBreached || s.resolutionBreached { return c.text("sla.overdue") }
        return s.minutesLeft.map { c.text("sla.left", ["time": .text(c.minutes($0))]) } ?? ""
    }

    static func listColumns(_ c: Catalog) -> [String] {
        ["#"] + ["opened_at", "operator", "assigned_to", "line", "status", "priority", "category", "bhxh_code", "summary"]
            .map { c.text(TextKey("column.\($0)")) } + ["SLA"]
    }

    static func single(_ t: TicketSummary, message: String) -> CommandOutput {
        CommandOutput(json: .object(ticketJSON(t)), lines: [message])
    }

    static func note(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let t = try TicketService(session: shell.session).note(nil, text: inv.rest)
        return single(t, message: shell.catalog.text("ticket.noted", ["id": .text(String(t.id))]))
    }

    static func done(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let service = TicketService(session: shell.session)
        // Without --category, the category is proposed from what was done on the call, and said so.
        let proposal = try inv.value("--category") == nil ? shell.session.openTicketID.map(service.proposedCategory) : nil
        let t = try service.done(resolution: inv.rest, category: inv.value("--category") ?? proposal?.category)
        var json = ticketJSON(t)
        json.append(("category_proposed", .bool(proposal != nil)))
        let c = shell.catalog
        let said = proposal.map { c.text("done.proposed", ["category": .text(c.category($0.category)), "reason": .text(c.say($0.reason))]) } ?? ""
        return CommandOutput(json: .object(json), lines: [c.text("done.resolved", ["id": .text(String(t.id))]) + said])
    }

    static func hold(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let t = try TicketService(session: shell.session).hold(note: inv.positional.isEmpty ? nil : inv.rest)
        return single(t, message: shell.catalog.text("ticket.held", ["id": .text(String(t.id))]))
    }

    static func ticketID(_ inv: Invocation) throws -> Int {
        guard let s = inv.positional.first, let id = Int(s.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) else {
            throw ShellError.usage(inv.catalog.text("usage.ticketNumber", ["command": .text(inv.command)]))
        }
        return id
    }

    static func ticketNew(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard let caller = inv.value("--caller") else { throw ShellError.usage(shell.catalog.text("usage.needsCaller")) }
        let line = try inv.value("--line").map { s -> Int in
            guard let n = Int(s) else { throw ShellError.usage(shell.catalog.text("usage.lineNumber", ["range": .text(HotlineLine.rangeText)])) }
            return n
        }
        let t = try TicketService(session: shell.session).create(caller: caller, line: line, code: inv.value("--code"),
                                                                  category: inv.value("--category"), priority: inv.value("--priority"),
                                                                  summary: inv.rest)
        return single(t, message: shell.catalog.text("ticket.opened", ["id": .text(String(t.id))]))
    }

    static func ticketShow(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let (t, notes, sla) = try TicketService(session: shell.session).timeline(try ticketID(inv))
        var json = ticketJSON(t, sla)
        json.append(("timeline", .array(notes.map { .object([("at", .string($0.at)), ("operator", .string($0.operatorLogin)),
                                                             ("kind", .string($0.kind)), ("detail", .string($0.detail))]) })))
        let c = shell.catalog
        var lines = [c.text("ticket.header", ["id": .text(String(t.id)), "status": .text(c.ticketStatus(t.status)),
                                              "priority": .text(c.priority(t.priority)), "category": .text(c.category(t.category)),
                                              "line": .text(String(t.line)), "operator": .text(t.operatorLogin)])
                         + (t.assignedTo.map { c.text("ticket.assignedTo", ["login": .text($0)]) } ?? ""),
                     c.text("ticket.caller", ["phone": .text(Masking.phone(t.callerPhone)),
                                              "name": .text(t.callerName.map { " (\($0))" } ?? ""), "code": .text(t.bhxhCode ?? "-")]),
                     c.text("ticket.summary", ["text": .text(t.summary)])]
        if let resolution = t.resolution { lines.append(c.text("ticket.resolution", ["text": .text(resolution)])) }
        let state = slaText(sla, c)
        lines.append(c.text("ticket.sla", ["elapsed": .text(c.minutes(sla.elapsed))]) + (state.isEmpty ? "" : ", " + state))
        let table = CommandOutput.Table(title: c.text("show.timeline"), columns: RegistrationViews.columns(["at", "who", "event", "detail"], c),
                                        rows: notes.map { [DateText.deskDisplay($0.at), $0.operatorLogin, c.value("event", $0.kind),
                                                          TimelineView.detail(kind: $0.kind, $0.detail, statuses: "ticket", c)] },
                                        wrapped: [3])
        return CommandOutput(json: .object(json), tables: [table], lines: lines)
    }

    static func ticketList(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        var f = TicketFilter()
        if let s = inv.value("--status") {
            let statuses = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for st in statuses where !CommandTable.ticketStatuses.contains(st) {
                throw ShellError.usage(shell.catalog.text("usage.oneOf", ["flag": "--status", "list": .text(TicketStatus.names.joined(separator: ", "))]))
            }
            f.statuses = statuses
        }
        f.operatorLogin = inv.value("--operator")
        f.assignee = inv.value("--assignee")
        if inv.has("--mine") { f.involving = shell.session.actor.login }
        if let l = inv.value("--line") {
            guard let n = Int(l), HotlineLine.isValid(n) else { throw ShellError.usage(shell.catalog.text("usage.lineRange", ["range": .text(HotlineLine.rangeText)])) }
            f.line = n
        }
        if let c = inv.value("--category") {
            guard TicketService.categories.contains(c) else { throw ShellError.usage(shell.catalog.text("usage.oneOf", ["flag": "--category", "list": .text(TicketService.categories.joined(separator: ", "))])) }
            f.category = c
        }
        f.from = try inv.value("--from").map(DateArg.start)
        f.to = try inv.value("--to").map(DateArg.endInclusive)
        let rows = try TicketService(session: shell.session).list(f, overdue: inv.has("--overdue"), limit: try inv.int("--limit", default: 50))
        return CommandOutput(json: .object([("results", .array(rows.map { .object(ticketJSON($0.0, $0.1)) }))]),
                             tables: [CommandOutput.Table(columns: listColumns(shell.catalog), rows: rows.map { ticketRow($0.0, $0.1, shell.catalog) })])
    }

    static func ticketNote(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let id = try ticketID(inv)
        let t = try TicketService(session: shell.session).note(id, text: inv.positional.dropFirst().joined(separator: " "))
        return single(t, message: shell.catalog.text("ticket.noted", ["id": .text(String(t.id))]))
    }

    static func ticketAssign(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 2 else { throw inv.usage() }
        let t = try TicketService(session: shell.session).assign(try ticketID(inv), to: inv.positional[1])
        return single(t, message: shell.catalog.text("ticket.assigned", ["id": .text(String(t.id)), "login": .text(inv.positional[1])]))
    }

    static func ticketResolve(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let resolution = inv.positional.dropFirst().joined(separator: " ")
        guard !resolution.isEmpty else { throw inv.usage() }
        let t = try TicketService(session: shell.session).transition(try ticketID(inv), to: "resolved", resolution: resolution,
                                                                      category: inv.value("--category"))
        return single(t, message: shell.catalog.text("done.resolved", ["id": .text(String(t.id))]))
    }

    static func ticketClose(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let t = try TicketService(session: shell.session).transition(try ticketID(inv), to: "closed")
        return single(t, message: shell.catalog.text("ticket.closed", ["id": .text(String(t.id))]))
    }

    static func ticketReopen(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let t = try TicketService(session: shell.session).transition(try ticketID(inv), to: "open")
        return single(t, message: shell.catalog.text("ticket.reopened", ["id": .text(String(t.id))]))
    }
}
