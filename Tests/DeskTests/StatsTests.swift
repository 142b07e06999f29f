import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport
import DeskStore

@Suite(.freshDatabases) struct StatsTests {
    @Test func percentilesByNearestRank() {
        #expect(Percentile.median([1, 2, 3, 4]) == 2)
        #expect(Percentile.nearestRank([15, 20, 35, 40, 50], 90) == 50)
        #expect(Percentile.nearestRank([15, 20, 35, 40, 50], 30) == 20)
        #expect(Percentile.median([Int]()) == nil)
    }

    @Test func isoWeeks() {
        #expect(StatsService.isoWeek("2025-03-12") == "2025-W11")
        #expect(StatsService.isoWeek("2024-12-30") == "2025-W01")
        #expect(StatsService.isoWeek("2021-01-03") == "2020-W53")
    }

    /// Times are office-hours minutes: a ticket opened Friday 16:50 and answered Monday 07:40 waited 20 minutes.
    @Test func ticketTimesUseTheOfficeClock() throws {
        let f = try Fixture()
        let s = f.storage.tickets
        let id = try s.create(openedAt: "2025-03-07T09:50:00Z", operator: "hoa", line: 121, callerPhone: "0901234567", callerName: nil,
                              bhxhCode: nil, category: "password", summary: "x", priority: "normal")
        try s.addNote(ticketID: id, at: "2025-03-10T00:40:00Z", operator: "hoa", kind: "note", detail: "gọi lại", countsAsResponse: true)
        var t = try #require(try s.get(id))
        t.status = "resolved"
        t.resolvedAt = "2025-03-10T01:30:00Z"
        try s.update(t)
        _ = try s.create(openedAt: "2025-03-11T02:00:00Z", operator: "hoa", line: 122, callerPhone: "0901234568", callerName: nil,
                         bhxhCode: nil, category: "install", summary: "y", priority: "normal")
        let (rows, backlog) = try StatsService(session: f.session).tickets(by: "line", from: nil, to: nil)
        let line121 = try #require(rows.first { $0.key == "121" })
        #expect(line121.count == 1 && line121.resolved == 1 && line121.open == 0)
        #expect(line121.medianFirstResponse == 20)
        #expect(line121.medianResolution == 70)
        let line122 = try #require(rows.first { $0.key == "122" })
        #expect(line122.open == 1 && line122.medianFirstResponse == nil)
        #expect(backlog.buckets.first { $0.0 == "1-3d" }?.1 == 1)
        let byDay = try StatsService(session: f.session).tickets(by: "day", from: "2025-03-10T17:00:00Z", to: nil).0
        #expect(byDay.map(\.key) == ["2025-03-11"])
    }

    @Test func registrationsByStatusAndRule() throws {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        let byStatus = try StatsService(session: f.session).registrations(by: "status")
        #expect(byStatus.reduce(0) { $0 + $1.count } == 4)
        let byRule = try StatsService(session: f.session).registrations(by: "rule")
        #expect(byRule.first { $0.key == "REJECTED" }?.count == 1)
        #expect(throws: DeskError.self) { try StatsService(session: f.session).registrations(by: "colour") }
    }

    /// Most first, then by rule code; `includeWarnings` adds the warning rules the SQL leaves out.
    @Test func byRuleIsSortedAndCanIncludeWarnings() throws {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 400)
        let stats = StatsService(session: f.session)
        for rows in [try stats.registrations(by: "rule"), try stats.registrations(by: "rule", includeWarnings: true)] {
            for (a, b) in zip(rows, rows.dropFirst()) {
                #expect(a.count > b.count || (a.count == b.count && a.key < b.key), "\(a) before \(b)")
            }
        }
        let errors = Dictionary(uniqueKeysWithValues: try stats.registrations(by: "rule").map { ($0.key, $0.count) })
        let all = Dictionary(uniqueKeysWithValues: try stats.registrations(by: "rule", includeWarnings: true).map { ($0.key, $0.count) })
        #expect(errors["PENDING_TOO_LONG"] == nil)
        #expect((all["PENDING_TOO_LONG"] ?? 0) > 0)
        #expect(Set(all.keys) == Set(Diagnosis.ruleCodes))
        for (rule, n) in errors { #expect(all[rule, default: 0] >= n, "\(rule)") }
    }
}
