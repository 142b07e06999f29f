import Foundation
import Testing
import DeskTestSupport

/// The questions the console asks, psql's habits and the screen after Ctrl-C, typed through tmux (SPEC §9, §11).
extension REPLTests {
    static let submittedCSV = "bhxh_code,full_name,dob,id_number,phone,status\n"
        + "7901234561,Đặng Thị Ánh,1990-05-17,079190001234,0901234561,submitted\n"
        + "7901234562,Lê Văn Bình,1988-01-02,079188001235,0901234562,submitted\n"

    func withSubmitted() -> Vssdesk {
        let v = Vssdesk.ready()
        _ = v.run(["-c", "import registrations \(v.write("two.csv", Self.submittedCSV))"])
        return v
    }

    static let bulkFix = "bulk set-status --where status=submitted --to approved"

    @Test(.enabled(if: REPLTests.available)) func confirmationCancelsOnCtrlCAndCtrlDAndTheConsoleStaysUsable() throws {
        let v = withSubmitted()
        let t = start(v)
        defer { t.kill() }
        // Ctrl-C at the question, with an answer half typed.
        t.type(Self.bulkFix)
        t.keys("Enter")
        t.waitFor("Gõ “có” để tiếp tục")
        t.type("ye")
        t.waitFor(": ye")
        t.keys("C-c")
        #expect(t.waitFor("Đã hủy").contains("Đã hủy: không có gì thay đổi."))
        t.waitForPrompt()
        #expect(t.consoleIsIdle())
        // Ctrl-D at the question.
        t.type(Self.bulkFix)
        t.keys("Enter")
        t.waitFor("Gõ “có” để tiếp tục", count: 2)
        t.keys("C-d")
        let twice = t.waitForPrompt()
        #expect(twice.components(separatedBy: "Đã hủy: không có gì thay đổi.").count == 3)
        #expect(t.consoleIsIdle())
        // Later questions still wait for their answer, and `yes` does it.
        t.type(Self.bulkFix)
        t.keys("Enter")
        t.waitFor("Gõ “có” để tiếp tục", count: 3)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!t.screen().contains("Không có gì thay đổi."))
        t.type("có")
        t.keys("Enter")
        #expect(t.waitFor("2 đã thay đổi").contains("2 đã thay đổi"))
        t.waitForPrompt()
        #expect(v.run(["--format", "json", "-c", "show 7901234561"]).out.contains("approved"))
        t.keys("C-d")
        #expect(exitStatus(v) == "EXIT=0")
        // The answers never reach the history.
        let history = try String(contentsOfFile: v.dir + "/.vssdesk_history", encoding: .utf8)
        #expect(history.contains("bulk set-status"))
        #expect(!history.split(separator: "\n").contains { $0 == "ye" || $0 == "có" })
    }

    @Test(.enabled(if: REPLTests.available)) func sigtermAtTheConfirmationEndsTheConsole() {
        let v = withSubmitted()
        let t = start(v)
        defer { t.kill() }
        t.type(Self.bulkFix)
        t.keys("Enter")
        t.waitFor("Gõ “có” để tiếp tục")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(t.consoleIsIdle())
        guard let pid = t.consolePID() else {
            Issue.record("no console process")
            return
        }
        kill(pid, SIGTERM)
        #expect(exitStatus(v) == "EXIT=0")
        #expect(v.run(["--format", "json", "-c", "show 7901234561"]).out.contains("submitted"))
    }

    @Test(.enabled(if: REPLTests.available)) func ctrlCLeavesTheNextPromptOnItsOwnLine() {
        let v = Vssdesk.ready()
        let t = start(v)
        defer { t.kill() }
        t.type("search half typed")
        t.waitFor("half typed")
        t.keys("C-c")
        t.waitForPrompt()
        t.keys("C-c")
        Thread.sleep(forTimeInterval: 0.3)
        let s = t.waitForPrompt()
        let lines = s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(lines.contains("vssdesk[root]> search half typed^C"))
        #expect(lines.contains("vssdesk[root]> ^C"))
        #expect(!lines.contains { $0.hasPrefix("^C") })
        #expect(lines.last == "vssdesk[root]>")
        #expect(t.consoleIsIdle())
    }

    @Test(.enabled(if: REPLTests.available)) func psqlAliases() throws {
        let v = Vssdesk.ready()
        let t = start(v)
        defer { t.kill() }
        t.type("help")
        t.keys("Enter")
        let help = t.waitFor("\\timing")
        #expect(help.contains("\\x") && help.contains("\\o") && help.contains("\\q"))
        t.waitForPrompt()
        t.keys("C-l")
        t.type("\\x")
        t.keys("Enter")
        #expect(t.waitFor("Đã bật hiển thị dọc.").contains("Đã bật hiển thị dọc."))
        t.waitForPrompt()
        t.type("config list")
        t.keys("Enter")
        #expect(t.waitFor("BẢN GHI 1").contains("-[ BẢN GHI 1 ]"))
        t.waitForPrompt()
        t.type("\\x")
        t.keys("Enter")
        t.waitFor("Đã tắt hiển thị dọc.")
        t.waitForPrompt()
        t.type("\\o out.txt")
        t.keys("Enter")
        t.waitFor("cho đến khi gõ")
        t.waitForPrompt()
        t.type("whoami")
        t.keys("Enter")
        t.waitForPrompt()
        t.type("\\o")
        t.keys("Enter")
        t.waitFor("lại hiện ra màn hình")
        t.waitForPrompt()
        t.type("\\timing")
        t.keys("Enter")
        #expect(t.waitFor("Đã bật đo thời gian.").contains("Đã bật đo thời gian."))
        t.waitForPrompt()
        #expect(!t.screen().contains("quản trị viên, máy lẻ"))
        let out = try String(contentsOfFile: v.dir + "/out.txt", encoding: .utf8)
        #expect(out.contains("root (root), quản trị"))
        let mode = (try FileManager.default.attributesOfItem(atPath: v.dir + "/out.txt")[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        // Never over the desk's own files (a server desk has no database file; reading its key is refused in
        // ScriptInputTests).
        if !TestBackend.isPostgres {
            t.type("\\o \(v.db)")
            t.keys("Enter")
            #expect(t.waitFor("tệp riêng của hệ thống").contains("là tệp riêng của hệ thống"))
            t.waitForPrompt()
        }
        t.type("\\q")
        t.keys("Enter")
        #expect(exitStatus(v) == "EXIT=0")
        #expect(v.run(["--format", "json", "-c", "whoami"]).code == 0)
    }

    @Test(.enabled(if: REPLTests.available)) func formatAutoFollowsAResize() {
        let v = Vssdesk.ready(demo: 30)
        let t = start(v)
        defer { t.kill() }
        t.type("format auto")
        t.keys("Enter")
        t.waitForPrompt()
        t.type("search nguyen --limit 1")
        t.keys("Enter")
        t.waitForPrompt()
        #expect(!t.screen().contains("BẢN GHI 1"))
        t.run(["resize-window", "-t", t.session, "-x", "60", "-y", "50"])
        Thread.sleep(forTimeInterval: 0.5)
        t.keys("C-l")
        t.waitForPrompt()
        t.type("search nguyen --limit 1")
        t.keys("Enter")
        #expect(t.waitFor("BẢN GHI 1").contains("-[ BẢN GHI 1 ]"))
        t.waitForPrompt()
        #expect(t.consoleIsIdle())
    }

    @Test(.enabled(if: REPLTests.available)) func timingLeavesOutThePager() {
        let v = Vssdesk.ready()
        // `help` is taller than 50 lines, so it goes through this slow pager.
        let t = start(v, env: "PAGER='sleep 2; cat'")
        defer { t.kill() }
        t.type("timing on")
        t.keys("Enter")
        t.waitForPrompt()
        t.type("help")
        t.keys("Enter")
        // `timing on` reports its own time first; the second is help's.
        let s = t.waitFor("Thời gian: ", count: 2, seconds: 15)
        #expect(s.contains("Cuộc gọi:"))
        let ms = s.components(separatedBy: "Thời gian: ").last.flatMap { Double($0.prefix { $0 != " " }.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) } ?? .infinity
        #expect(ms < 1500, "timing counted the pager: \(ms) ms")
    }

    @Test(.enabled(if: REPLTests.available)) func tabCompletesRuleCodesInAnyCaseAndTheVerifyTemplate() {
        let v = Vssdesk.ready()
        let t = start(v)
        defer { t.kill() }
        t.type("diagnose --stuck --rule phone_s")
        t.keys("Tab")
        #expect(t.waitFor("PHONE_SHARED").contains("--rule PHONE_SHARED"))
        t.keys("C-u")
        t.type("resend 7901234567 --verify ")
        t.keys("Tab")
        #expect(t.waitFor("dob=YYYY").contains("--verify dob=YYYY-MM-DD,id="))
        t.keys("C-u")
        t.waitForPrompt()
        #expect(t.consoleIsIdle())
    }
}
