import Foundation
import Testing
@testable import DeskCore

/// The SLA clock (SPEC §5). Times are written in desk time (UTC+7) unless they end in `Z`; 2025-03-03 is a Monday.
@Suite struct OfficeHoursTests {
    static let plain = OfficeCalendar()
    /// Wednesday 5 March 2025 is a holiday.
    static let withHoliday = OfficeCalendar(holidays: ["2025-03-05"])

    static func at(_ s: String) -> Date { DateText.parseInstant(s)! }

    @Test("office minutes", arguments: [
        ("2025-03-03 07:30", "2025-03-03 11:30", 240),
        ("2025-03-03 07:30", "2025-03-03 17:00", 480),
        ("2025-03-03 07:00", "2025-03-03 08:00", 30),  // before opening
        ("2025-03-03 05:00", "2025-03-03 07:30", 0),
        ("2025-03-03 11:00", "2025-03-03 13:30", 60),  // across lunch
        ("2025-03-03 11:30", "2025-03-03 13:00", 0),  // lunch only
        ("2025-03-03 12:00", "2025-03-03 12:59", 0),
        ("2025-03-03 16:30", "2025-03-03 18:00", 30),  // after closing
        ("2025-03-03 17:00", "2025-03-04 07:30", 0),  // overnight
        ("2025-03-03 16:00", "2025-03-04 08:30", 120),
        ("2025-03-03 00:00", "2025-03-04 00:00", 480),
        ("2025-03-07 16:00", "2025-03-10 08:30", 120),  // Friday to Monday across the weekend
        ("2025-03-08 09:00", "2025-03-09 15:00", 0),  // the weekend alone
        ("2025-03-08 10:00", "2025-03-10 09:30", 120),  // a span starting on Saturday
        ("2025-03-09 23:59", "2025-03-10 07:31", 1),
        ("2025-03-03 07:30", "2025-03-10 07:30", 2400),  // one week: 5 × 480
        ("2025-03-03 07:30", "2025-03-31 07:30", 9600),  // four weeks
        ("2025-03-05 09:00", "2025-03-26 09:00", 7200),  // three weeks from a Wednesday
        ("2025-03-03 07:30", "2025-03-03 07:30", 0),  // empty
        ("2025-03-04 09:00", "2025-03-03 09:00", 0),  // reversed
        ("2025-03-03T00:30:00Z", "2025-03-03T04:30:00Z", 240),  // UTC instants are desk 07:30–11:30
        ("2025-03-03 07:30:00", "2025-03-03 07:30:59", 0),  // whole minutes, rounded down
        ("2025-03-03 07:30:00", "2025-03-03 07:31:30", 1),
    ])
    func officeMinutes(from: String, to: String, expected: Int) {
        #expect(Self.plain.officeMinutes(from: Self.at(from), to: Self.at(to)) == expected)
    }

    @Test("office minutes around a holiday", arguments: [
        ("2025-03-03 07:30", "2025-03-10 07:30", 1920),  // the week loses one day
        ("2025-03-05 08:00", "2025-03-05 16:00", 0),  // the holiday itself
        ("2025-03-04 16:00", "2025-03-06 08:30", 120),  // Tuesday evening to Thursday morning
    ])
    func officeMinutesWithHoliday(from: String, to: String, expected: Int) {
        #expect(Self.withHoliday.officeMinutes(from: Self.at(from), to: Self.at(to)) == expected)
    }

    @Test func officeMinutesAcrossNewYear() {
        let calendar = OfficeCalendar(holidays: Set(OfficeCalendar.vietnamFixedHolidays(year: 2026)))
        // Wednesday 31 Dec 16:00 → Friday 2 Jan 08:00, New Year's Day off: 60 + 30.
        #expect(calendar.officeMinutes(from: Self.at("2025-12-31 16:00"), to: Self.at("2026-01-02 08:00")) == 90)
    }

    @Test("is office time", arguments: [
        ("2025-03-03 07:29", false), ("2025-03-03 07:30", true), ("2025-03-03 11:29", true),
        ("2025-03-03 11:30", false), ("2025-03-03 12:00", false), ("2025-03-03 12:59:59", false),
        ("2025-03-03 13:00", true), ("2025-03-03 16:59:59", true), ("2025-03-03 17:00", false),
        ("2025-03-03 06:00", false), ("2025-03-03 23:59", false), ("2025-03-07 16:30", true),
        ("2025-03-08 09:00", false), ("2025-03-09 14:00", false),
        ("2025-03-02T23:00:00Z", false),  // Monday 06:00 at the desk
        ("2025-03-03T01:00:00Z", true),  // Monday 08:00
        ("2025-03-07T09:59:00Z", true),  // Friday 16:59
        ("2025-03-07T10:30:00Z", false),  // Friday 17:30
        ("2025-03-07T17:30:00Z", false),  // Saturday 00:30
    ])
    func isOfficeTime(_ instant: String, expected: Bool) {
        #expect(Self.plain.isOfficeTime(Self.at(instant)) == expected)
    }

    @Test func holidayIsNotOfficeTime() {
        #expect(!Self.withHoliday.isOfficeTime(Self.at("2025-03-05 09:00")))
        #expect(Self.withHoliday.isOfficeTime(Self.at("2025-03-06 09:00")))
    }

    @Test("add office minutes", arguments: [
        ("2025-03-03 07:30", 240, "2025-03-03 11:30"),  // a session used up ends at its close
        ("2025-03-03 07:30", 241, "2025-03-03 13:01"),
        ("2025-03-03 07:30", 480, "2025-03-03 17:00"),
        ("2025-03-03 07:30", 481, "2025-03-04 07:31"),
        ("2025-03-03 12:00", 30, "2025-03-03 13:30"),  // from lunch
        ("2025-03-03 06:00", 1, "2025-03-03 07:31"),  // before opening
        ("2025-03-03 18:00", 60, "2025-03-04 08:30"),  // after closing
        ("2025-03-07 16:00", 120, "2025-03-10 08:30"),  // over the weekend
        ("2025-03-08 10:00", 60, "2025-03-10 08:30"),  // from Saturday
        ("2025-03-03 07:30", 2400, "2025-03-07 17:00"),  // a week's minutes end on Friday's close
        ("2025-03-03 07:30", 2401, "2025-03-10 07:31"),
        ("2025-03-03 09:00", 0, "2025-03-03 09:00"),
        ("2025-03-08 09:00", 0, "2025-03-08 09:00"),  // zero minutes: the start itself, even off hours
        ("2025-03-03 09:00", -30, "2025-03-03 09:00"),
    ])
    func addOfficeMinutes(start: String, minutes: Int, expected: String) {
        #expect(Self.plain.addOfficeMinutes(minutes, to: Self.at(start)) == Self.at(expected))
    }

    @Test func addOfficeMinutesSkipsHolidays() {
        #expect(Self.withHoliday.addOfficeMinutes(120, to: Self.at("2025-03-04 16:00")) == Self.at("2025-03-06 08:30"))
    }

    static let starts = ["2025-03-03 07:30", "2025-03-03 09:17:42", "2025-03-03 11:30", "2025-03-03 12:10",
                         "2025-03-03 16:59", "2025-03-03 20:00", "2025-03-07 15:00", "2025-03-08 10:00",
                         "2025-03-09 23:00", "2025-03-04T23:45:10Z"]

    @Test("addOfficeMinutes is the inverse of officeMinutes", arguments: starts)
    func inverse(start: String) {
        let a = Self.at(start)
        for calendar in [Self.plain, Self.withHoliday] {
            for m in [1, 29, 240, 241, 479, 480, 481, 1000, 2400, 5000] {
                let b = calendar.addOfficeMinutes(m, to: a)
                #expect(calendar.officeMinutes(from: a, to: b) == m, "\(start) + \(m)")
                // Earliest: one second earlier, a minute is still missing.
                #expect(calendar.officeMinutes(from: a, to: b.addingTimeInterval(-1)) == m - 1, "\(start) + \(m)")
            }
        }
    }

    @Test("officeMinutes then addOfficeMinutes never overshoots", arguments: starts)
    func roundTrip(start: String) {
        let a = Self.at(start)
        for hours in [1, 5, 17, 50, 200] {
            let b = a.addingTimeInterval(TimeInterval(hours * 3600))
            let m = Self.plain.officeMinutes(from: a, to: b)
            let back = Self.plain.addOfficeMinutes(m, to: a)
            #expect(back <= b)
            #expect(Self.plain.officeMinutes(from: a, to: back) == m)
        }
    }

    // MARK: - Working days

    @Test("working day", arguments: [
        ("2025-03-03", true), ("2025-03-07", true), ("2025-03-08", false), ("2025-03-09", false),
        ("2025-03-05", false),  // the holiday
        ("05/03/2025", false), ("06/03/2025", true),
        ("2025-02-30", false), ("not a date", false), ("", false),
    ])
    func isWorkingDay(_ date: String, expected: Bool) {
        #expect(Self.withHoliday.isWorkingDay(date) == expected)
    }

    @Test("add working days", arguments: [
        ("2025-03-03", 3, "2025-03-06"),  // Monday → Thursday
        ("2025-03-07", 1, "2025-03-10"),  // Friday → Monday
        ("2025-03-07", 3, "2025-03-12"),
        ("2025-03-08", 1, "2025-03-10"),  // Saturday: Monday is the first
        ("2025-03-09", 3, "2025-03-12"),
        ("2025-03-03", 5, "2025-03-10"),
        ("2025-03-03", 10, "2025-03-17"),
        ("2025-03-09", 0, "2025-03-09"),
        ("2025-03-10", -1, "2025-03-07"),
        ("2025-03-12", -3, "2025-03-07"),
        ("07/03/2025", 1, "2025-03-10"),
        ("2025-02-27", 2, "2025-03-03"),  // across a month end
    ])
    func addWorkingDays(date: String, n: Int, expected: String) {
        #expect(Self.plain.addWorkingDays(n, to: date) == expected)
    }

    @Test func addWorkingDaysAcrossHolidays() {
        let may = OfficeCalendar(holidays: ["2025-04-30", "2025-05-01"])
        #expect(may.addWorkingDays(3, to: "2025-04-28") == "2025-05-05")
        #expect(Self.plain.addWorkingDays(3, to: "2025-04-28") == "2025-05-01")
        let newYear = OfficeCalendar(holidays: ["2026-01-01"])
        #expect(newYear.addWorkingDays(1, to: "2025-12-31") == "2026-01-02")
        #expect(Self.withHoliday.addWorkingDays(2, to: "2025-03-04") == "2025-03-07")
        #expect(Self.plain.addWorkingDays(1, to: "bad") == "bad")
    }

    @Test func workingDaysBetween() {
        #expect(Self.plain.workingDays(after: "2025-03-03", through: "2025-03-10") == 5)
        #expect(Self.withHoliday.workingDays(after: "2025-03-03", through: "2025-03-10") == 4)
        #expect(Self.plain.workingDays(after: "2025-03-07", through: "2025-03-09") == 0)
        #expect(Self.plain.workingDays(after: "2025-03-03", through: "2025-03-03") == 0)
        #expect(Self.plain.workingDays(after: "2025-03-10", through: "2025-03-03") == 0)
    }

    // MARK: - Holidays

    @Test func fixedHolidays() {
        #expect(OfficeCalendar.vietnamFixedHolidays(year: 2025)
                == ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"])
        #expect(OfficeCalendar.vietnamFixedHolidays(year: 2026).first == "2026-01-01")
    }

    @Test func parseHolidayList() {
        #expect(OfficeCalendar.parseHolidayList("2025-01-01, 2025-04-30 01/05/2025;2025-09-02\n")
                == ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-02"])
        #expect(OfficeCalendar.parseHolidayList("") == [])
        #expect(OfficeCalendar.parseHolidayList(" ,, ") == [])
        #expect(OfficeCalendar.parseHolidayList("2025-02-30,2025-01-29,tet") == ["2025-01-29"])
        #expect(OfficeCalendar.holidayListProblems("2025-02-30,2025-01-29,tet") == ["2025-02-30", "tet"])
        #expect(OfficeCalendar.holidayListProblems("2025-01-29 2025-01-30") == [])
    }

    @Test func holidaysAreNormalisedOnInit() {
        let calendar = OfficeCalendar(holidays: ["01/05/2025", "nonsense"])
        #expect(calendar.holidays == ["2025-05-01"])
        #expect(!calendar.isWorkingDay("2025-05-01"))
    }

    @Test func aWholeDay() {
        #expect(OfficeCalendar.minutesPerWorkingDay == 480)
    }
    /// The closed-form clock agrees with walking every minute-bearing session of every day, over spans from minutes
    /// to two years, with holidays on weekdays and weekends, before and after 1970-01-01's weekday anchor.
    @Test func closedFormAgreesWithWalkingEachDay() {
        let calendars = [Self.plain, Self.withHoliday,
                         OfficeCalendar(holidays: ["2025-01-01", "2025-04-30", "2025-05-01", "2025-09-02", "2025-03-08", "2026-02-17"])]
        func walked(_ c: OfficeCalendar, _ from: Date, _ to: Date) -> Int {
            let a = OfficeCalendar.seconds(from), b = OfficeCalendar.seconds(to)
            guard b > a else { return 0 }
            var total = 0
            var day = OfficeCalendar.deskDay(a)
            while day <= OfficeCalendar.deskDay(b) {
                total += c.officeSeconds(onDay: day, from: a, to: b)
                day += 1
            }
            return total / 60
        }
        var rng = SystemRandomNumberGenerator()
        let base = Self.at("2024-12-20 06:00").timeIntervalSince1970
        for _ in 0..<3000 {
            let start = base + Double(Int.random(in: 0...(500 * 86400), using: &rng))
            let span = [600, 86400, 7 * 86400, 90 * 86400, 730 * 86400].randomElement(using: &rng)!
            let end = start + Double(Int.random(in: 0...span, using: &rng))
            for c in calendars {
                let from = Date(timeIntervalSince1970: start), to = Date(timeIntervalSince1970: end)
                #expect(c.officeMinutes(from: from, to: to) == walked(c, from, to))
            }
        }
        #expect(OfficeCalendar.weekdaysBefore(0) == 0)
        #expect(OfficeCalendar.weekdaysBefore(7) == 5)
        #expect(OfficeCalendar.weekdaysBefore(-7) == -5)
        #expect(OfficeCalendar.weekdaysBefore(2) == 2)  // Thursday and Friday 1–2 January 1970
        #expect(OfficeCalendar.weekdaysBefore(4) == 2)  // … then the weekend
    }
}
