import Foundation
import Desk
import DeskCore

enum RegistrationCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("search", group: .registrations, synopsis: "search QUERY [--limit N] [--status S] [--agency C]",
                        summary: "command.search",
                        flags: [FlagSpec("--limit", value: "N", "flag.limit.search"),
                                FlagSpec("--status", value: "S", "flag.status.search", completion: .status),
                                FlagSpec("--agency", value: "C", "flag.agency.search", completion: .agency)],
                        example: "search nguyen van duc --status submitted", run: search),
            CommandSpec("show", group: .registrations, synopsis: "show [CODE]",
                        summary: "command.show",
                        example: "show 7912345678", run: show),
            CommandSpec("check", group: .registrations, synopsis: "check VALUE",
                        summary: "command.check",
                        example: "check 079203001234", run: check),
            CommandSpec("import", group: .registrations, role: .supervisor, synopsis: "import registrations|insured FILE [--skip-bad FILE]",
                        summary: "command.import",
                        flags: [FlagSpec("--skip-bad", value: "FILE", "flag.skip-bad", completion: .file)],
                        positional: .file, example: "import registrations dang-ky.csv --skip-bad loi.csv", run: importFile),
            CommandSpec("demo", group: .settings, role: .admin, synopsis: "demo [--count N]",
                        summary: "command.demo",
                        flags: [FlagSpec("--count", value: "N", "flag.count")],
                        example: "demo --count 1000", run: demo),
        ]
    }

    static func search(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        var filter = RegistrationFilter()
        if let s = inv.value("--status") {
            guard CommandTable.registrationStatuses.contains(s) else {
                throw ShellError.usage(shell.catalog.text("usage.oneOf", ["flag": "--status", "list": .text(CommandTable.registrationStatuses.joined(separator: ", "))]))
            }
            filter.status = s
        }
        filter.agency = inv.value("--agency")
        let limit = try inv.int("--limit", default: 20)
        guard limit > 0 else { throw ShellError.usage(shell.catalog.text("usage.limit")) }
        let result = try RegistrationService(session: shell.session).search(inv.rest, filter: filter, limit: limit)
        let json = JSONValue.object([("query", .string(result.query)), ("kind", .string(result.kind)), ("total", .int(result.total)),
                                     ("total_capped", .bool(result.totalCapped)), ("results", .array(result.hits.map(RegistrationViews.listJSON)))])
        let table = CommandOutput.Table(columns: RegistrationViews.listColumns(shell.catalog),
                                        rows: result.hits.map { RegistrationViews.listRow($0, shell.catalog) })
        var footer: [String] = []
        if result.hits.contains(where: { $0.match == .heard }) {
            footer.append(RegistrationViews.heardMark + shell.catalog.text("search.heard"))
        }
        if result.total > result.hits.count {
            footer.append(shell.catalog.text("search.more", ["shown": .int(result.hits.count),
                                                           "total": .text(shell.catalog.number(result.total) + (result.totalCapped ? "+" : ""))]))
        }
        return CommandOutput(json: json, tables: [table], lines: [shell.catalog.text("search.by", ["kind": .text(shell.catalog.value("id", result.kind)), "query": .text(result.query)])], footer: footer)
    }

    static func show(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let service = RegistrationService(session: shell.session)
        let code = try service.resolveCode(inv.positional.first)
        let d = try service.detail(code)
        // Personal data in full only on an open call about this person (SPEC §10).
        let full = shell.session.openTicketID != nil
        let fields = RegistrationViews.fields(d.registration, full: full)
        let findings = (try? DiagnosisBridge.findings(shell.session, code: code)) ?? []
        var json = fields
        json.append(("findings", .array(findings.map { DiagnosisBridge.json($0, shell.catalog) })))
        json.append(("events", .array(d.events.map { .object([("at", .string($0.at)), ("operator", .str($0.operatorLogin)),
                                                               ("kind", .string($0.kind)), ("detail", .string($0.detail))]) })))
        json.append(("tickets", .array(d.tickets.map { .object([("id", .int($0.id)), ("opened_at", .string($0.openedAt)),
                                                                ("status", .string($0.status)), ("summary", .string($0.summary))]) })))
        json.append(("sms", .array(d.sms.map { .object([("id", .int($0.id)), ("to", .string(Masking.phone($0.toPhone))),
                                                        ("status", .string($0.status)), ("created_at", .string($0.createdAt)),
                                                        ("sent_at", .str($0.sentAt))]) })))
        let c = shell.catalog
        var lines = [c.text("show.header", ["code": .text(code), "name": .text(d.registration.fullName)])
                     + (d.registration.synthetic ? c.text("show.synthetic") : "")]
        let names = fields.map { RegistrationViews.fieldName($0.0, shell.catalog) }
        let keyWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        for ((k, v), name) in zip(fields, names) {
            lines.append("  " + DisplayWidth.pad(name, to: keyWidth) + "  " + RegistrationViews.text(k, v, shell.catalog))
        }
        if let p = d.insured { lines.append(RegistrationViews.registryLine(p, full: full, c)) }
        var tables: [CommandOutput.Table] = []
        if !findings.isEmpty {
            tables.append(CommandOutput.Table(title: c.text("show.diagnosis"), columns: RegistrationViews.columns(["severity", "rule", "message", "kb"], c),
                                              rows: findings.map { [c.name($0.severity), $0.rule, c.say($0.message), $0.kb] }, wrapped: [2], records: "findings"))
        }
        tables.append(CommandOutput.Table(title: c.text("show.history"), columns: RegistrationViews.columns(["at", "who", "event", "detail"], c),
                                          rows: d.events.map { [DateText.deskDisplay($0.at), $0.operatorLogin ?? "", c.value("event", $0.kind),
                                                               TimelineView.detail(kind: $0.kind, $0.detail, statuses: "status", c)] },
                                          wrapped: [3], records: "events"))
        if !d.tickets.isEmpty {
            tables.append(CommandOutput.Table(title: c.text("show.tickets"), columns: ["#"] + RegistrationViews.columns(["opened_at", "status", "summary"], c),
                                              rows: d.tickets.map { ["#\($0.id)", DateText.deskDisplay($0.openedAt), shell.catalog.ticketStatus($0.status), $0.summary] },
                                              wrapped: [3], records: "tickets"))
        }
        if !d.sms.isEmpty {
            tables.append(CommandOutput.Table(title: c.text("show.sms"), columns: ["#"] + RegistrationViews.columns(["to", "status", "created_at", "sent_at"], c),
                                              rows: d.sms.map { ["\($0.id)", Masking.phone($0.toPhone), shell.catalog.value("outbox", $0.status),
                                                                 DateText.deskDisplay($0.createdAt), DateText.deskDisplay($0.sentAt)] },
                                              records: "sms"))
        }
        return CommandOutput(json: .object(json), tables: tables, lines: lines)
    }

    static func check(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard !inv.positional.isEmpty else { throw ShellError.usage(shell.catalog.text("usage.checkValue")) }
        let c = IdentifierCheck.classify(inv.rest)
        let json = JSONValue.object([("input", .string(c.input)), ("kind", .string(c.kind.rawValue)), ("valid", .bool(c.valid)),
                                     ("normalized", .string(c.normalized)),
                                     ("details", .object(c.details.map { ($0.0, .string(shell.catalog.string($0.1))) })),
                                     ("problems", .array(c.problems.map { .string(shell.catalog.say($0)) }))])
        let cat = shell.catalog
        var lines = [cat.text(c.valid ? "check.valid" : "check.invalid", ["input": .text(c.input), "kind": .text(cat.value("id", c.kind.rawValue)),
                                                                       "normalized": .text(c.normalized)])]
        for (k, v) in c.details {
            let name = cat.text(TextKey("detail.\(k)"))
            lines.append("  \(name.isEmpty ? k : name): \(cat.string(v))")
        }
        for p in c.problems { lines.append("  ! \(cat.say(p))") }
        try shell.session.audit("check", target: c.kind.rawValue, detail: nil)
        return CommandOutput(json: json, lines: lines)
    }

    static func importFile(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 2, let target = Importer.Target(rawValue: inv.positional[0]) else {
            throw inv.usage()
        }
        try shell.session.require(.supervisor, for: "import")
        var importer = Importer(session: shell.session)
        let bar = shell.interactive && isatty(2) == 1 ? ProgressBar(label: "import", catalog: shell.catalog, write: shell.writeErr) : nil
        importer.progress = { p in bar?.update(done: p.bytesDone, total: p.bytesTotal, rows: p.rows) }
        defer { bar?.finish() }
        let s = try importer.run(target, path: inv.positional[1], skipBadPath: inv.value("--skip-bad"))
        let json = JSONValue.object([("target", .string(s.target)), ("file", .string(s.file)), ("rows", .int(s.rows)),
                                     ("inserted", .int(s.inserted)), ("updated", .int(s.updated)), ("rejected", .int(s.rejected)),
                                     ("problems", .array(s.problems.map { .string(shell.catalog.say($0)) }))])
        let c = shell.catalog
        var notices = s.problems.map { "\(s.file) \(c.say($0))" }
        if s.rejected > s.problems.count { notices.append(c.text("import.more", ["n": .int(s.rejected - s.problems.count)])) }
        return CommandOutput(json: json, footer: [c.text("import.summary", ["target": .text(s.target), "inserted": .int(s.inserted),
                                                                            "updated": .int(s.updated), "rejected": .int(s.rejected)])
                                                  + (inv.value("--skip-bad").map { c.text("import.badRows", ["file": .text($0)]) } ?? "")],
                             notices: notices)
    }

    static func demo(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        try shell.session.require(.admin, for: "demo")
        let n = try inv.int("--count", default: 200)
        let (regs, insured) = try DemoService(session: shell.session).load(count: n)
        return CommandOutput(json: .object([("registrations", .int(regs)), ("insured", .int(insured)), ("synthetic", .bool(true))]),
                             lines: [shell.catalog.text("demo.loaded", ["registrations": .int(regs), "insured": .int(insured)])])
    }
}
