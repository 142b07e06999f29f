import Foundation
import Testing
@testable import DeskShell
import Desk
import DeskCore

/// The report's page from fixed figures: self-contained, escaped, in the chosen language, with every day and the
/// agencies by name.
@Suite struct ReportPageTests {
    static let generated = DateText.parseInstant("2025-03-04T16:05:00+07:00")!

    /// Four days (Saturday 1 to Tuesday 4 March), two without a call; one breach; a hostile operator name.
    static var figures: SupervisorReport {
        var r = SupervisorReport(from: "2025-03-01", to: "2025-03-04", generatedAt: generated,
                                 author: Operator(login: "lan", displayName: "Lê Thị Lan", line: 120, role: .supervisor), deskAgency: "07916")
        r.tickets = 8
        r.resolved = 7
        r.days = [.init(date: "2025-03-01", calls: 3, workingDay: false), .init(date: "2025-03-02", calls: 0, workingDay: false),
                  .init(date: "2025-03-03", calls: 0, workingDay: true), .init(date: "2025-03-04", calls: 5, workingDay: true)]
        r.sla = [.init(priority: "normal", tickets: 7, firstResponseTarget: 120, resolutionTarget: 960,
                       firstResponse: .init(met: 7), resolution: .init(met: 6, running: 1)),
                 .init(priority: "urgent", tickets: 1, firstResponseTarget: 15, resolutionTarget: 120,
                       firstResponse: .init(breached: 1), resolution: .init(met: 1))]
        r.breaches = [.init(ticketID: 42, priority: "urgent", openedAt: DateText.parseInstant("2025-03-04T08:00:00+07:00")!,
                            operatorLogin: "evil", target: .firstResponse, targetMinutes: 15, actualMinutes: 225, stillOpen: false)]
        var row = StatsService.TicketRow(key: "evil")
        row.count = 8
        row.resolved = 7
        row.open = 1
        row.resolution = [30, 90]
        r.operators = [.init(key: "evil", name: "<script>alert('x')</script>", row: row)]
        r.lines = (120...129).map { .init(key: String($0), name: nil, row: $0 == 121 ? row : .init(key: String($0))) }
        r.categories = [(key: "password", count: 8)]
        r.rules = [.init(rule: "REJECTED", callers: 2, stuck: 5)]
        r.diagnosedRegistrations = 4
        r.backlog = [(bucket: "<1d", count: 1), (bucket: "1-3d", count: 0), (bucket: "3-7d", count: 0), (bucket: ">7d", count: 0)]
        r.registrationsByStatus = [(key: "approved", count: 3)]
        r.registrationsByAgency = [(key: "07916", count: 2), (key: "07901", count: 1)]
        return r
    }

    static func page(_ catalog: Catalog = .vi, _ r: SupervisorReport = figures) -> String {
        HTMLReport.page(r, auditHead: (rows: 12, hash: String(repeating: "ab", count: 32)), catalog: catalog)
    }

    @Test func selfContainedAndPrintable() {
        let html = Self.page()
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"))
        for forbidden in ["<script", "src=", "href=", "http:", "https:", "url(", "@import", "<link", "<iframe", "javascript:"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@page{size:A4"))
        #expect(Self.page(.en).hasPrefix("<!doctype html>\n<html lang=\"en\">"))
    }

    @Test func valuesFromTheDataAreEscaped() {
        let html = Self.page()
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; (evil)"))
        #expect(!html.contains("<script"))
        var hostile = Self.figures
        hostile.author = Operator(login: "x\"><b>", displayName: "\"><img onerror=1>", line: 120, role: .supervisor)
        let page = Self.page(.vi, hostile)
        #expect(!page.contains("<img") && !page.contains("\"><b>") && page.contains("&quot;&gt;&lt;img onerror=1&gt;"))
    }

    @Test func thePeriodTheAgencyAndTheDatesThePersonReads() {
        let html = Self.page()
        #expect(html.contains("Kỳ báo cáo: từ ngày 01/03/2025 đến ngày 04/03/2025 (4 ngày, trong đó 2 ngày làm việc)"))
        #expect(html.contains("TP. Hồ Chí Minh, ngày 04 tháng 3 năm 2025"))
        #expect(html.contains("BHXH TP. Hồ Chí Minh") && html.contains(">BHXH Quận 6<") && html.contains("Mã cơ quan: 07916"))
        #expect(html.contains("Lập lúc 04/03/2025 16:05"))
        // A district the desk has no reviewed name for is its bare code.
        #expect(html.contains("<td>07916 BHXH Quận 6</td>") && html.contains("<td>07901</td>"))
        #expect(!html.contains("2025-03-0"), "ISO dates are for JSON and CSV")
    }

    @Test func everyDayIsOnTheChartEmptyOnesIncluded() {
        let html = Self.page()
        let svg = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        for day in ["01", "02", "03", "04"] { #expect(svg.contains(">\(day)</text>"), "\(day)") }
        #expect(svg.components(separatedBy: "class=\"bar").count - 1 == 2, "a bar for each day with calls")
        #expect(svg.components(separatedBy: "class=\"off\"").count - 1 == 2, "the weekend shaded")
        #expect(html.contains("Số ngày làm việc không có cuộc gọi: 1."))
        #expect(html.contains("Ngày nhiều cuộc gọi nhất: 04/03/2025 (5 cuộc)."))
    }

    @Test func targetsAndBreachesInPhutAndGio() {
        let html = Self.page()
        #expect(html.contains("phản hồi trong 15 phút") && html.contains("3 giờ 45 phút") && html.contains("3 giờ 30 phút"))
        #expect(html.contains(">2 giờ</td>") && html.contains(">16 giờ</td>"))
        #expect(html.contains("87,5%"), "first response: 7 met of 8")
        #expect(html.contains("1 lượt vượt chỉ tiêu trên 1 phiếu"))
        let en = Self.page(.en)
        #expect(en.contains("respond within 15 min") && en.contains("3 h 45 min") && en.contains("87.5%"))
    }

    @Test(arguments: Language.allCases) func everyLabelComesFromTheCatalog(language: Language) {
        let html = Self.page(Catalog(language))
        #expect(html.range(of: #"report\.[a-zA-Z]"#, options: .regularExpression) == nil, "a raw catalog key")
        #expect(html.contains(language == .vi ? "Số cuộc gọi theo ngày" : "Calls per day"))
        #expect(html.contains(language == .vi ? "Hồ sơ bị từ chối" : "Registration rejected"))
        #expect(html.contains(language == .vi ? "dưới 1 ngày" : "under 1 day"))
        #expect(html.contains(language == .vi ? ">khẩn<" : ">urgent<"))
    }

    @Test func anEmptyPeriodSaysSo() {
        var r = Self.figures
        r.tickets = 0
        r.resolved = 0
        r.days = r.days.map { .init(date: $0.date, calls: 0, workingDay: $0.workingDay) }
        r.breaches = []
        r.operators = []
        r.categories = []
        r.rules = []
        r.sla = r.sla.map { .init(priority: $0.priority, firstResponseTarget: $0.firstResponseTarget, resolutionTarget: $0.resolutionTarget) }
        let html = Self.page(.vi, r)
        #expect(html.contains("Không có cuộc gọi nào trong kỳ."))
        #expect(html.contains("Không có trường hợp nào vượt chỉ tiêu trong kỳ."))
        #expect(html.contains("Không có điện thoại viên nào nhận phiếu trong kỳ."))
        #expect(!html.contains("class=\"bar"))
    }

    @Test(arguments: Language.allCases) func everyRuleHasAName(language: Language) {
        for rule in Diagnosis.ruleCodes {
            #expect(Catalog.table(language)["report.rule.\(rule)"] != nil, "report.rule.\(rule) in \(language)")
        }
    }

    @Test func theNiceScaleOfTheChart() {
        #expect(DayChart.scale(0) == (4, 1) && DayChart.scale(5) == (5, 1) && DayChart.scale(13) == (15, 5))
        #expect(DayChart.scale(20) == (20, 5) && DayChart.scale(101) == (150, 50) && DayChart.scale(1234) == (1500, 500))
        #expect(HTMLReport.roman(4) == "IV" && HTMLReport.roman(9) == "IX" && HTMLReport.roman(10) == "X")
    }
}

/// `report` through the shell: the file, the message and the JSON keys scripts read.
@Suite struct ReportCommandTests {
    @Test func writesThePageAndSaysWhatItCovers() throws {
        let f = try ShellFixture(format: .json)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
        _ = f.shell.execute("report --html \(path)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(f.out.utf8)) as? [String: Any])
        #expect(json["file"] as? String == path && (json["bytes"] as? Int ?? 0) > 5000)
        #expect(json["audit_rows"] is Int && json["audit_head"] is String)
        #expect(json["from"] as? String == "2025-03-01" && json["to"] as? String == "2025-03-12" && json["tickets"] as? Int == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("lang=\"vi\"") && html.contains("01/03/2025"))
    }

    @Test func toAloneReportsItsMonth() throws {
        let f = try ShellFixture(format: .json)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
        #expect(f.shell.execute("report --html \(path) --to 14/02/2025") == 0, "\(f.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(f.out.utf8)) as? [String: Any])
        #expect(json["from"] as? String == "2025-02-01" && json["to"] as? String == "2025-02-14")
    }

    @Test func badDatesAreUsageErrorsInTheOperatorsLanguage() throws {
        let f = try ShellFixture()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).html").path
        #expect(f.shell.execute("report --html \(path) --from 2025-13-01") == 2)
        #expect(f.err.contains("--from phải là một ngày"))
        #expect(f.shell.execute("report --html \(path) --from 2025-03-10 --to 2025-03-01") == 2)
        #expect(f.err.contains("--from (10/03/2025) không được sau --to (01/03/2025)"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
