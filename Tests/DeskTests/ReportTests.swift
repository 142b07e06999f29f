import Foundation
import Testing
import Desk
import DeskCore
import DeskStore

/// The supervisors' report's figures on a fixed week (Saturday 8 to Wednesday 12 March 2025, the clock at Wednesday
/// 09:00), on SQLite and on the in-memory fake: the report reads the data only through the storage protocols.
@Suite struct ReportTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, fake
        var testDescription: String { rawValue }
    }

    static func session(_ backend: Backend, role: Operator.Role = .supervisor) throws -> Session {
        switch backend {
        case .sqlite: return try Fixture(role: role).session
        case .fake: return try FakeStorageTests.session(role: role).1
        }
    }

    static func utc(_ deskTime: String) -> String { DateText.format(DateText.parseInstant(deskTime)!) }

    /// Opens a ticket, answers it and resolves it at the given desk times.
    @discardableResult
    static func ticket(_ s: Session, _ opened: String, priority: String, line: Int, operator login: String = "hoa",
                       code: String? = nil, category: String = "password", response: String? = nil, resolved: String? = nil) throws -> Int {
        let tickets = s.storage.tickets
        let id = try tickets.create(openedAt: utc(opened), operator: login, line: line, callerPhone: "0901234567", callerName: nil,
                                    bhxhCode: code, category: category, summary: "gọi hỏi", priority: priority, synthetic: false)
        if let response {
            try tickets.addNote(ticketID: id, at: utc(response), operator: login, kind: "note", detail: "đã gọi lại", countsAsResponse: true)
        }
        if let resolved {
            var t = try #require(try tickets.get(id))
            t.status = "resolved"
            t.resolvedAt = utc(resolved)
            t.resolution = "xong"
            try tickets.update(t)
        }
        return id
    }

    /// Five tickets: two met everything, one answered late, one still unanswered past its target, one opened before
    /// the week and still open.
    static func seed(_ s: Session) throws {
        var rejected = Registration(bhxhCode: "7901234570")
        rejected.fullName = "Đặng Đức Hùng"
        rejected.status = .rejected
        rejected.rejectReason = "ảnh CCCD mờ"
        rejected.agencyCode = "07916"
        rejected.submittedAt = "2025-02-20T01:00:00Z"
        try s.storage.registrations.upsert(rejected, at: "2025-02-20T01:00:00Z", operator: nil, eventKind: "import", bulk: nil)
        try ticket(s, "2025-03-10T08:00:00+07:00", priority: "normal", line: 121, code: "7901234570",
                   response: "2025-03-10T08:10:00+07:00", resolved: "2025-03-10T09:00:00+07:00")
        try ticket(s, "2025-03-10T09:00:00+07:00", priority: "urgent", line: 122, operator: "nam",
                   response: "2025-03-10T09:40:00+07:00", resolved: "2025-03-10T10:30:00+07:00")
        try ticket(s, "2025-03-11T14:00:00+07:00", priority: "high", line: 121, category: "login")
        // Saturday: the SLA clock starts on Monday at 07:30.
        try ticket(s, "2025-03-08T10:00:00+07:00", priority: "low", line: 123,
                   response: "2025-03-10T07:45:00+07:00", resolved: "2025-03-10T08:00:00+07:00")
        try ticket(s, "2025-02-20T10:00:00+07:00", priority: "normal", line: 124)
    }

    @Test(arguments: Backend.allCases) func aWeekOfTicketsAgainstTheTargets(backend: Backend) throws {
        let s = try Self.session(backend)
        try Self.seed(s)
        let r = try ReportService(session: s).build(from: "2025-03-08", to: "2025-03-12")
        #expect(r.tickets == 4 && r.resolved == 3 && r.open == 1)
        #expect(r.deskAgency == "07916" && r.author.login == "hoa")

        // Every day, the weekend and the days without a call included.
        #expect(r.days == [.init(date: "2025-03-08", calls: 1, workingDay: false), .init(date: "2025-03-09", calls: 0, workingDay: false),
                           .init(date: "2025-03-10", calls: 2, workingDay: true), .init(date: "2025-03-11", calls: 1, workingDay: true),
                           .init(date: "2025-03-12", calls: 0, workingDay: true)])

        let sla = Dictionary(uniqueKeysWithValues: r.sla.map { ($0.priority, $0) })
        #expect(r.sla.map(\.priority) == ["low", "normal", "high", "urgent"])
        #expect(sla["normal"]?.firstResponseTarget == 120 && sla["normal"]?.resolutionTarget == 960)
        #expect(sla["normal"]?.firstResponse == .init(met: 1) && sla["normal"]?.resolution == .init(met: 1))
        #expect(sla["urgent"]?.firstResponse == .init(breached: 1) && sla["urgent"]?.resolution == .init(met: 1))
        #expect(sla["high"]?.firstResponse == .init(breached: 1) && sla["high"]?.resolution == .init(running: 1))
        #expect(sla["low"]?.firstResponse == .init(met: 1) && sla["low"]?.resolution == .init(met: 1))
        #expect(r.slaTotal.tickets == 4 && r.slaTotal.firstResponse.percent == 50 && r.slaTotal.resolution.percent == 100)

        // Most late first: the high ticket has waited 14:00–17:00 and 07:30–09:00 = 270 office minutes for a 60-minute
        // target and is still waiting; the urgent one answered after 40 minutes for 15.
        #expect(r.breaches.map(\.ticketID) == [3, 2])
        let waiting = try #require(r.breaches.first)
        #expect(waiting.target == .firstResponse && waiting.actualMinutes == 270 && waiting.lateMinutes == 210 && waiting.stillOpen)
        #expect(r.breaches[1].lateMinutes == 25 && !r.breaches[1].stillOpen && r.breaches[1].operatorLogin == "nam")

        // Every line 120–129, idle ones included; handling times on the office clock.
        #expect(r.lines.map(\.key) == (120...129).map(String.init))
        let line121 = try #require(r.lines.first { $0.key == "121" }?.row)
        #expect(line121.count == 2 && line121.resolved == 1 && line121.open == 1)
        #expect(line121.medianFirstResponse == 10 && line121.medianResolution == 60 && line121.meanResolution == 60)
        #expect(r.lines.first { $0.key == "120" }?.row.count == 0)
        #expect(r.operators.map(\.key) == ["hoa", "nam"])
        #expect(r.operators[0].name == "Trần Thị Hoa" && r.operators[0].row.count == 3 && r.operators[1].name == nil)
        #expect(r.operators[0].row.medianResolution == 30 && r.operators[0].row.meanResolution == 45)
        #expect(r.categories.map(\.key) == ["password", "login"])

        // The one registration the week's tickets name is rejected, and so stuck.
        #expect(r.diagnosedRegistrations == 1)
        #expect(r.rules.first { $0.rule == "REJECTED" } == .init(rule: "REJECTED", callers: 1, stuck: 1))

        // The backlog counts what is still open of everything opened up to the period's end, by age now.
        #expect(r.backlog.map(\.count) == [1, 0, 0, 1] && r.backlogTotal == 2)
        #expect(r.oldestOpen?.id == 5)
        #expect(r.registrationsByStatus.map(\.key) == ["rejected"] && r.registrationsByAgency.map(\.key) == ["07916"])
    }

    @Test(arguments: Backend.allCases) func anEmptyPeriodHasItsDaysAndNoRates(backend: Backend) throws {
        let s = try Self.session(backend)
        try Self.seed(s)
        let r = try ReportService(session: s).build(from: "2025-04-01", to: "2025-04-03")
        #expect(r.tickets == 0 && r.breaches.isEmpty && r.operators.isEmpty && r.categories.isEmpty)
        #expect(r.days.map(\.calls) == [0, 0, 0] && r.days.allSatisfy(\.workingDay))
        #expect(r.sla.allSatisfy { $0.tickets == 0 && $0.firstResponse.percent == nil && $0.resolution.percent == nil })
        #expect(r.lines.count == 10 && r.lines.allSatisfy { $0.row.count == 0 })
        #expect(r.diagnosedRegistrations == 0)
        // What was open before is still the backlog.
        #expect(r.backlogTotal == 2)
    }

    @Test func theDefaultPeriodIsThisMonthSoFar() {
        #expect(ReportService.defaultPeriod(today: "2025-03-12") == ("2025-03-01", "2025-03-12"))
        #expect(ReportService.defaultPeriod(today: "2025-01-01") == ("2025-01-01", "2025-01-01"))
        #expect(ReportService.dayCount(from: "2024-02-28", to: "2024-03-01") == 3)
    }

    @Test func holidaysAreNotWorkingDays() throws {
        let s = try Self.session(.sqlite)
        let r = try ReportService(session: s).build(from: "2025-04-29", to: "2025-05-02")
        #expect(r.days.map(\.workingDay) == [true, false, false, true])
    }

    @Test func onlySupervisorsAndOnlyUpToAYear() throws {
        let s = try Self.session(.sqlite, role: .operatorRole)
        #expect(throws: DeskError.self) { try ReportService(session: s).build(from: "2025-03-01", to: "2025-03-12") }
        let sup = try Self.session(.sqlite)
        #expect(throws: DeskError.self) { try ReportService(session: sup).build(from: "2024-01-01", to: "2025-03-12") }
        #expect(throws: DeskError.self) { try ReportService(session: sup).build(from: "2025-03-12", to: "2025-03-01") }
    }
}
