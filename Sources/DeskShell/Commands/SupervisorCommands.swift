import Foundation
import Desk
import DeskCore

enum SupervisorCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("stats tickets", group: .supervisors, role: .supervisor, synopsis: "stats tickets --by day|week|line|operator|category|status [--from D] [--to D]",
                        summary: "command.stats.tickets",
                        flags: [FlagSpec("--by", value: "DIM", "flag.by", completion: .choices(StatsService.ticketDimensions)),
                                FlagSpec("--from", value: "D", "flag.from.ticket.list"), FlagSpec("--to", value: "D", "flag.to.ticket.list")],
                        example: "stats tickets --by line --from 2025-03-01", run: statsTickets),
            CommandSpec("stats registrations", group: .supervisors, role: .supervisor, synopsis: "stats registrations --by status|agency|rule [--all]",
                        summary: "command.stats.registrations",
                        flags: [FlagSpec("--by", value: "DIM", "flag.by", completion: .choices(StatsService.registrationDimensions)),
                                FlagSpec("--all", "flag.all")],
                        example: "stats registrations --by rule", run: statsRegistrations),
            CommandSpec("report", group: .supervisors, role: .supervisor, synopsis: "report --html FILE [--from D] [--to D]",
                        summary: "report.help.summary",
                        flags: [FlagSpec("--html", value: "FILE", "flag.html", completion: .file),
                                FlagSpec("--from", value: "D", "report.help.from"), FlagSpec("--to", value: "D", "report.help.to")],
                        example: "report --html bao-cao.html --from 2025-03-01 --to 2025-03-31", run: report),
        ]
    }

    /// A row's key as a person reads it: a category or a status by its name, a day `dd/MM/yyyy`, a week `tuần 49/2026`,
    /// a line or login as it is (JSON and CSV keep `2026-12-01` and `2026-W49`).
    static func statsKey(_ by: String, _ key: String, _ c: Catalog) -> String {
        switch by {
        case "day": return DateText.displayDate(key)
        case "week":
            let parts = key.split(separator: "-W")
            guard parts.count == 2 else { return key }
            return c.text("stats.week", ["week": .text(String(parts[1])), "year": .text(String(parts[0]))])
        case "category": return c.category(key)
        case "status": return c.ticketStatus(key)
        case "priority": return c.priority(key)
        default: return key
        }
    }

    /// A count or a number of minutes in a table, grouped the language's way (`1.234`); empty when there is none.
    static func num(_ i: Int?, _ c: Catalog) -> String { i.map(c.number) ?? "" }

    static func bar(_ value: Int, max: Int, width: Int = 20) -> String {
        guard max > 0 else { return "" }
        let n = Int((Double(value) / Double(max) * Double(width)).rounded())
        return String(repeating: "█", count: n)
    }

    static func statsTickets(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let by = inv.value("--by") ?? "day"
        let (rows, backlog) = try StatsService(session: shell.session).tickets(by: by, from: try inv.value("--from").map(DateArg.start),
                                                                               to: try inv.value("--to").map(DateArg.endInclusive))
        let json = JSONValue.object([
            ("by", .string(by)),
            ("rows", .array(rows.map { r in
                .object([("key", .string(r.key)), ("count", .int(r.count)), ("open", .int(r.open)), ("resolved", .int(r.resolved)),
                         ("median_first_response_min", .num(r.medianFirstResponse)), ("p90_first_response_min", .num(r.p90FirstResponse)),
                         ("median_resolution_min", .num(r.medianResolution)), ("p90_resolution_min", .num(r.p90Resolution))])
            })),
            ("backlog", .object(backlog.buckets.map { ($0.0, .int($0.1)) })),
        ])
        let maxCount = rows.map(\.count).max() ?? 0
        let c = shell.catalog
        var columns = [c.text(TextKey("stats.by.\(by)"))] + ["count", "open", "resolved", "medianFirst", "p90First", "medianResolution", "p90Resolution"]
            .map { c.text(TextKey("stats.column.\($0)")) }
        if shell.color { columns.append("") }
        let table = CommandOutput.Table(columns: columns, rows: rows.map { r in
            var cells = [statsKey(by, r.key, c), c.number(r.count), c.number(r.open), c.number(r.resolved), num(r.medianFirstResponse, c),
                         num(r.p90FirstResponse, c), num(r.medianResolution, c), num(r.p90Resolution, c)]
            if shell.color { cells.append(bar(r.count, max: maxCount)) }
            return cells
        }, numeric: [1, 2, 3, 4, 5, 6, 7])
        let backlogLine = c.text("stats.backlog", ["list": .text(backlog.buckets.map { "\(c.value("age", $0.0)) \(c.number($0.1))" }.joined(separator: ", "))])
        return CommandOutput(json: json, tables: [table], footer: [backlogLine])
    }

    static func statsRegistrations(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let by = inv.value("--by") ?? "status"
        if inv.has("--all") && by != "rule" { throw ShellError.usage(shell.catalog.text("usage.allByRule")) }
        let rows = try StatsService(session: shell.session).registrations(by: by, includeWarnings: inv.has("--all"))
        let maxCount = rows.map(\.count).max() ?? 0
        let json = JSONValue.object([("by", .string(by)), ("rows", .array(rows.map { .object([("key", .string($0.key)), ("count", .int($0.count))]) }))])
        let c = shell.catalog
        var columns = [c.text(TextKey("stats.by.\(by)")), c.text("stats.column.registrations")]
        if shell.color { columns.append("") }
        return CommandOutput(json: json, tables: [CommandOutput.Table(columns: columns, rows: rows.map { r in
            // A status by its name, an agency with its name (`07916 BHXH Quận 6`), a rule by its code.
            let key = by == "status" ? c.value("status", r.key) : by == "agency" ? ReportFormat(catalog: c).agency(r.key) : r.key
            return shell.color ? [key, c.number(r.count), bar(r.count, max: maxCount)] : [key, c.number(r.count)]
        }, numeric: [1])])
    }

    /// `report --html FILE [--from D] [--to D]`: the period defaults to this month so far (desk time).
    static func report(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard let path = inv.value("--html") else { throw inv.usage() }
        let c = shell.catalog
        func date(_ flag: String) throws -> String? {
            guard let raw = inv.value(flag) else { return nil }
            guard let d = DateText.parseDate(raw) else {
                throw ShellError.usage(c.text("report.usage.date", ["flag": .text(flag), "value": .text(raw)]))
            }
            return d
        }
        let month = ReportService.defaultPeriod(today: shell.session.clock.today)
        let until = try date("--to")
        // `--to` alone reports its own month up to that day; `--from` alone runs to today.
        let from = try date("--from") ?? until.map { String($0.prefix(8)) + "01" } ?? month.from
        let to = until ?? max(from, month.to)
        let fmt = ReportFormat(catalog: c)
        guard from <= to else {
            throw ShellError.usage(c.text("report.usage.order", ["from": .text(fmt.day(from)), "to": .text(fmt.day(to))]))
        }
        let days = ReportService.dayCount(from: from, to: to)
        guard days <= ReportService.maxDays else {
            throw ShellError.usage(c.text("report.usage.length", ["max": .int(ReportService.maxDays), "from": .text(fmt.day(from)),
                                                                 "to": .text(fmt.day(to)), "n": .int(days)]))
        }
        let report = try ReportService(session: shell.session).build(from: from, to: to)
        let chain = try AuditVerifier(session: shell.session).head()
        let html = HTMLReport.page(report, auditHead: chain, catalog: c)
        // With the user's own rights, never over the database or its key (SPEC §13).
        let file = try Files.createForWriting(path, mode: 0o640)
        try file.write(contentsOf: Data(html.utf8))
        try file.close()
        try shell.session.audit("report", target: path, detail: TimelineDetail.make([("from", from), ("to", to)]))
        let message = c.text("report.written", ["path": .text(path), "kb": .int(html.utf8.count / 1024), "from": .text(fmt.day(from)),
                                                "to": .text(fmt.day(to)), "tickets": .int(report.tickets), "breaches": .int(report.breaches.count),
                                                "n": .int(chain.rows), "head": .text(chain.hash)])
        return .message(message, json: .object([("file", .string(path)), ("bytes", .int(html.utf8.count)),
                                                ("audit_rows", .int(chain.rows)), ("audit_head", .string(chain.hash)),
                                                ("from", .string(from)), ("to", .string(to)), ("tickets", .int(report.tickets)),
                                                ("breaches", .int(report.breaches.count))]))
    }
}
