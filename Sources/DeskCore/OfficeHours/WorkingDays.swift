/// Working days: Monday to Friday, except the calendar's holidays. Used for review deadlines (PENDING_TOO_LONG,
/// SPEC §4) as well as by the office-minute clock.
extension OfficeCalendar {
    /// Whether `date` (`YYYY-MM-DD`, or `DD/MM/YYYY`) is a working day; an unparseable date is not.
    public func isWorkingDay(_ date: String) -> Bool {
        guard let d = DateText.parseDate(date) else { return false }
        return isWorkingDay(dayNumber: Self.dayNumber(d))
    }

    /// The date that is `n` working days after `date`: each following day that is a working day counts one, and the
    /// n-th such day is the answer. The start date itself never counts, whatever it is, so a dossier submitted on
    /// Friday or Saturday with n = 3 is due on Wednesday. `n = 0` returns the date itself; a negative `n` counts
    /// backwards the same way. An unparseable date is returned unchanged.
    public func addWorkingDays(_ n: Int, to date: String) -> String {
        guard let d = DateText.parseDate(date) else { return date }
        var day = Self.dayNumber(d)
        var left = abs(n)
        let step = n < 0 ? -1 : 1
        while left > 0 {
            day += step
            if isWorkingDay(dayNumber: day) { left -= 1 }
        }
        return Self.dateText(day)
    }

    /// How many working days lie after `from` up to and including `to` (0 when `to <= from`).
    public func workingDays(after from: String, through to: String) -> Int {
        guard let a = DateText.parseDate(from), let b = DateText.parseDate(to) else { return 0 }
        let (first, last) = (Self.dayNumber(a) + 1, Self.dayNumber(b))
        return workingDays(from: first, through: last)
    }

    // MARK: - Day numbers (days since 1970-01-01)

    func isWorkingDay(dayNumber day: Int) -> Bool {
        Self.isWeekday(day) && !holidayDays.contains(day)
    }

    /// `date` must already be a valid `YYYY-MM-DD`.
    static func dayNumber(_ date: String) -> Int {
        let p = date.split(separator: "-").map { Int($0)! }
        return DateText.daysFromCivil(p[0], p[1], p[2])
    }

    static func dateText(_ day: Int) -> String {
        let (y, m, d) = DateText.civilFromDays(day)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
