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
                        summary: "command.report",
                        flags: [FlagSpec("--html", value: "FILE", "flag.html", completion: .file),
                                FlagSpec("--from", value: "D", "flag.from.report"), FlagSpec("--to", value: "D", "flag.to.ticket.list")],
                        example: "report --html bao-cao.html", run: report),
        ]
    }

    /// A row's key as a person reads it: a category or a status by its name, a day, line or login as it is.
    static func statsKey(_ by: String, _ key: String, _ c: Catalog) -> String {
        switch by {
        case "category": return c.category(key)
        case "status": return c.ticketStatus(key)
        case "priority": return c.priority(key)
        default: return key
        }
    }

    static func num(_ i: Int?) -> String { i.map(String.init) ?? "" }

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
            var cells = [statsKey(by, r.key, c), String(r.count), String(r.open), String(r.resolved), num(r.medianFirstResponse), num(r.p90FirstResponse),
                         num(r.medianResolution), num(r.p90Resolution)]
            if shell.color { cells.append(bar(r.count, max: maxCount)) }
            return cells
        }, numeric: [1, 2, 3, 4, 5, 6, 7])
        let backlogLine = c.text("stats.backlog", ["list": .text(backlog.buckets.map { "\(c.value("age", $0.0)) \(c.number($0.1))" }.joined(separator: ", "))])
        return CommandOutput(json: json, tables: [table], footer: [backlogLine])
    }

    static func statsRegistrations(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let by = inv.value("--by") ?? "status"
        if inv.has("--all") && by != "rule" { throw DeskError.usage(shell.catalog.text("usage.allByRule")) }
        let rows = try StatsService(session: shell.session).registrations(by: by, includeWarnings: inv.has("--all"))
        let maxCount = rows.map(\.count).max() ?? 0
        let json = JSONValue.object([("by", .string(by)), ("rows", .array(rows.map { .object([("key", .string($0.key)), ("count", .int($0.count))]) }))])
        let c = shell.catalog
        var columns = [c.text(TextKey("stats.by.\(by)")), c.text("stats.column.registrations")]
        if shell.color { columns.append("") }
        return CommandOutput(json: json, tables: [CommandOutput.Table(columns: columns, rows: rows.map { r in
            let key = by == "status" ? c.value("status", r.key) : r.key
            return shell.color ? [key, String(r.count), bar(r.count, max: maxCount)] : [key, String(r.count)]
        }, numeric: [1])])
    }

    static func report(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard let path = inv.value("--html") else { throw inv.usage() }
        let stats = StatsService(session: shell.session)
        let from = try inv.value("--from").map(DateArg.start)
        let to = try inv.value("--to").map(DateArg.endInclusive)
        let byDay = try stats.tickets(by: "day", from: from, to: to)
        let byCategory = try stats.tickets(by: "category", from: from, to: to).0
        let byLine = try stats.tickets(by: "line", from: from, to: to).0
        let byStatus = try stats.registrations(by: "status")
        let byRule = try stats.registrations(by: "rule")
        let chain = try AuditVerifier(session: shell.session).head()
        let html = HTMLReport.page(generated: DateText.deskDisplay(shell.session.clock.now), auditHead: chain, sections: [
            ("Phiếu theo ngày", byDay.0.suffix(60).map { ($0.key, $0.count) }),
            ("Phiếu theo chủ đề", byCategory.map { ($0.key, $0.count) }),
            ("Phiếu theo line", byLine.map { ($0.key, $0.count) }),
            ("Tồn đọng theo tuổi", byDay.1.buckets),
            ("Hồ sơ theo trạng thái", byStatus.map { ($0.key, $0.count) }),
            ("Hồ sơ bị kẹt theo lỗi", byRule.map { ($0.key, $0.count) }),
        ], timing: byLine.map { ($0.key, $0.medianFirstResponse ?? 0, $0.p90FirstResponse ?? 0, $0.medianResolution ?? 0, $0.p90Resolution ?? 0) })
        // With the user's own rights, never over the database or its key (SPEC §13).
        let file = try Files.createForWriting(path, mode: 0o640)
        try file.write(contentsOf: Data(html.utf8))
        try file.close()
        try shell.session.audit("report", target: path)
        return .message(shell.catalog.text("report.wrote", ["path": .text(path), "kb": .int(html.utf8.count / 1024), "n": .int(chain.rows), "head": .text(chain.hash)]),
                        json: .object([("file", .string(path)), ("bytes", .int(html.utf8.count)),
                                       ("audit_rows", .int(chain.rows)), ("audit_head", .string(chain.hash))]))
    }
}

/// A self-contained page: inline CSS and SVG bars, no scripts or external files.
enum HTMLReport {
    /// Scalar by scalar: Foundation's replace compares Characters, so a quote followed by a combining mark (`"\u{301}`)
    /// would pass unescaped and close the attribute it is in.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func chart(_ title: String, _ data: [(String, Int)]) -> String {
        let maxValue = max(1, data.map(\.1).max() ?? 1)
        let rowHeight = 22, labelWidth = 190, barWidth = 420
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 80)\" height=\(max(1, data.count) * rowHeight + 10) role=\"img\" aria-label=\"\(escape(title))\">"
        for (i, (label, value)) in data.enumerated() {
            let y = i * rowHeight + 5
            let w = Int(Double(value) / Double(maxValue) * Double(barWidth))
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"#1f6feb\"/>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\">\(value)</text>"
        }
        return "<section><h2>\(escape(title))</h2>\(svg)</svg></section>"
    }

    static func page(generated: String, auditHead: (rows: Int, hash: String), sections: [(String, [(String, Int)])],
                     timing: [(String, Int, Int, Int, Int)]) -> String {
        var body = sections.map { chart($0.0, $0.1) }.joined(separator: "\n")
        body += "<section><h2>Thời gian xử lý theo line (phút giờ hành chính)</h2><table><tr><th>line</th><th>trung vị phản hồi</th><th>p90 phản hồi</th><th>trung vị giải quyết</th><th>p90 giải quyết</th></tr>"
        for t in timing { body += "<tr><td>\(escape(t.0))</td><td>\(t.1)</td><td>\(t.2)</td><td>\(t.3)</td><td>\(t.4)</td></tr>" }
        body += "</table></section>"
        body += "<section><h2>Nhật ký kiểm toán</h2><p>Đầu chuỗi băm: \(auditHead.rows) dòng, <code>\(escape(auditHead.hash))</code> (lưu lại bên ngoài cơ sở dữ liệu; <code>audit verify --head</code> kiểm tra sau).</p></section>"
        return """
        <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo cáo đường dây nóng VssID — BHXH Quận 6</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}svg text{font-size:13px;font-family:inherit}
        h2{font-size:1.1em;margin-top:1.6em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style>
        </head><body><h1>Báo cáo đường dây nóng VssID — BHXH Quận 6</h1><p>Lập lúc \(escape(generated)) (giờ Việt Nam).</p>
        \(body)
        </body></html>
        """
    }
}
