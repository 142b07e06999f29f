import Foundation
import DeskCore

/// Builds the supervisors' report (`SupervisorReport`) for a period, from the storage protocols only: one pass over
/// the period's tickets (`forEachTicket`), a diagnosis of the registrations they are about, the open backlog
/// (`list`), the desk-wide stuck counts and registration counts. Each ticket is weighed with the same code as
/// `stats tickets` (`StatsService.record`) and `ticket list --overdue` (`SLAPolicy.state`), so the page and the
/// console never disagree.
public struct ReportService {
    let session: Session
    public init(session: Session) { self.session = session }

    /// The longest period one report covers: a chart of every day stays readable up to a year.
    public static let maxDays = 366

    /// This month so far, in desk time: the first of the month through today.
    public static func defaultPeriod(today: String) -> (from: String, to: String) {
        (String(today.prefix(8)) + "01", today)
    }

    /// Days from `from` through `to` (desk dates), both included.
    public static func dayCount(from: String, to: String) -> Int {
        func number(_ d: String) -> Int {
            let p = d.split(separator: "-").map { Int($0)! }
            return DateText.daysFromCivil(p[0], p[1], p[2])
        }
        return number(to) - number(from) + 1
    }

    /// `from` and `to` are `YYYY-MM-DD` desk dates (the shell checks them), `from` not after `to`.
    public func build(from: String, to: String) throws -> SupervisorReport {
        try session.require(.supervisor, for: "report")
        let count = Self.dayCount(from: from, to: to)
        guard count >= 1, count <= Self.maxDays else {
            throw DeskError.usage(.reportLength, ["max": .int(Self.maxDays), "n": .int(count)])
        }
        let policy = try SLAPolicy.load(session.settings, today: session.clock.today)
        let now = session.clock.now
        let start = DateText.format(DateText.parseInstant(from)!)
        let end = DateText.format(DateText.parseInstant(DateText.addDays(from, count))!)
        var report = SupervisorReport(from: from, to: to, generatedAt: now, author: session.actor, deskAgency: session.deskAgency)

        var perDay: [String: Int] = [:]
        var lines: [Int: StatsService.TicketRow] = [:]
        var operators: [String: StatsService.TicketRow] = [:]
        var categories: [String: Int] = [:]
        var sla = Dictionary(uniqueKeysWithValues: TicketPriority.names.map { p in
            (p, SupervisorReport.SLARow(priority: p, firstResponseTarget: policy.firstResponse[p], resolutionTarget: policy.resolution[p]))
        })
        var codes: Set<String> = []
        var scanned = 0
        try session.storage.tickets.forEachTicket(from: start, to: end) { t in
            scanned += 1
            if scanned % 5000 == 0, session.isCancelled() { throw DeskError.interrupted(.reportInterrupted) }
            guard let opened = DateText.parseInstant(t.openedAt) else { return }
            report.tickets += 1
            if !StatsService.isOpen(t) { report.resolved += 1 }
            perDay[DateText.deskDate(opened), default: 0] += 1
            StatsService.record(t, opened: opened, calendar: policy.calendar, into: &lines[t.line, default: .init(key: String(t.line))])
            StatsService.record(t, opened: opened, calendar: policy.calendar,
                                into: &operators[t.operatorLogin, default: .init(key: t.operatorLogin)])
            categories[t.category, default: 0] += 1
            if let code = t.bhxhCode { codes.insert(code) }
            Self.weigh(t, opened: opened, policy: policy, now: now, into: &sla[t.priority, default: .init(priority: t.priority)],
                       breaches: &report.breaches)
        }

        report.sla = TicketPriority.names.compactMap { sla[$0] } + sla.keys.filter { !TicketPriority.names.contains($0) }.sorted().compactMap { sla[$0] }
        report.breaches.sort { ($0.lateMinutes, $1.ticketID) > ($1.lateMinutes, $0.ticketID) }
        report.days = (0..<count).map { i in
            let date = DateText.addDays(from, i)
            return .init(date: date, calls: perDay[date] ?? 0, workingDay: policy.calendar.isWorkingDay(date))
        }
        let names = Dictionary(try session.storage.operators.list().map { ($0.login, $0.displayName) }) { a, _ in a }
        let lineKeys = Array(HotlineLine.range) + lines.keys.filter { !HotlineLine.isValid($0) }.sorted()
        report.lines = lineKeys.map { .init(key: String($0), name: nil, row: lines[$0] ?? .init(key: String($0))) }
        report.operators = operators.values.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
            .map { .init(key: $0.key, name: names[$0.key], row: $0) }
        report.categories = categories.map { (key: $0.key, count: $0.value) }.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        try diagnose(codes, into: &report)
        try countBacklog(before: end, now: now, into: &report)
        report.registrationsByStatus = try session.storage.registrations.countBy(.status).map { (key: $0.0, count: $0.1) }
        report.registrationsByAgency = try session.storage.registrations.countBy(.agency).map { (key: $0.0, count: $0.1) }
        return report
    }

    /// One ticket against its priority's two targets (`SLAPolicy.state`, the clock `ticket list --overdue` uses).
    /// A target is met when the ticket answered (or was resolved) in time; breached when it did so late, or is
    /// still waiting past the target; running otherwise.
    static func weigh(_ t: TicketSummary, opened: Date, policy: SLAPolicy, now: Date, into row: inout SupervisorReport.SLARow,
                      breaches: inout [SupervisorReport.Breach]) {
        row.tickets += 1
        let state = policy.state(t, now: now)
        let running = StatsService.isOpen(t)
        func breach(_ target: SupervisorReport.Breach.Target, due: Int, actual: Int, stillOpen: Bool) {
            breaches.append(.init(ticketID: t.id, priority: t.priority, openedAt: opened, operatorLogin: t.operatorLogin, target: target,
                                  targetMinutes: due, actualMinutes: actual, stillOpen: stillOpen))
        }
        if let due = state.firstResponseDue {
            if state.firstResponseBreached {
                row.firstResponse.breached += 1
                breach(.firstResponse, due: due, actual: state.firstResponseMinutes ?? state.elapsed,
                       stillOpen: state.firstResponseMinutes == nil && running)
            } else if state.firstResponseMinutes != nil || !running {
                row.firstResponse.met += 1
            } else {
                row.firstResponse.running += 1
            }
        }
        if let due = state.resolutionDue {
            if state.resolutionBreached {
                row.resolution.breached += 1
                breach(.resolution, due: due, actual: state.elapsed, stillOpen: running)
            } else if running {
                row.resolution.running += 1
            } else {
                row.resolution.met += 1
            }
        }
    }

    /// Runs the rules over each registration the period's tickets name (as it is now) and reads the desk-wide
    /// stuck counts.
    private func diagnose(_ codes: Set<String>, into report: inout SupervisorReport) throws {
        let diagnosis = DiagnosisService(session: session)
        let ctx = try diagnosis.context()
        var callers: [String: Int] = [:]
        for (i, code) in codes.sorted().enumerated() {
            if i % 500 == 499, session.isCancelled() { throw DeskError.interrupted(.reportInterrupted) }
            guard let r = try session.storage.registrations.get(code) else { continue }
            report.diagnosedRegistrations += 1
            for rule in Set(Diagnosis.run(try diagnosis.snapshot(r), ctx).map(\.rule)) { callers[rule, default: 0] += 1 }
        }
        let stuck = try session.storage.registrations.stuckCounts(try diagnosis.stuckCriteria(ctx), agency: nil).counts
        var rules = Dictionary(uniqueKeysWithValues: callers.map { ($0.key, SupervisorReport.RuleCount(rule: $0.key, callers: $0.value, stuck: 0)) })
        for (rule, n) in stuck where n > 0 { rules[rule, default: .init(rule: rule, callers: 0, stuck: 0)].stuck = n }
        report.rules = rules.values.sorted { ($0.callers, $0.stuck, $1.rule) > ($1.callers, $1.stuck, $0.rule) }
    }

    /// Open and pending tickets opened before `end`, newest first in pages, bucketed by age like `stats tickets`.
    private func countBacklog(before end: String, now: Date, into report: inout SupervisorReport) throws {
        var buckets = Dictionary(uniqueKeysWithValues: StatsService.ageBuckets.map { ($0, 0) })
        var filter = TicketFilter()
        filter.statuses = ["open", "pending"]
        filter.to = end
        while true {
            let page = try session.storage.tickets.list(filter, limit: 1000)
            guard let last = page.last else { break }
            for t in page {
                guard let opened = DateText.parseInstant(t.openedAt) else { continue }
                buckets[StatsService.ageBucket(opened: opened, now: now), default: 0] += 1
                if report.oldestOpen.map({ opened < $0.openedAt }) ?? true { report.oldestOpen = (t.id, opened) }
            }
            filter.beforeID = last.id
            if session.isCancelled() { throw DeskError.interrupted(.reportInterrupted) }
        }
        report.backlog = StatsService.ageBuckets.map { (bucket: $0, count: buckets[$0] ?? 0) }
    }
}
