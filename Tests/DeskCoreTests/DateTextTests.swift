import Foundation
import Testing
@testable import DeskCore

@Suite("DateText: dates")
struct DateTextDateTests {
    @Test(arguments: [
        ("2025-03-01", "2025-03-01"),
        ("01/03/2025", "2025-03-01"),
        ("1/3/2025", "2025-03-01"),
        ("01/3/2025", "2025-03-01"),
        (" 2025-03-01 ", "2025-03-01"),
        ("2025-03-01\n", "2025-03-01"),
        ("29/02/2024", "2024-02-29"),
        ("2024-02-29", "2024-02-29"),
        ("2000-02-29", "2000-02-29"),  // divisible by 400: leap
        ("31/12/1999", "1999-12-31"),
        ("31/01/2025", "2025-01-31"),
        ("30/04/2025", "2025-04-30"),
        ("2025-12-31", "2025-12-31"),
        ("1850-01-01", "1850-01-01"),
        ("2399-12-31", "2399-12-31"),
    ])
    func parses(raw: String, date: String) {
        #expect(DateText.parseDate(raw) == date)
    }

    @Test(arguments: [
        "31/04/2025", "2025-04-31", "31/06/2025", "31/09/2025", "31/11/2025",
        "29/02/2025", "2025-02-29", "1900-02-29", "2100-02-29", "30/02/2024",
        "00/01/2025", "32/01/2025", "01/13/2025", "01/00/2025", "2025-13-01", "2025-00-10", "2025-01-00",
        "2025-3-1", "25-03-01", "01/03/25", "2025/03/01", "01-03-2025", "001/03/2025", "01/003/2025",
        "2025-03-01T00:00:00", "2025-03", "", " ", "abc", "2025-+3-01", "+1/+3/2025", "2025- 3-01", "-1/03/2025",
        "1849-12-31", "2400-01-01", "٢٠٢٥-٠٣-٠١",
    ])
    func rejects(raw: String) {
        #expect(DateText.parseDate(raw) == nil)
    }

    @Test(arguments: [(2024, true), (2025, false), (1900, false), (2000, true), (2100, false), (2400, true), (1996, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(DateText.isLeap(year) == leap)
        #expect(DateText.daysInMonth(year, 2) == (leap ? 29 : 28))
    }

    @Test func daysInEveryMonth() {
        #expect((1...12).map { DateText.daysInMonth(2025, $0) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("1969-12-31", 3), ("2025-03-01", 6), ("2025-03-02", 7), ("2025-03-03", 1),
        ("2024-02-29", 4), ("2000-01-01", 6), ("1900-01-01", 1), ("2025-09-02", 2), ("2026-01-01", 4),
    ])
    func weekday(date: String, weekday: Int) {
        #expect(DateText.weekday(date) == weekday)
    }

    @Test func weekdayAgreesWithFoundationOverTwoCenturies() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -30_000, through: 50_000, by: 7 * 97 + 3) {
            let (y, m, d) = DateText.civilFromDays(days)
            let date = String(format: "%04d-%02d-%02d", y, m, d)
            let foundation = calendar.component(.weekday, from: Date(timeIntervalSince1970: Double(days) * 86400))
            let mondayFirst = (foundation + 5) % 7 + 1  // Foundation: 1 = Sunday
            #expect(DateText.weekday(date) == mondayFirst, "\(date)")
        }
    }

    @Test(arguments: [
        ("2025-02-28", 1, "2025-03-01"),
        ("2024-02-28", 1, "2024-02-29"),
        ("2024-02-29", 1, "2024-03-01"),
        ("2025-12-31", 1, "2026-01-01"),
        ("2025-01-01", -1, "2024-12-31"),
        ("2025-03-01", 0, "2025-03-01"),
        ("2025-03-01", 365, "2026-03-01"),
        ("2024-03-01", -366, "2023-03-01"),
        ("1970-01-01", -1, "1969-12-31"),
        ("2000-02-28", 2, "2000-03-01"),
        ("1900-02-28", 1, "1900-03-01"),
        ("2025-03-01", 10_000, "2052-07-17"),
    ])
    func addDays(date: String, days: Int, expected: String) {
        #expect(DateText.addDays(date, days) == expected)
        #expect(DateText.addDays(expected, -days) == date)
    }

    @Test func civilDayNumbersRoundTrip() {
        #expect(DateText.daysFromCivil(1970, 1, 1) == 0)
        #expect(DateText.daysFromCivil(2000, 3, 1) == 11_017)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = DateText.civilFromDays(days)
            #expect((1...12).contains(m) && d >= 1 && d <= DateText.daysInMonth(y, m))
            #expect(DateText.daysFromCivil(y, m, d) == days)
        }
    }
}

@Suite("DateText: instants")
struct DateTextInstantTests {
    @Test(arguments: [
        ("2025-03-01T08:30:00Z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00z", "2025-03-01T08:30:00Z"),
        ("2025-03-01t08:30:00Z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30Z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00.123Z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00,5Z", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00+07:00", "2025-03-01T01:30:00Z"),
        ("2025-03-01T08:30:00+0700", "2025-03-01T01:30:00Z"),
        ("2025-03-01T08:30:00+07", "2025-03-01T01:30:00Z"),
        ("2025-03-01T08:30:00.999+07:00", "2025-03-01T01:30:00Z"),
        ("2025-03-01T08:30:00-05:00", "2025-03-01T13:30:00Z"),
        ("2025-03-01T08:30:00+05:30", "2025-03-01T03:00:00Z"),
        ("2025-03-01T08:30:00+00:00", "2025-03-01T08:30:00Z"),
        ("2025-03-01T08:30:00-00:00", "2025-03-01T08:30:00Z"),
        ("2025-03-01T20:00:00-05:00", "2025-03-02T01:00:00Z"),
        // no zone: desk time, UTC+7
        ("2025-03-01T08:30:00", "2025-03-01T01:30:00Z"),
        ("2025-03-01T08:30", "2025-03-01T01:30:00Z"),
        ("2025-03-01 08:30:00", "2025-03-01T01:30:00Z"),
        ("2025-03-01 08:30", "2025-03-01T01:30:00Z"),
        ("2025-03-01 8:30", "2025-03-01T01:30:00Z"),
        ("2025-03-01T05:00:00", "2025-02-28T22:00:00Z"),
        ("2025-01-01T06:59:59", "2024-12-31T23:59:59Z"),
        ("01/03/2025 08:30", "2025-03-01T01:30:00Z"),
        // a bare date: midnight desk time
        ("2025-03-01", "2025-02-28T17:00:00Z"),
        ("01/03/2025", "2025-02-28T17:00:00Z"),
        ("1/1/2025", "2024-12-31T17:00:00Z"),
        (" 2025-03-01T08:30:00Z\n", "2025-03-01T08:30:00Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
        ("2024-02-29T23:59:59-01:00", "2024-03-01T00:59:59Z"),
    ])
    func parses(raw: String, utc: String) throws {
        let d = try #require(DateText.parseInstant(raw))
        #expect(DateText.format(d) == utc)
    }

    @Test func noZoneMeansUTCPlus7() throws {
        let local = try #require(DateText.parseInstant("2025-03-01T08:30:00"))
        let explicit = try #require(DateText.parseInstant("2025-03-01T08:30:00+07:00"))
        let utc = try #require(DateText.parseInstant("2025-03-01T01:30:00Z"))
        #expect(local == explicit)
        #expect(local == utc)
        #expect(DateText.deskOffsetSeconds == 25_200)
    }

    @Test(arguments: [
        "", "  ", "tomorrow", "2025-03-01T", "2025-03-01T08", "2025-03-01T25:00:00Z", "2025-03-01T24:00:00Z",
        "2025-03-01T08:60Z", "2025-03-01T08:30:61Z", "2025-02-30T08:00:00Z", "31/04/2025 08:00",
        "2025-03-01T08:30:00+07:xx", "2025-03-01T08:30:00+0", "2025-03-01T08:30:00+123", "2025-03-01T08:30:00+07:60",
        "2025-03-01T08:30:00+25:00", "2025-03-01T08:30:00.abcZ", "2025-03-01Tab:cdZ", "2025-03-01T+8:30Z",
        "2025-03-01T08:3Z", "2025-03-01T08:30:00:00Z", "2025-03-01T123:30Z", "08:30:00",
    ])
    func rejects(raw: String) {
        #expect(DateText.parseInstant(raw) == nil)
    }

    @Test(arguments: [
        "2025-03-01T08:30:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
        "2399-12-31T23:59:59Z", "1850-01-01T00:00:00Z", "2038-01-19T03:14:08Z",
    ])
    func formatRoundTrip(text: String) throws {
        let d = try #require(DateText.parseInstant(text))
        #expect(DateText.format(d) == text)
        #expect(DateText.parseInstant(DateText.format(d)) == d)
    }

    @Test func formatRoundTripOverManyInstants() {
        for seconds in stride(from: -3_000_000_000, through: 6_000_000_000, by: 86_399 * 113 + 17) {
            let d = Date(timeIntervalSince1970: TimeInterval(seconds))
            let text = DateText.format(d)
            #expect(text.count == 20 && text.hasSuffix("Z"))
            #expect(DateText.parseInstant(text) == d, "\(text)")
        }
    }

    @Test func formatDropsFractionsOfASecond() {
        #expect(DateText.format(Date(timeIntervalSince1970: 0.999)) == "1970-01-01T00:00:00Z")
        #expect(DateText.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test(arguments: [
        ("2025-02-28T16:59:59Z", "2025-02-28", "28/02/2025 23:59"),
        ("2025-02-28T17:00:00Z", "2025-03-01", "01/03/2025 00:00"),
        ("2025-03-01T01:30:00Z", "2025-03-01", "01/03/2025 08:30"),
        ("2024-12-31T17:00:00Z", "2025-01-01", "01/01/2025 00:00"),
    ])
    func deskLocal(utc: String, date: String, display: String) throws {
        let d = try #require(DateText.parseInstant(utc))
        #expect(DateText.deskDate(d) == date)
        #expect(DateText.deskDisplay(d) == display)
        #expect(DateText.deskDisplay(utc) == display)
    }

    @Test func deskDisplayOfStoredText() {
        #expect(DateText.deskDisplay(nil as String?) == "")
        #expect(DateText.deskDisplay("not a date") == "not a date")
        #expect(DateText.deskDisplay("2025-03-01 08:30") == "01/03/2025 08:30")
        #expect(DateText.displayDate("2025-03-07") == "07/03/2025" && DateText.displayDate("07/03/2025") == "07/03/2025")
        #expect(DateText.displayDate(nil) == "" && DateText.displayDate("1990") == "1990")
    }
}

@Suite("DateText: age")
struct DateTextAgeTests {
    @Test(arguments: [
        ("2000-03-01", "2025-02-28", 24),
        ("2000-03-01", "2025-03-01", 25),  // on the birthday
        ("2000-03-01", "2025-03-02", 25),
        ("1990-12-31", "2025-12-30", 34),
        ("1990-12-31", "2025-12-31", 35),
        ("1990-01-01", "2025-12-31", 35),
        ("2025-03-01", "2025-03-01", 0),
        ("2019-03-02", "2025-03-01", 5),  // TE card: under 6
        ("2019-03-01", "2025-03-01", 6),
        ("2007-03-01", "2025-02-28", 17),  // child registration: under 18
        ("2007-03-01", "2025-03-01", 18),
        // 29 February: the birthday counts on 1 March in common years, on 29 February in leap years
        ("2004-02-29", "2025-02-28", 20),
        ("2004-02-29", "2025-03-01", 21),
        ("2004-02-29", "2024-02-28", 19),
        ("2004-02-29", "2024-02-29", 20),
        ("2004-02-29", "2024-03-01", 20),
        ("2004-02-29", "2008-02-29", 4),
        ("2004-02-29", "2005-02-28", 0),
        ("2004-02-29", "2005-03-01", 1),
        ("2000-02-29", "2100-02-28", 99),  // 2100 is not a leap year
        ("2000-02-29", "2100-03-01", 100),
    ])
    func age(dob: String, today: String, age: Int) {
        #expect(DateText.age(dob: dob, on: today) == age)
    }

    @Test(arguments: [("", "2025-03-01"), ("2000-03", "2025-03-01"), ("2000-03-01", ""), ("abc", "def")])
    func ageOfMalformedDates(dob: String, today: String) {
        #expect(DateText.age(dob: dob, on: today) == nil)
    }
}
