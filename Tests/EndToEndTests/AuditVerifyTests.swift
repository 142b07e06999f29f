import Foundation
import Testing
import DeskTestSupport

@Suite(.freshDatabases) struct AuditVerifyTests {
    @Test func verifyExitsZeroOnAnIntactChainAndOneNamingTheFirstBrokenRow() throws {
        let v = Vssdesk.ready()
        _ = v.run(["--as", "hoa", "-c", "ticket new --caller 0901234567 --line 121 --category password Quên mật khẩu"])
        let rows = try #require(StockShell.scalar(v.db, "SELECT count(*) FROM audit").flatMap { Int($0) })
        #expect(rows >= 4)

        let good = v.json("audit verify", as: "lan")
        #expect(good.code == 0, "\(good.err)")
        #expect(good.object["ok"] as? Bool == true && good.object["rows"] as? Int == rows)
        #expect(good.object["head"] as? String == StockShell.scalar(v.db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1"))
        #expect(good.object["first_broken_id"] is NSNull && good.object["problem"] is NSNull)
        #expect((good.object["missing_triggers"] as? [String]) == [])
        let text = v.run(["-c", "audit verify"])
        #expect(text.code == 0 && text.out.contains("Chuỗi nhật ký kiểm toán nguyên vẹn: \(rows) dòng, đầu chuỗi "), "\(text.out)")

        // `report` prints the head; a later verify checks it is still there.
        let report = v.json("report --html \(v.dir)/r.html")
        #expect(report.code == 0, "\(report.err)")
        let head = try #require(report.object["audit_head"] as? String)
        #expect(try String(contentsOfFile: "\(v.dir)/r.html", encoding: .utf8).contains(head))
        #expect(v.json("audit verify --head \(head)").object["ok"] as? Bool == true)
        #expect(v.json("audit verify --head \(String(repeating: "ab", count: 32))").code == 1)

        // Someone with write access to the file (on a server, its superuser) drops the protection and rewrites row 2
        // with the stock shell.
        let dropped = TestBackend.isPostgres ? "audit_append_only" : "audit_no_update"
        let on = TestBackend.isPostgres ? " ON audit" : ""
        _ = StockShell.rows(v.db, "DROP TRIGGER \(dropped)\(on); UPDATE audit SET detail = 'nothing happened' WHERE id = 2;")
        let bad = v.json("audit verify", as: "lan")
        #expect(bad.code == 1, "\(bad.out) \(bad.err)")
        #expect(bad.object["ok"] as? Bool == false && bad.object["first_broken_id"] as? Int == 2, "\(bad.out)")
        #expect((bad.object["problem"] as? String)?.contains("dòng 2") == true, "\(bad.out)")
        #expect((bad.object["missing_triggers"] as? [String]) == [dropped])
        // Every start of the console says so, whatever the command.
        let other = v.run(["--as", "hoa", "search", "nguyen"])
        #expect(other.err.contains("nhật ký kiểm toán không được bảo vệ") && other.err.contains(dropped), "\(other.err)")
    }

    @Test func tenConsolesWritingAtOnceKeepOneChain() {
        let v = Vssdesk.ready()
        let before = Int(StockShell.scalar(v.db, "SELECT count(*) FROM audit") ?? "") ?? -1
        DispatchQueue.concurrentPerform(iterations: 10) { i in
            _ = v.run(["--as", i.isMultiple(of: 2) ? "hoa" : "lan", "-c", "ticket new --caller 09012345\(String(format: "%02d", i)) --line 12\(i) Cuộc gọi",
                       "-c", "ticket list --limit 1"])
        }
        let r = v.json("audit verify")
        #expect(r.code == 0 && r.object["ok"] as? Bool == true, "\(r.out) \(r.err)")
        #expect(r.object["rows"] as? Int == before + 20)
    }

    @Test func operatorsMayNotVerify() {
        let v = Vssdesk.ready()
        let r = v.json("audit verify", as: "hoa")
        #expect(r.code == 3, "\(r.out) \(r.err)")
    }
}
