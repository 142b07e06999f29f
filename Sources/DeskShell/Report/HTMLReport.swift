import Foundation
import Desk
import DeskCore

/// The supervisors' report as one self-contained HTML page (SPEC §8): inline CSS and SVG, no script and no external
/// file, printable on A4, every label from the catalog in the chosen language and every value escaped. It shows no
/// citizen's ID number, phone or address at all: tickets are named by their number, operators by name and login.
enum HTMLReport {
    static func page(_ r: SupervisorReport, auditHead: (rows: Int, hash: String), catalog c: Catalog) -> String {
        let fmt = ReportFormat(catalog: c)
        let sections: [(TextKey, HTML)] = [
            ("report.s.summary", summary(r, fmt)),
            ("report.s.sla", sla(r, fmt)),
            ("report.s.breaches", breaches(r, fmt)),
            ("report.s.days", days(r, fmt)),
            ("report.s.lines", workload(r.lines, first: "report.w.line", fmt)),
            ("report.s.operators", operators(r, fmt)),
            ("report.s.categories", categories(r, fmt)),
            ("report.s.rules", rules(r, fmt)),
            ("report.s.backlog", backlog(r, fmt)),
            ("report.s.registrations", registrations(r, fmt)),
        ]
        let body = HTML.join(sections.enumerated().map { i, s in
            HTML.element("section", ["id": "s\(i + 1)"], HTML.element("h2", [:], HTML(roman(i + 1) + ". " + c.text(s.0))), s.1)
        })
        let title = c.text("report.htmlTitle", ["agency": .text(fmt.agency(r.deskAgency)), "from": .text(fmt.day(r.from)),
                                                "to": .text(fmt.day(r.to))])
        return "<!doctype html>\n<html lang=\"\(c.language.rawValue)\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(escape(title))</title><style>\(css)</style></head><body><main class=\"page\">"
            + masthead(r, fmt).markup + heading(r, fmt).markup + body.markup + signatures(r, fmt).markup
            + footer(auditHead, fmt).markup + "</main></body></html>\n"
    }

    /// Catalog text with its `command` spans set as code.
    static func prose(_ text: String) -> HTML {
        let parts = escape(text).split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return HTML(text) }
        return HTML(markup: parts.enumerated().map { i, p in i % 2 == 1 ? "<code>\(p)</code>" : String(p) }.joined())
    }

    static func roman(_ n: Int) -> String {
        let table = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// The two headings of a Vietnamese administrative document: the agency and its superior on the left, the
    /// national title and motto on the right, then the place and date.
    static func masthead(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let desk = r.deskAgency
        let province = String(desk.prefix(3))
        let superior = desk.count == 5 ? AgencyCode.name(of: province) : nil
        let issuer = AgencyCode.name(of: desk) ?? desk
        let today = DateText.deskDate(r.generatedAt).split(separator: "-").map(String.init)
        // Vietnamese administrative style (Decree 30/2020): a day under 10 and the months January and February take a
        // leading 0, the other months none.
        let month = Int(today[1]) ?? 0
        let monthText = c.language == .vi && month >= 3 ? String(month) : today[1]
        var dateLine = c.text("report.place", ["place": .text(place(province) ?? ""), "d": .text(today[2]), "m": .text(monthText),
                                               "y": .text(today[0])])
        if place(province) == nil { dateLine = String(dateLine.drop { $0 == "," || $0 == " " }) }
        let rule = HTML(markup: "<div class=\"rule\"></div>")
        let left = HTML.element("div", [:], superior.map { HTML.element("div", ["class": "up"], HTML($0)) } ?? .empty,
                                HTML.element("div", ["class": "issuer"], HTML(issuer)), rule,
                                HTML.element("div", ["class": "code"], HTML(c.text("report.agencyCode", ["code": .text(desk)]))))
        let right = HTML.element("div", [:], HTML.element("div", ["class": "nation"], HTML(c.text("report.nation"))),
                                 HTML.element("div", ["class": "motto"], HTML(c.text("report.motto"))), rule,
                                 HTML.element("div", ["class": "place"], HTML(dateLine)))
        return HTML.element("header", ["class": "masthead"], left, right)
    }

    /// `TP. Hồ Chí Minh`, `Long An`: where the report is made, from the province agency's name.
    static func place(_ province: String) -> String? {
        guard var name = AgencyCode.name(of: province), name.hasPrefix("BHXH ") else { return nil }
        name.removeFirst(5)
        if name.hasPrefix("tỉnh ") { name.removeFirst(5) }
        return name
    }

    static func heading(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        let working = r.days.filter(\.workingDay).count
        let author = r.author.displayName.isEmpty ? r.author.login : "\(r.author.displayName) (\(r.author.login))"
        return HTML.element("div", ["class": "title"],
                            HTML.element("div", ["class": "kind"], HTML(c.text("report.kind"))),
                            HTML.element("div", ["class": "what"], HTML(c.text("report.title"))),
                            HTML.element("div", ["class": "period"], HTML(c.text("report.period", [
                                "from": .text(fmt.day(r.from)), "to": .text(fmt.day(r.to)), "days": .int(r.days.count), "working": .int(working)]))),
                            HTML.element("div", ["class": "generated"], HTML(c.text("report.generated", [
                                "time": .text(fmt.time(r.generatedAt)), "name": .text(author)]))))
    }

    static func signatures(_ r: SupervisorReport, _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        func block(_ role: TextKey, _ name: String) -> HTML {
            HTML.element("div", [:], HTML.element("div", ["class": "role"], HTML(c.text(role))),
                         HTML.element("div", ["class": "hint"], HTML(c.text("report.sign.hint"))),
                         HTML.element("div", ["class": "name"], HTML(name)))
        }
        let author = r.author.displayName.isEmpty ? r.author.login : r.author.displayName
        return HTML.element("div", ["class": "sign"], block("report.sign.author", author), block("report.sign.head", ""))
    }

    static func footer(_ head: (rows: Int, hash: String), _ fmt: ReportFormat) -> HTML {
        let c = fmt.catalog
        return HTML.element("footer", ["class": "foot"], HTML.element("p", [:], prose(c.text("report.audit", ["n": .int(head.rows), "head": .text("`\(head.hash)`")]))),
                            HTML.element("p", [:], HTML(c.text("report.privacy"))))
    }
}
