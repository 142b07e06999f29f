import Foundation

/// Dates and times as the store keeps them: `YYYY-MM-DD` for dates, ISO 8601 UTC (`…Z`) for instants, which sort
/// as text. The desk's wall clock is Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
public enum DateText {
    public static let deskOffsetSeconds = 7 * 3600

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY` (also `D/M/YYYY`) into `YYYY-MM-DD`, checking the day exists.
    public static func parseDate(_ raw: String) -> String? {
        if let fast = fastDate(Array(raw.utf8)) {
            return fast.valid ? raw : nil
        }
        let s = raw.trimmed
        var y = 0, m = 0, d = 0
        let dash = s.split(separator: "-", omittingEmptySubsequences: false)
        let slash = s.split(separator: "/", omittingEmptySubsequences: false)
        // Every part must be plain ASCII digits: `Int` alone would accept `+5`.
        if dash.count == 3, dash[0].count == 4, dash[1].count == 2, dash[2].count == 2, dash.allSatisfy(isDigits),
           let yy = Int(dash[0]), let mm = Int(dash[1]), let dd = Int(dash[2]) {
            (y, m, d) = (yy, mm, dd)
        } else if slash.count == 3, slash[2].count == 4, (1...2).contains(slash[0].count), (1...2).contains(slash[1].count),
                  slash.allSatisfy(isDigits), let dd = Int(slash[0]), let mm = Int(slash[1]), let yy = Int(slash[2]) {
            (y, m, d) = (yy, mm, dd)
        } else {
            return nil
        }
        guard (1...12).contains(m), d >= 1, d <= daysInMonth(y, m), (1850...2399).contains(y) else { return nil }
        return ymd(y, m, d)
    }

    private static func isDigits<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// Parses ISO 8601 date-times (`2025-03-01T08:30:00Z`, with an offset, with or without seconds or fraction, or
    /// a space instead of `T`); a time with no zone is desk time (UTC+7). A bare date means midnight desk time.
    public static func parseInstant(_ raw: String) -> Date? {
        if let fast = fastInstant(Array(raw.utf8)) { return fast }
        var s = raw.trimmed
        if s.isEmpty { return nil }
        if let d = parseDate(s) { s = d + "T00:00:00" }
        s = s.replacingOccurrences(of: " ", with: "T").replacingOccurrences(of: "t", with: "T")
        var zoneSeconds = deskOffsetSeconds
        if s.hasSuffix("Z") || s.hasSuffix("z") {
            zoneSeconds = 0
            s.removeLast()
        } else if let signIdx = s.lastIndex(where: { $0 == "+" || $0 == "-" }), s.distance(from: s.startIndex, to: signIdx) > 10 {
            let zone = s[signIdx...]
            s = String(s[..<signIdx])
            let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
            guard digits.count == 4 || digits.count == 2, isDigits(digits),
                  let hh = Int(digits.prefix(2)), let mm = digits.count == 4 ? Int(digits.suffix(2)) : 0,
                  hh <= 18, mm <= 59 else { return nil }
            zoneSeconds = (hh * 3600 + mm * 60) * (zone.first == "-" ? -1 : 1)
        }
        let parts = s.split(separator: "T")
        guard parts.count == 2, let date = parseDate(String(parts[0])) else { return nil }
        var timePart = Substring(parts[1])
        if let dot = timePart.firstIndex(where: { $0 == "." || $0 == "," }) {
            guard isDigits(timePart[timePart.index(after: dot)...]) else { return nil }
            timePart = timePart[..<dot]
        }
        let fields = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields.allSatisfy(isDigits), (1...2).contains(fields[0].count),
              fields.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let t = fields.map { Int($0)! }
        let (h, mi, se) = (t[0], t[1], t.count == 3 ? t[2] : 0)
        guard (0...23).contains(h), (0...59).contains(mi), (0...60).contains(se) else { return nil }
        let dp = date.split(separator: "-").map { Int($0)! }
        let days = daysFromCivil(dp[0], dp[1], dp[2])
        let seconds = days * 86400 + h * 3600 + mi * 60 + se - zoneSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `2025-03-01T01:30:00Z`.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        return formatUTC(seconds: total)
    }

    static func formatUTC(seconds total: Int) -> String {
        let days = Int((Double(total) / 86400).rounded(.down))
        let rem = total - days * 86400
        let (y, m, d) = civilFromDays(days)
        return ymd(y, m, d) + "T" + pad2(rem / 3600) + ":" + pad2(rem % 3600 / 60) + ":" + pad2(rem % 60) + "Z"
    }

    /// The desk-local calendar date (`YYYY-MM-DD`) of an instant.
    public static func deskDate(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + deskOffsetSeconds
        let (y, m, d) = civilFromDays(Int((Double(local) / 86400).rounded(.down)))
        return ymd(y, m, d)
    }

    /// Desk-local `DD/MM/YYYY HH:MM`, as people here write a time (SPEC §14); JSON and CSV keep ISO 8601 UTC.
    public static func deskDisplay(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + deskOffsetSeconds
        let days = Int((Double(local) / 86400).rounded(.down))
        let rem = local - days * 86400
        let (y, m, d) = civilFromDays(days)
        return dmy(y, m, d) + " " + pad2(rem / 3600) + ":" + pad2(rem % 3600 / 60)
    }

    /// A calendar date `YYYY-MM-DD` as people write it, `DD/MM/YYYY`; anything else (nil: empty) as it is.
    public static func displayDate(_ iso: String?) -> String {
        guard let iso, let date = parseDate(iso) else { return iso ?? "" }
        let p = date.split(separator: "-")
        return "\(p[2])/\(p[1])/\(p[0])"
    }

    public static func deskDisplay(_ stored: String?) -> String {
        guard let stored, let d = parseInstant(stored) else { return stored ?? "" }
        return deskDisplay(d)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// Age in whole years on `today` (`YYYY-MM-DD`); a 29 February birthday counts on 1 March in common years.
    public static func age(dob: String, on today: String) -> Int? {
        let b = dob.split(separator: "-").compactMap { Int($0) }
        let t = today.split(separator: "-").compactMap { Int($0) }
        guard b.count == 3, t.count == 3 else { return nil }
        var age = t[0] - b[0]
        if (t[1], t[2]) < (b[1], b[2]) { age -= 1 }
        return age
    }

    /// Weekday of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday.
    public static func weekday(_ date: String) -> Int {
        let p = date.split(separator: "-").map { Int($0)! }
        let days = daysFromCivil(p[0], p[1], p[2])
        return ((days % 7) + 7 + 3) % 7 + 1  // 1970-01-01 was a Thursday
    }

    public static func addDays(_ date: String, _ n: Int) -> String {
        let p = date.split(separator: "-").map { Int($0)! }
        let (y, m, d) = civilFromDays(daysFromCivil(p[0], p[1], p[2]) + n)
        return ymd(y, m, d)
    }

    /// Zero-padded formatting without `String(format:)`, which is slow on Linux and sits on the import path.
    static func pad2(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    static func dmy(_ y: Int, _ m: Int, _ d: Int) -> String {
        let year = String(y)
        return pad2(d) + "/" + pad2(m) + "/" + String(repeating: "0", count: max(0, 4 - year.count)) + year
    }

    static func ymd(_ y: Int, _ m: Int, _ d: Int) -> String {
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + pad2(m) + "-" + pad2(d)
    }

    // MARK: - Fast paths for the canonical forms (most of a million-row import), on bytes.

    private static func digits(_ b: [UInt8], _ from: Int, _ count: Int) -> Int? {
        var n = 0
        for i in from..<(from + count) {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// Exactly `YYYY-MM-DD`: nil when the shape differs (the general parser decides), else whether the day exists.
    private static func fastDate(_ b: [UInt8]) -> (y: Int, m: Int, d: Int, valid: Bool)? {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else {
            return nil
        }
        return (y, m, d, (1...12).contains(m) && d >= 1 && d <= daysInMonth(y, m) && (1850...2399).contains(y))
    }

    /// Exactly `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS+HH:MM`; anything else goes to the general parser.
    private static func fastInstant(_ b: [UInt8]) -> Date? {
        guard b.count == 20 || b.count == 25, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
              let date = fastDate(Array(b[0..<10])), date.valid,
              let h = digits(b, 11, 2), let mi = digits(b, 14, 2), let se = digits(b, 17, 2), h <= 23, mi <= 59, se <= 60 else { return nil }
        var zone = 0
        if b.count == 20 {
            guard b[19] == 0x5A else { return nil }
        } else {
            guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A, let zh = digits(b, 20, 2), let zm = digits(b, 23, 2), zh <= 18, zm <= 59 else {
                return nil
            }
            zone = (zh * 3600 + zm * 60) * (b[19] == 0x2D ? -1 : 1)
        }
        let seconds = daysFromCivil(date.y, date.m, date.d) * 86400 + h * 3600 + mi * 60 + se - zone
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
