import Foundation
import Testing
import DeskTestSupport

/// Drives the real prompt in a pseudo-terminal through tmux, the way a person types (SPEC §11).
@Suite(.serialized, .freshDatabases) struct REPLTests {
    struct Tmux {
        let socket = "vssdesk-test-\(UUID().uuidString.prefix(8))"
        let session = "repl"

        /// Runs tmux through system(3): Foundation's Process on Linux waits for every descendant to close the
        /// descriptors it handed down, and the tmux server that new-session starts never does.
        @discardableResult
        func run(_ args: [String]) -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let quoted = (["/usr/bin/tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            _ = system(quoted.joined(separator: " ") + " >" + path + " 2>&1 </dev/null")
            return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }

        func keys(_ k: String...) { run(["send-keys", "-t", session] + k) }
        func type(_ text: String) { run(["send-keys", "-t", session, "-l", text]) }
        func screen() -> String { run(["capture-pane", "-p", "-t", session, "-S", "-200"]) }

        /// Waits until the screen contains `text` (or the time is up) and returns the screen.
        @discardableResult
        func waitFor(_ text: String, seconds: Double = 10) -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var s = screen()
            while !s.contains(text) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
                s = screen()
            }
            return s
        }

        /// Waits until `text` is on the screen `count` times.
        @discardableResult
        func waitFor(_ text: String, count: Int, seconds: Double = 10) -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var s = screen()
            while s.components(separatedBy: text).count - 1 < count && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
                s = screen()
            }
            return s
        }

        /// Waits until the prompt is back and waiting (the screen's last line is the bare prompt): readline has the
        /// terminal again. A key sent before then reaches a terminal in cooked mode, where Ctrl-D becomes an
        /// end-of-line mark that readline later reads as NUL, and typed text is echoed into the command's output.
        @discardableResult
        func waitForPrompt(seconds: Double = 10) -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var s = screen()
            while !Self.endsAtPrompt(s) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                s = screen()
            }
            return s
        }

        static func endsAtPrompt(_ screen: String) -> Bool {
            let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            return last.hasPrefix("vssdesk[") && last.trimmingCharacters(in: .whitespaces).hasSuffix("]>")
        }

        /// The console's process id: the `vssdesk` child of the pane's shell.
        func consolePID() -> Int32? {
            guard let shell = Int32(run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)),
                  let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
            for e in entries {
                guard let pid = Int32(e), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
                if fields.count > 1, Int32(fields[1]) == shell, stat.contains("(vssdesk)") { return pid }
            }
            return nil
        }

        /// Whether the console sits idle: its CPU time does not grow over a second (a spinning loop would).
        func consoleIsIdle() -> Bool {
            guard let pid = consolePID() else { return false }
            func cpuTicks() -> Int {
                guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { return -1 }
                let f = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
                return (Int(f[11]) ?? 0) + (Int(f[12]) ?? 0)
            }
            let before = cpuTicks()
            Thread.sleep(forTimeInterval: 1)
            let after = cpuTicks()
            return before >= 0 && after - before <= 5
        }

        func kill() { run(["kill-server"]) }
    }

    /// Waits for `exit.txt`, which the pane's shell writes when the console ends.
    func exitStatus(_ v: Vssdesk, seconds: Double = 10) -> String {
        // The shell creates exit.txt before `echo` writes into it: wait for the line, not for the file.
        let deadline = Date().addingTimeInterval(seconds)
        func line() -> String {
            ((try? String(contentsOfFile: v.dir + "/exit.txt", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        while line().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        return line()
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    func start(_ v: Vssdesk, env: String = "") -> Tmux {
        let t = Tmux()
        // No LANG/LC_*: the console must still read UTF-8 (readline would otherwise eat "Đ" as Meta).
        let command = "cd \(v.dir) && env -u LANG -u LC_ALL -u LC_CTYPE HOME=\(v.dir) PAGER=cat VSSDESK_KB_DIR=\(Vssdesk.kbDir) \(env) \(Vssdesk.binary) --db '\(v.db)'; echo EXIT=$? > \(v.dir)/exit.txt; sleep 30"
        t.run(["new-session", "-d", "-s", t.session, "-x", "160", "-y", "50", command])
        t.waitForPrompt()
        return t
    }

    @Test(.enabled(if: REPLTests.available)) func tabCompletesCommandsAndValues() {
        let v = Vssdesk.ready(demo: 30)
        let t = start(v)
        defer { t.kill() }
        t.type("sea")
        t.keys("Tab")
        #expect(t.waitFor("search").contains("]> search"))
        t.keys("C-u")
        t.type("kb show dang-nh")
        t.keys("Tab")
        let s = t.waitFor("dang-nhap")
        #expect(s.contains("kb show dang-nhap"))
        t.keys("C-u")
        t.type("search x --sta")
        t.keys("Tab")
        #expect(t.waitFor("--status").contains("--status"))
    }

    @Test(.enabled(if: REPLTests.available)) func vietnameseRoundTripsCtrlCKeepsItAliveCtrlDExits() throws {
        let v = Vssdesk.ready()
        let csv = v.write("one.csv", "bhxh_code,full_name,dob,id_number,phone,status\n7901234567,Đặng Thị Ánh,1990-05-17,079190001234,0901234567,approved\n")
        _ = v.run(["-c", "import registrations \(csv)"])
        let t = start(v)
        defer { t.kill() }
        t.type("search 'Đặng Thị Ánh'")
        t.keys("Enter")
        let found = t.waitFor("7901234567")
        #expect(found.contains("Đặng Thị Ánh"))
        #expect(found.contains("7901234567"))
        // Each key goes to a prompt that is back: typed earlier, it would meet the terminal in cooked mode.
        t.waitForPrompt()
        // Ctrl-C cancels the line being typed and the program stays; what is typed right after it goes to the new
        // line (the Ctrl-C is seen before the next key is read: vss_line.c waits in pselect with the signals blocked
        // elsewhere), so no wait here.
        t.type("search something I changed my mind about")
        t.waitFor("changed my mind about")
        t.keys("C-c")
        t.type("check 0901234567")
        t.keys("Enter")
        #expect(t.waitFor("số di động").contains("số di động"))
        t.waitForPrompt()
        // A verification value must not reach the history file.
        t.type("resend 7901234567 --verify dob=1990-05-17,id=079190001234")
        t.keys("Enter")
        t.waitFor("SMS #")
        t.waitForPrompt()
        t.keys("C-d")
        #expect(exitStatus(v) == "EXIT=0")
        let historyPath = v.dir + "/.vssdesk_history"
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        #expect(history.contains("resend 7901234567 --verify"))
        #expect(!history.contains("1990-05-17") && !history.contains("079190001234"))
        #expect(history.contains("Đặng Thị Ánh"))
        let mode = (try FileManager.default.attributesOfItem(atPath: historyPath)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    @Test(.enabled(if: REPLTests.available)) func helpUnknownCommandAndPrompt() {
        let v = Vssdesk.ready()
        let t = start(v)
        defer { t.kill() }
        t.type("help")
        t.keys("Enter")
        // The whole list, not just its first lines, before reading the screen.
        let help = t.waitFor("Sửa hàng loạt:")
        #expect(help.contains("Cuộc gọi:") && help.contains("Bài hướng dẫn:") && help.contains("Sửa hàng loạt:"))
        t.type("serch nguyen")
        t.keys("Enter")
        #expect(t.waitFor("ý bạn là").contains("ý bạn là search?"))
    }
}
