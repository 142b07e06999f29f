/// Public holidays of Vietnam for the office calendar.
///
/// Article 112 of the 2019 Labour Code (Bộ luật Lao động 2019) gives: Tết Dương lịch 1/1; Tết Âm lịch (5 days);
/// Chiến thắng 30/4; Quốc tế Lao động 1/5; Quốc khánh 2/9 plus one adjacent day (1/9 or 3/9, chosen by the
/// government each year — we use 1/9); Giỗ Tổ Hùng Vương 10/3 âm lịch. Only the solar-calendar days are computed
/// here. Tết, Giỗ Tổ, the choice of 3/9 instead of 1/9 and compensatory days off (nghỉ bù, when a holiday falls on a
/// weekend) are announced per year and must be added through the `holidays` configuration value.
extension OfficeCalendar {
    /// `YYYY-01-01`, `YYYY-04-30`, `YYYY-05-01`, `YYYY-09-01`, `YYYY-09-02`, in date order.
    public static func vietnamFixedHolidays(year: Int) -> [String] {
        [(1, 1), (4, 30), (5, 1), (9, 1), (9, 2)].map { m, d in
            dateText(DateText.daysFromCivil(year, m, d))
        }
    }

    /// Parses a configuration value listing holidays separated by commas, semicolons or white space; each entry is
    /// `YYYY-MM-DD` or `DD/MM/YYYY`. Entries that are not real dates are ignored (see `holidayListProblems`).
    public static func parseHolidayList(_ s: String) -> Set<String> {
        Set(holidayTokens(s).compactMap(DateText.parseDate))
    }

    /// The entries of a holiday list that are not real dates, for `config set holidays` to refuse with.
    public static func holidayListProblems(_ s: String) -> [String] {
        holidayTokens(s).filter { DateText.parseDate($0) == nil }
    }

    private static func holidayTokens(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
    }
}
