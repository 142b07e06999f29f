import Foundation
import DeskCore

/// How the report writes its values for a person, in the catalog's language: dates `dd/MM/yyyy` in desk time,
/// numbers `1.234`, durations in phút/giờ, rates `90,5%`, agencies by code and name.
struct ReportFormat {
    let catalog: Catalog

    /// `2025-03-12` → `12/03/2025`.
    func day(_ ymd: String) -> String {
        let p = ymd.split(separator: "-")
        guard p.count == 3 else { return ymd }
        return "\(p[2])/\(p[1])/\(p[0])"
    }

    /// `2025-03-12` → `12/03`, for chart labels.
    func dayMonth(_ ymd: String) -> String { String(day(ymd).prefix(5)) }

    /// An instant in desk time: `12/03/2025 14:05`.
    func time(_ d: Date) -> String {
        let s = DateText.deskDisplay(d)
        return day(String(s.prefix(10))) + " " + s.dropFirst(11)
    }

    func number(_ n: Int) -> String { catalog.number(n) }

    /// Office minutes as a person reads them: `45 phút`, `2 giờ`, `2 giờ 15 phút`.
    func duration(_ minutes: Int) -> String {
        let (h, m) = (minutes / 60, minutes % 60)
        if h == 0 { return catalog.text("report.minutes", ["n": .int(m)]) }
        if m == 0 { return catalog.text("report.hours", ["h": .int(h)]) }
        return catalog.text("report.hoursMinutes", ["h": .int(h), "m": .int(m)])
    }

    /// A count of minutes in a table column headed "(phút)", or a dash when there is none.
    func minutes(_ n: Int?) -> String { n.map(number) ?? "–" }

    /// `90,5%`, or a dash when there is nothing to divide.
    func percent(_ p: Double?) -> String {
        guard let p else { return "–" }
        return catalog.text("report.percent", ["p": .decimal(p, places: 1)])
    }

    func share(_ part: Int, of whole: Int) -> String { percent(whole == 0 ? nil : Double(part) * 100 / Double(whole)) }

    /// `07916 BHXH Quận 6`; a code with no reviewed name is shown bare.
    func agency(_ code: String) -> String { AgencyCode.name(of: code).map { "\(code) \($0)" } ?? code }

    /// `07:30–11:30 và 13:00–17:00`: the office sessions of the SLA clock.
    var sessions: String {
        func hm(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
        let parts = OfficeCalendar.sessions.map { "\(hm($0.start))–\(hm($0.end))" }
        guard parts.count > 1 else { return parts.joined() }
        return parts.dropLast().joined(separator: ", ") + " " + catalog.text("report.and") + " " + parts.last!
    }
}
