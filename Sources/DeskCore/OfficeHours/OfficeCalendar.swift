import Foundation

/// The SLA clock of SPEC §5: office hours are Monday–Friday 07:30–11:30 and 13:00–17:00 desk time
/// (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), minus the configured public holidays.
///
/// Everything is epoch arithmetic on whole seconds plus `DateText`'s civil-date helpers, so the result never
/// depends on the machine's time zone or calendar settings.
public struct OfficeCalendar: Sendable, Equatable {
    /// Public holidays as `YYYY-MM-DD` desk dates; they are neither working days nor office time.
    public let holidays: Set<String>

    /// One office session, in minutes after desk midnight, end exclusive.
    public struct Session: Sendable, Equatable {
        public let start: Int
        public let end: Int
        public var minutes: Int { end - start }
    }

    /// 07:30–11:30 and 13:00–17:00.
    public static let sessions = [Session(start: 7 * 60 + 30, end: 11 * 60 + 30), Session(start: 13 * 60, end: 17 * 60)]
    /// 480: the office minutes of one full working day.
    public static let minutesPerWorkingDay = sessions.reduce(0) { $0 + $1.minutes }

    /// Holidays may be given as `YYYY-MM-DD` or `DD/MM/YYYY`; entries that are not real dates are dropped
    /// (config validation reports them, see `holidayListProblems`).
    public init(holidays: Set<String> = []) {
        let dates: Set<String> = Set(holidays.compactMap(DateText.parseDate))
        self.holidays = dates
        var days: Set<Int> = []
        for date in dates { days.insert(Self.dayNumber(date)) }
        self.holidayDays = days
    }

    /// The same holidays as day numbers, so the clock never formats a date to look one up.
    let holidayDays: Set<Int>

    /// Minutes of office time in `[from, to)`, rounded down to whole minutes; 0 when `to <= from`.
    /// The first and last days are walked session by session; every whole day between counts 480 minutes if it is
    /// a working day, counted in closed form (`workingDays(from:through:)`), so a ticket open for a year costs the
    /// same as one opened this morning.
    public func officeMinutes(from: Date, to: Date) -> Int {
        let a: Int = Self.seconds(from)
        let b: Int = Self.seconds(to)
        guard b > a else { return 0 }
        let firstDay: Int = Self.deskDay(a)
        let lastDay: Int = Self.deskDay(b)
        var total: Int = officeSeconds(onDay: firstDay, from: a, to: b)
        if lastDay > firstDay {
            total += officeSeconds(onDay: lastDay, from: a, to: b)
            let wholeDays: Int = workingDays(from: firstDay + 1, through: lastDay - 1)
            total += wholeDays * Self.minutesPerWorkingDay * 60
        }
        return total / 60
    }

    /// Seconds of `[a, b)` that fall in the office sessions of one desk day.
    func officeSeconds(onDay day: Int, from a: Int, to b: Int) -> Int {
        guard isWorkingDay(dayNumber: day) else { return 0 }
        var total: Int = 0
        for session in Self.sessions {
            let (s, e) = Self.bounds(session, day: day)
            let overlap: Int = min(e, b) - max(s, a)
            if overlap > 0 { total += overlap }
        }
        return total
    }

    /// Working days among the day numbers `first...last` (0 when the range is empty).
    func workingDays(from first: Int, through last: Int) -> Int {
        guard last >= first else { return 0 }
        var count: Int = Self.weekdaysBefore(last + 1) - Self.weekdaysBefore(first)
        for day in holidayDays where day >= first && day <= last && Self.isWeekday(day) {
            count -= 1
        }
        return count
    }

    /// Monday-to-Friday days among the day numbers `0..<n` (negative n counts the days before 1970 negatively).
    static func weekdaysBefore(_ n: Int) -> Int {
        let weeks: Int = n >= 0 ? n / 7 : -((-n + 6) / 7)
        var count: Int = weeks * 5
        var day: Int = weeks * 7
        while day < n {
            if isWeekday(day) { count += 1 }
            day += 1
        }
        return count
    }

    static func isWeekday(_ day: Int) -> Bool {
        let weekday: Int = ((day % 7) + 7 + 3) % 7 + 1  // 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday
        return weekday <= 5
    }

    /// The earliest instant at which `minutes` office minutes have elapsed since `start`. A deadline that uses up a
    /// session exactly ends at that session's close (e.g. 11:30), not at the next opening. `minutes <= 0` returns
    /// `start` unchanged.
    public func addOfficeMinutes(_ minutes: Int, to start: Date) -> Date {
        guard minutes > 0 else { return start }
        var remaining = minutes * 60
        let a = Self.seconds(start)
        var day = Self.deskDay(a)
        while true {
            if isWorkingDay(dayNumber: day) {
                for session in Self.sessions {
                    let (s0, e) = Self.bounds(session, day: day)
                    let s = max(s0, a)
                    guard s < e else { continue }
                    if remaining <= e - s { return Date(timeIntervalSince1970: TimeInterval(s + remaining)) }
                    remaining -= e - s
                }
            }
            day += 1
        }
    }

    /// Whether the instant falls inside an office session of a working day (opening minute included, closing
    /// minute excluded: 17:00:00 is already closed).
    public func isOfficeTime(_ d: Date) -> Bool {
        let t = Self.seconds(d)
        let day = Self.deskDay(t)
        guard isWorkingDay(dayNumber: day) else { return false }
        return Self.sessions.contains { session in
            let (s, e) = Self.bounds(session, day: day)
            return t >= s && t < e
        }
    }

    // MARK: - Epoch arithmetic

    /// Whole seconds since 1970 (fractions dropped, towards the past).
    static func seconds(_ d: Date) -> Int { Int(d.timeIntervalSince1970.rounded(.down)) }

    /// Days since 1970-01-01 of the desk-local date of an instant.
    static func deskDay(_ seconds: Int) -> Int {
        let local = seconds + DateText.deskOffsetSeconds
        return local >= 0 ? local / 86400 : -((-local + 86399) / 86400)
    }

    /// A session's start and end on a desk day, as epoch seconds.
    static func bounds(_ session: Session, day: Int) -> (Int, Int) {
        let midnight = day * 86400 - DateText.deskOffsetSeconds
        return (midnight + session.start * 60, midnight + session.end * 60)
    }
}
