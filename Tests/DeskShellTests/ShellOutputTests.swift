import Testing
@testable import DeskShell
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// Text from data or from the typed line reaches the terminal escaped, whatever path it takes (SPEC §10).
@Suite struct ShellOutputTests {
    static func hasRawControl(_ s: String) -> Bool { s.unicodeScalars.contains { TerminalSafe.isUnsafe($0) && $0 != "\n" } }

    @Test func errorsQuotingInputAreEscaped() throws {
        let f = try ShellFixture()
        #expect(f.shell.execute("sea\u{1B}]0;owned\u{07}rch") == 2)
        #expect(f.err.contains("\\x1b]0;owned\\x07"), "\(f.err)")
        #expect(!Self.hasRawControl(f.err))
        f.err = ""
        _ = f.shell.execute("kb show x\u{1B}[2J\u{9B}")
        #expect(!f.err.isEmpty && !Self.hasRawControl(f.err), "\(f.err.debugDescription)")
    }

    @Test func storedValuesAreEscapedInTables() throws {
        let f = try ShellFixture()
        let csv = "bhxh_code,full_name,address\n7900000001,\"Lê\u{1B}]0;x\u{07} Văn \u{202E}A\",\"1\u{1B}[2J Quận 6\"\n"
        _ = try Importer(session: f.shell.session).run(.registrations, bytes: Array(csv.utf8), name: "t.csv")
        for format in ["table", "vertical"] {
            f.out = ""
            #expect(f.shell.execute("search 7900000001 --format \(format)") == 0, "\(f.err)")
            #expect(f.out.contains("\\x1b]0;x\\x07") && f.out.contains("\\u{202e}"), "\(f.out)")
            #expect(!Self.hasRawControl(f.out))
        }
    }

    @Test func aNulByteIsRefusedNotCut() throws {
        let f = try ShellFixture()
        #expect(f.shell.execute("ticket new --caller 0912345678 --line 121 Quên\u{0}mật khẩu") == 2)
        #expect(f.err.contains("NUL"))
        #expect(try f.store.db.scalarInt("SELECT count(*) FROM tickets") == 0)
        #expect(f.shell.execute("ticket new --caller 0912345678 --line 121 Quên mật khẩu") == 0, "\(f.err)")
        #expect(try f.store.db.scalarInt("SELECT count(*) FROM tickets") == 1)
    }
}
