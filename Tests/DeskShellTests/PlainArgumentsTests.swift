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
        ["--version"], ["--db", "a", "--db", "b"], ["--frobnicate", "search", "x"], ["--", "search"], ["--no-color", "--no-color"],
        ["-cfoo"],
    ])
    func anythingUnsureIsLeftToArgumentParser(_ argv: [String]) {
        #expect(PlainArguments.parse(argv) == nil)
    }

    /// Help and a missing value are answered here, in the user's language (ArgumentParser would answer in English).
    @Test func helpAndAMissingValueAreReadHere() throws {
        #expect(try #require(PlainArguments.parse(["--help"])).help && PlainArguments.parse(["--db", "x", "-h", "search"])!.help)
        #expect(PlainArguments.parse(["search", "--help"])!.help == false)
        for (argv, option) in [(["--db"], "--db"), (["--db", "--format", "json"], "--db"), (["-c"], "-c"), (["-c", "-x"], "-c")] {
            #expect(try #require(PlainArguments.parse(argv)).missingValue == option, "\(argv)")
        }
    }
}
