import Foundation
import Testing
import DeskTestSupport

/// `audit --code C` finds every lookup that displayed C; `audit --to D` includes day D.
@Suite(.freshDatabases) struct AuditLookupTests {
    static func rows(_ r: Vssdesk.Result) -> [[String: Any]] { r.object["results"] as? [[String: Any]] ?? [] }

    @Test func everyDisplayedRegistrationIsFindable() throws {
        let v = Vssdesk.ready(demo: 200)
        let search = v.json("search nguyen --limit 6")
        let codes = (search.object["results"] as? [[String: Any]] ?? []).compactMap { $0["bhxh_code"] as? String }
        try #require(codes.count == 6, "\(search.err)")
        for code in codes {
            let found = Self.rows(v.json("audit --code \(code) --action search"))
            #expect(found.count == 1, "search that showed \(code) not found")
        }
        // A name search never made every code match: a code that was not shown is not found.
        #expect(Self.rows(v.json("audit --code 7999999999 --action search")).isEmpty)
        #expect(Self.rows(v.json("audit --code 79 --action search")).isEmpty)

        let show = v.json("show \(codes[0])")
        #expect(show.code == 0)
        #expect(Self.rows(v.json("audit --code \(codes[0]) --action show")).count == 1)

        let shared = StockShell.rows(v.db, """
            SELECT phone FROM registrations WHERE length(phone) = 10 AND substr(phone, 1, 2) IN ('03', '05', '07', '08', '09')
            GROUP BY phone HAVING count(*) = 2 ORDER BY phone LIMIT 1
            """).first?.first
        if let phone = shared {
            let call = v.run(["--as", "hoa", "--format", "json", "-c", "call \(phone) --line 121", "-c", "done xong"])
            let shown = ((call.documents.first?["registrations"] as? [[String: Any]]) ?? []).compactMap { $0["bhxh_code"] as? String }
            #expect(shown.count == 2, "\(call.out) \(call.err)")
            for code in shown {
                #expect(Self.rows(v.json("audit --code \(code) --action call")).count == 1, "call that showed \(code) not found")
            }
        }
        #expect(v.json("audit verify").code == 0)
    }

    @Test func toIncludesTheDay() {
        let v = Vssdesk.ready()
        _ = v.json("check 0901234567")
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        let today = f.string(from: Date())
        let r = v.json("audit --from \(today) --to \(today) --action check")
        #expect(r.code == 0, "\(r.err)")
        #expect(Self.rows(r).count == 1, "\(r.out)")
    }
}
