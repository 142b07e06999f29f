import Testing
@testable import DeskShell

@Suite struct PlainArgumentsTests {
    @Test func everydayFormsAreRead() throws {
        let o = try #require(PlainArguments.parse(["--db", "x.sqlite", "--format=json", "-c", "search Nguyễn Văn An", "-c", "check 0901234567", "--on-error", "continue", "--no-color"]))
        #expect(o.databasePath == "x.sqlite")
        #expect(o.format == "json")
        #expect(o.commands == ["search Nguyễn Văn An", "check 0901234567"])
        #expect(o.onError == "continue")
        #expect(o.noColor)
        #expect(o.words.isEmpty)
    }

    @Test func commandWordsAreKeptVerbatimIncludingTheirFlags() throws {
        let o = try #require(PlainArguments.parse(["--as", "lan", "ticket", "list", "--overdue", "--format", "csv"]))
        #expect(o.actAs == "lan")
        #expect(o.format == nil)
        #expect(o.words == ["ticket", "list", "--overdue", "--format", "csv"])
    }

    @Test func stdinScriptAndNoArguments() throws {
        #expect(try #require(PlainArguments.parse(["-f", "-"])).scriptFile == "-")
        let none = try #require(PlainArguments.parse([String]()))
        #expect(none.words.isEmpty && none.commands.isEmpty && none.databasePath == nil && none.onError == "stop")
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["--version"], ["--db"], ["--db", "--format", "json"], ["-c"], ["--db", "a", "--db", "b"],
        ["--frobnicate", "search", "x"], ["--", "search"], ["-c", "-x"], ["--no-color", "--no-color"], ["-cfoo"],
    ])
    func anythingUnsureIsLeftToArgumentParser(_ argv: [String]) {
        #expect(PlainArguments.parse(argv) == nil)
    }
}
