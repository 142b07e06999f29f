import Foundation
import DeskCore

/// The figures of the supervisors' report (`report --html`, SPEC §8) for one period: what a supervisor hands to the
/// district's management. Times are office-hours minutes on the SLA clock of SPEC §5; the page (DeskShell) only
/// lays these numbers out.
public struct SupervisorReport: Sendable {
    /// Desk dates (`YYYY-MM-DD`), both ends included.
    public var from: String
    public var to: String
    public var generatedAt: Date
    /// Who made it (login and display name).
    public var author: Operator
    /// The desk's agency code (`07916`).
    public var deskAgency: String

    /// Tickets opened in the period (every call opens one).
    public var tickets = 0
    /// Of those, resolved or closed by the time of the report.
    public var resolved = 0

    public var sla: [SLARow] = []
    /// Every target missed, most late first.
    public var breaches: [Breach] = []
    /// Every day of the period, oldest first, days without a call included.
    public var days: [Day] = []
    /// Every hotline line (máy lẻ 120–129), then any other line a ticket names.
    public var lines: [Workload] = []
    /// The operators who opened tickets in the period, most tickets first.
    public var operators: [Workload] = []
    /// Tickets by category, most first.
    public var categories: [(key: String, count: Int)] = []

    /// Diagnosis rules over the registrations the period's tickets are about, run at the time of the report (the
    /// registration as it is now, not as it was during the call), beside the desk-wide count of registrations the
    /// rule makes stuck now. Most frequent first; rules that count nothing are left out.
    public var rules: [RuleCount] = []
    /// Distinct registrations named by the period's tickets and found in the desk (the base of `rules`).
    public var diagnosedRegistrations = 0

    /// Open and pending tickets opened up to the end of the period, by age at the time of the report.
    public var backlog: [(bucket: String, count: Int)] = []
    public var oldestOpen: (id: Int, openedAt: Date)?

    /// Registrations of the whole desk at the time of the report.
    public var registrationsByStatus: [(key: String, count: Int)] = []
    public var registrationsByAgency: [(key: String, count: Int)] = []

    public var open: Int { tickets - resolved }
    public var backlogTotal: Int { backlog.reduce(0) { $0 + $1.count } }

    public init(from: String, to: String, generatedAt: Date, author: Operator, deskAgency: String) {
        self.from = from
        self.to = to
        self.generatedAt = generatedAt
        self.author = author
        self.deskAgency = deskAgency
    }

    /// How a priority's tickets did against one target. A ticket still running that has not missed its target yet
    /// is neither met nor breached: it is left out of the rate.
    public struct Attainment: Sendable, Equatable {
        public var met = 0
        public var breached = 0
        public var running = 0
        public var decided: Int { met + breached }
        /// Met out of decided, in per cent; nil when nothing is decided yet.
        public var percent: Double? { decided == 0 ? nil : Double(met) * 100 / Double(decided) }

        public init(met: Int = 0, breached: Int = 0, running: Int = 0) {
            self.met = met
            self.breached = breached
            self.running = running
        }

        static func + (a: Attainment, b: Attainment) -> Attainment {
            Attainment(met: a.met + b.met, breached: a.breached + b.breached, running: a.running + b.running)
        }
    }

    /// One priority's SLA line: its targets (nil when the policy sets none) and how its tickets did.
    public struct SLARow: Sendable {
        public var priority: String
        public var tickets = 0
        public var firstResponseTarget: Int?
        public var resolutionTarget: Int?
        public var firstResponse = Attainment()
        public var resolution = Attainment()

        public init(priority: String, tickets: Int = 0, firstResponseTarget: Int? = nil, resolutionTarget: Int? = nil,
                    firstResponse: Attainment = .init(), resolution: Attainment = .init()) {
            self.priority = priority
            self.tickets = tickets
            self.firstResponseTarget = firstResponseTarget
            self.resolutionTarget = resolutionTarget
            self.firstResponse = firstResponse
            self.resolution = resolution
        }
    }

    /// Every priority together.
    public var slaTotal: SLARow {
        sla.reduce(into: SLARow(priority: "")) { total, row in
            total.tickets += row.tickets
            total.firstResponse = total.firstResponse + row.firstResponse
            total.resolution = total.resolution + row.resolution
        }
    }

    /// A target a ticket missed.
    public struct Breach: Sendable {
        public enum Target: String, Sendable { case firstResponse = "first_response", resolution }
        public var ticketID: Int
        public var priority: String
        public var openedAt: Date
        public var operatorLogin: String
        public var target: Target
        public var targetMinutes: Int
        /// Office minutes to the first response or resolution (so far, when `stillOpen`).
        public var actualMinutes: Int
        /// The target is still running: the ticket has no response (or resolution) yet.
        public var stillOpen: Bool
        public var lateMinutes: Int { actualMinutes - targetMinutes }

        public init(ticketID: Int, priority: String, openedAt: Date, operatorLogin: String, target: Target, targetMinutes: Int,
                    actualMinutes: Int, stillOpen: Bool) {
            self.ticketID = ticketID
            self.priority = priority
            self.openedAt = openedAt
            self.operatorLogin = operatorLogin
            self.target = target
            self.targetMinutes = targetMinutes
            self.actualMinutes = actualMinutes
            self.stillOpen = stillOpen
        }
    }

    public struct Day: Sendable, Equatable {
        public var date: String
        public var calls: Int
        /// Not a weekend or a holiday of the SLA calendar.
        public var workingDay: Bool

        public init(date: String, calls: Int, workingDay: Bool) {
            self.date = date
            self.calls = calls
            self.workingDay = workingDay
        }
    }

    /// One line's or one operator's tickets and times (`StatsService`'s row: count, resolved, medians).
    public struct Workload: Sendable {
        public var key: String
        /// The operator's display name (nil for a line, or a login no longer in `operators`).
        public var name: String?
        public var row: StatsService.TicketRow

        public init(key: String, name: String?, row: StatsService.TicketRow) {
            self.key = key
            self.name = name
            self.row = row
        }
    }

    public struct RuleCount: Sendable, Equatable {
        public var rule: String
        /// Registrations of the period's tickets with a finding of this rule (any severity).
        public var callers: Int
        /// Registrations this rule makes stuck now, desk-wide (SQL count, `stats registrations --by rule`).
        public var stuck: Int

        public init(rule: String, callers: Int, stuck: Int) {
            self.rule = rule
            self.callers = callers
            self.stuck = stuck
        }
    }
}
