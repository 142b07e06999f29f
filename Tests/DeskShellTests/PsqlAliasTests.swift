import Foundation
import Testing
@testable import DeskShell
@_spi(RawSQL) import DeskStore

/// psql's habits at the prompt (SPEC §11), through the one code path every command line takes.
@Suite struct PsqlAliasTests {
    @Test func backslashXTogglesVerticalAndBack() throws {
        let f = try ShellFixture(format: .csv)
        #expect(f.shell.execute("\\x") == 0)
        #expect(f.shell.format == .vertical)
        #expect(f.shell.execute("\\x") == 0)
        #expect(f.shell.format == .csv)
        #expect(f.shell.execute("\\x auto") == 0)
        #expect(f.shell.format == .auto)
    }

    @Test func backslashOSendsResultsToAFileUntilABareBackslashO() throws {
        let f = try ShellFixture()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-o-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(f.shell.execute("\\o '\(path)'") == 0)
        #expect(f.shell.execute("whoami") == 0)
        #expect(f.shell.execute("\\o") == 0)
        #expect(f.shell.execute("config get desk_agency") == 0)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("Trần Thị Hoa (hoa)"))
        #expect(!file.contains("desk_agency"))
        #expect(!f.out.contains("Trần Thị Hoa") && f.out.contains("desk_agency"))
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        // Never over the desk's own database.
        #expect(f.shell.execute("\\o '\(f.store.db.path)'") != 0)
        #expect(f.shell.resultFile == nil)
    }

    @Test func aliasesAreInTheTableHelpAndTheManPage() throws {
        let f = try ShellFixture()
        #expect(f.shell.execute("help") == 0)
        for alias in ["\\x", "\\q", "\\o", "\\timing"] { #expect(f.out.contains(alias), "\(alias)") }
        f.out = ""
        #expect(f.shell.execute("help \\\\o") == 0)
        #expect(f.out.contains("\\o [FILE]"))
        #expect(f.shell.execute("help \\x") == 0)
        #expect(ManPage.render(f.shell.commands, catalog: .vi).contains("\\ex [on|off|auto]"))
        #expect(f.shell.execute("\\timing") == 0 && f.shell.timing)
        #expect(f.shell.execute("\\q") == 0 && f.shell.wantsExit)
    }
}
