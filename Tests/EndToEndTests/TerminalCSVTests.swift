import Foundation
import Testing
import DeskTestSupport

/// CSV printed on a terminal (`format csv` at the prompt) is escaped like a table: a note carrying an OSC title
/// sequence must not retitle the operator's window (found by the attack review).
@Suite(.freshDatabases) struct TerminalCSVTests {
    @Test(.enabled(if: REPLTests.available)) func csvOnATerminalSendsNoControlSequences() throws {
        let v = Vssdesk.ready()
        let ticket = v.json("ticket new --caller 0903000001 --line 121 gọi hỏi", as: "hoa")
        let id = try #require(ticket.object["id"] as? Int)
        let hostile = "x \u{1B}]2;PWNED\u{07} y"
        #expect(v.run(["--as", "hoa", "ticket", "note", String(id), hostile]).code == 0)
        let r = REPLTests()
        let t = r.start(v)
        defer { t.kill() }
        t.type("format csv")
        t.keys("Enter")
        t.type("ticket show \(id)")
        t.keys("Enter")
        let screen = t.waitFor("\\x1b")
        #expect(screen.contains("\\x1b]2;PWNED\\x07"), "\(screen)")
        #expect(!t.run(["display-message", "-p", "-t", t.session, "#{pane_title}"]).contains("PWNED"))
    }
}
