import Desk
import DeskCore

/// The report's sections, in the order a manager reads them: the totals, the targets, what went wrong, the days,
/// who did the work, what callers asked and why their dossiers are stuck, what is left open, the registrations.
extension HTMLReport {
    typealias Cell = ReportTable.Cell

    /// How many missed targets the page lists; the rest are counted.
    static let breachesShown = 15

    static func note(_ text: String) -> HTML { HTML.element("p", ["class": "note"], prose(text)) }
    static func para(_ text: String) -> HTML { HTML.element("p", [:], HTML(text)) }

    /// `good` at 90 % and over, `warn` from 75 %, `bad` below; nothing when there is no rate.
    static func grade(_ p: Double?) -> String? {
        guard let p else { return nil }
        return p >= 90 ? "good" : p >= 75 ? "warn" : "bad"
    }

    static func rateCell(_ p: Double?, _ fmt: ReportFormat) -> Cell {
        guard let p, let g = grade(p) else { return .number("–") }
        let meter = "<span class=\"meter\"><span style=\"width:\(Int(p.rounded()))%\"></span></span>"
        return Cell(content: HTML(markup: meter) + HTML(fmt.percent(p)), numeric: true, classes: ["rate", g])
    }

    static func count(_ n: Int, _ fmt: ReportFormat) -> Cell {
        Cell(content: HTML(fmt.number(n)), numeric: true, classes: n == 0 ? ["zero"] : [])
    }

    static func summary(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let total = r.slaTotal
        let working = r.days.filter(\.workingDay).count
        let breachTickets = Set(r.breaches.map(\.ticketID)).count
        func kpi(_ label: TextKey, _ value: String, _ sub: String, grade: String? = nil) -> HTML {
            HTML.element("div", ["class": "kpi" + (grade.map { " " + $0 } ?? "")], HTML.element("div", ["class": "l"], HTML(c.text(label))),
                         HTML.element("div", ["class": "v"], HTML(value)), HTML.element("div", ["class": "s"], HTML(sub)))
        }
        let perDay = working == 0 ? 0 : Double(r.tickets) / Double(working)
        let cards = HTML.element("div", ["class": "kpis"],
            kpi("report.kpi.calls", fmt.number(r.tickets), c.text("report.kpi.perDay", ["n": .decimal(perDay, places: 1)])),
            kpi("report.kpi.resolved", fmt.number(r.resolved),
                r.tickets == 0 ? "" : c.text("report.kpi.ofCalls", ["p": .text(fmt.share(r.resolved, of: r.tickets))])),
            kpi("report.kpi.backlog", fmt.number(r.backlogTotal), c.text("report.kpi.backlogHint")),
            kpi("report.kpi.firstResponse", fmt.percent(total.firstResponse.percent),
                c.text("report.kpi.ofDecided", ["met": .int(total.firstResponse.met), "n": .int(total.firstResponse.decided)]),
                grade: grade(total.firstResponse.percent)),
            kpi("report.kpi.resolution", fmt.percent(total.resolution.percent),
                c.text("report.kpi.ofDecided", ["met": .int(total.resolution.met), "n": .int(total.resolution.decided)]),
                grade: grade(total.resolution.percent)),
            kpi("report.kpi.breaches", fmt.number(r.breaches.count), c.text("report.kpi.breachTickets", ["n": .int(breachTickets)]),
                grade: r.breaches.isEmpty ? "good" : "bad"))
        let text = r.tickets == 0
            ? c.text("report.summary.none", ["backlog": .int(r.backlogTotal)])
            : c.text("report.summary", ["calls": .int(r.tickets), "resolved": .int(r.resolved),
                                        "p": .text(fmt.share(r.resolved, of: r.tickets)), "backlog": .int(r.backlogTotal)])
        return cards + para(text)
    }

    static func sla(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        func target(_ m: Int?) -> Cell { .number(m.map(fmt.duration) ?? "–") }
        func attainment(_ a: SupervisorReport.Attainment) -> [Cell] {
            [count(a.met, fmt), count(a.breached, fmt), count(a.running, fmt), rateCell(a.percent, fmt)]
        }
        func cols(_ row: SupervisorReport.SLARow) -> [Cell] {
            [.number(fmt.number(row.tickets)), target(row.firstResponseTarget)] + attainment(row.firstResponse)
                + [target(row.resolutionTarget)] + attainment(row.resolution)
        }
        let sub: [TextKey] = ["report.sla.target", "report.sla.met", "report.sla.breached", "report.sla.running", "report.sla.rate"]
        var priority = Cell.text(c.text("report.sla.priority")); priority.rowspan = 2
        var tickets = Cell.text(c.text("report.sla.tickets")); tickets.rowspan = 2
        var first = Cell.text(c.text("report.sla.firstResponse")); first.colspan = 5
        var resolution = Cell.text(c.text("report.sla.resolution")); resolution.colspan = 5
        let table = ReportTable(
            head: [[priority, tickets, first, resolution], (sub + sub).map { Cell.text(c.text($0)) }],
            rows: r.sla.map { [Cell(content: HTML(c.priority($0.priority)), classes: ["nowrap"])] + cols($0) },
            total: [.text(c.text("report.total"))] + cols(r.slaTotal).enumerated().map { i, cell in
                i == 1 || i == 6 ? .number("") : cell
            })
        return table.html + note(c.text("report.sla.note", ["sessions": .text(fmt.sessions)]))
    }

    static func breaches(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        guard !r.breaches.isEmpty else { return para(c.text("report.breach.none")) }
        let names = Dictionary(r.operators.map { ($0.key, $0.name) }) { a, _ in a }
        let head = ["report.breach.ticket", "report.breach.priority", "report.breach.opened", "report.breach.target", "report.breach.actual",
                    "report.breach.late", "report.breach.operator"].map { Cell.text(c.text(TextKey($0))) }
        let rows: [[Cell]] = r.breaches.prefix(breachesShown).map { b in
            let target = c.text(b.target == .firstResponse ? "report.breach.firstResponse" : "report.breach.resolution",
                                ["t": .text(fmt.duration(b.targetMinutes))])
            var actual = HTML(fmt.duration(b.actualMinutes))
            if b.stillOpen {
                let tag = c.text(b.target == .firstResponse ? "report.breach.noResponseYet" : "report.breach.notResolvedYet")
                actual = actual + HTML(markup: "<br>") + HTML.element("span", ["class": "tag"], HTML(tag))
            }
            let who = (names[b.operatorLogin] ?? nil).map { "\($0) (\(b.operatorLogin))" } ?? b.operatorLogin
            return [.number("#\(b.ticketID)"), Cell(content: HTML(c.priority(b.priority)), classes: ["nowrap"]),
                    Cell(content: HTML(fmt.time(b.openedAt)), classes: ["nowrap"]), .text(target),
                    Cell(content: actual, numeric: true), Cell(content: HTML(fmt.duration(b.lateMinutes)), numeric: true, classes: ["late"]),
                    Cell(content: HTML(who), classes: ["nowrap"])]
        }
        var out = para(c.text("report.breach.count", ["n": .int(r.breaches.count), "t": .int(Set(r.breaches.map(\.ticketID)).count)]))
            + ReportTable(head: [head], rows: rows).html
        if r.breaches.count > breachesShown {
            out = out + para(c.text("report.breach.more", ["n": .int(r.breaches.count - breachesShown)]))
        }
        return out
    }

    static func days(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let title = c.text("report.days.chart", ["from": .text(fmt.day(r.from)), "to": .text(fmt.day(r.to))])
        var out = DayChart.svg(r.days, title: title, format: fmt)
        out = out + HTML.element("p", ["class": "legend"], HTML(markup: "<i class=\"w\"></i>"), HTML(c.text("report.days.working")),
                                 HTML(markup: "<i class=\"o\"></i>"), HTML(c.text("report.days.off")))
        guard let peak = r.days.max(by: { ($0.calls, $1.date) < ($1.calls, $0.date) }), peak.calls > 0 else {
            return out + para(c.text("report.days.none"))
        }
        let idle = r.days.filter { $0.workingDay && $0.calls == 0 }.count
        return out + para(c.text("report.days.peak", ["date": .text(fmt.day(peak.date)), "n": .int(peak.calls)]) + " "
                          + c.text("report.days.idle", ["n": .int(idle)]))
    }

    static func workloadRow(_ first: String, _ row: StatsService.TicketRow, _ fmt: ReportFormat) -> [Cell] {
        [Cell(content: HTML(first), classes: ["nowrap"]), count(row.count, fmt), count(row.resolved, fmt), count(row.open, fmt), .number(fmt.minutes(row.medianFirstResponse)),
         .number(fmt.minutes(row.medianResolution)), .number(fmt.minutes(row.meanResolution))]
    }

    static func workload(_ rows: [SupervisorReport.Workload], first: TextKey, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let head = [first, "report.w.tickets", "report.w.resolved", "report.w.open", "report.w.medianFirst", "report.w.medianHandling",
                    "report.w.meanHandling"].map { Cell.text(c.text($0)) }
        var all = StatsService.TicketRow(key: "")
        for w in rows {
            all.count += w.row.count
            all.open += w.row.open
            all.resolved += w.row.resolved
            all.firstResponse += w.row.firstResponse
            all.resolution += w.row.resolution
        }
        let body = rows.map { w in workloadRow(w.name.map { "\($0) (\(w.key))" } ?? w.key, w.row, fmt) }
        return ReportTable(head: [head], rows: body, total: workloadRow(c.text("report.total"), all, fmt)).html
            + note(c.text("report.w.note"))
    }

    static func operators(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        guard !r.operators.isEmpty else { return para(fmt.catalog.text("report.w.noOperators")) }
        return workload(r.operators, first: "report.w.operator", fmt)
    }

    static func shareBar(_ n: Int, max: Int) -> HTML {
        let width = max == 0 ? 0 : Int((Double(n) / Double(max) * 120).rounded())
        return HTML(markup: "<span class=\"hbar\" style=\"width:\(width)px\"></span>")
    }

    static func categories(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        guard !r.categories.isEmpty else { return para(c.text("report.days.none")) }
        let top = r.categories.first?.count ?? 0
        let rows: [[Cell]] = r.categories.map { row in
            [.text(c.category(row.key)), count(row.count, fmt), .number(fmt.share(row.count, of: r.tickets)), Cell(content: shareBar(row.count, max: top))]
        }
        var share = Cell.text(c.text("report.c.share")); share.colspan = 2
        return ReportTable(head: [[.text(c.text("report.c.category")), .text(c.text("report.c.count")), share]], rows: rows).html
    }

    static func rules(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let explain = note(c.text("report.r.note", ["n": .int(r.diagnosedRegistrations)]))
        guard !r.rules.isEmpty else { return para(c.text("report.r.none")) + explain }
        let rows: [[Cell]] = r.rules.prefix(10).map { rule in
            [Cell(content: HTML.element("code", [:], HTML(rule.rule))), .text(c.text(TextKey("report.rule.\(rule.rule)"))),
             count(rule.callers, fmt), .number(fmt.share(rule.callers, of: r.diagnosedRegistrations)), count(rule.stuck, fmt)]
        }
        var callers = Cell.text(c.text("report.r.callers")); callers.colspan = 2
        let head: [Cell] = [.text(c.text("report.r.rule")), .text(c.text("report.r.name")), callers, .text(c.text("report.r.stuck"))]
        return ReportTable(head: [head], rows: rows).html + explain
    }

    static func backlog(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let explain = note(c.text("report.b.note", ["to": .text(fmt.day(r.to))]))
        guard r.backlogTotal > 0 else { return para(c.text("report.b.none")) + explain }
        let top = r.backlog.map(\.count).max() ?? 0
        let rows: [[Cell]] = r.backlog.map { b in
            [.text(c.value("age", b.bucket)), count(b.count, fmt), Cell(content: shareBar(b.count, max: top))]
        }
        var out = ReportTable(head: [[.text(c.text("report.b.age")), .text(c.text("report.b.count")), .text("")]], rows: rows,
                              total: [.text(c.text("report.total")), count(r.backlogTotal, fmt), .text("")]).html
        if let oldest = r.oldestOpen {
            out = out + para(c.text("report.b.oldest", ["id": .text(String(oldest.id)), "time": .text(fmt.time(oldest.openedAt))]))
        }
        return out + explain
    }

    static func registrations(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        guard !r.registrationsByStatus.isEmpty else { return para(c.text("report.reg.none")) }
        let total = r.registrationsByStatus.reduce(0) { $0 + $1.count }
        let byAgency = ReportTable(head: [[.text(c.text("report.reg.agency")), .text(c.text("report.reg.count"))]],
                                   rows: r.registrationsByAgency.map { [.text($0.key.isEmpty ? "–" : fmt.agency($0.key)), count($0.count, fmt)] },
                                   total: [.text(c.text("report.total")), count(total, fmt)])
        let byStatus = ReportTable(head: [[.text(c.text("report.reg.status")), .text(c.text("report.reg.count"))]],
                                   rows: r.registrationsByStatus.map { [.text(c.value("status", $0.key)), count($0.count, fmt)] },
                                   total: [.text(c.text("report.total")), count(total, fmt)])
        return HTML.element("div", ["class": "cols"], HTML.element("div", [:], byAgency.html), HTML.element("div", [:], byStatus.html))
            + note(c.text("report.reg.note"))
    }
}
