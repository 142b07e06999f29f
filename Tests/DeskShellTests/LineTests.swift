import Testing
@testable import DeskShell

@Suite struct LineTests {
    @Test(arguments: [
        ("search nguyen van duc", ["search", "nguyen", "van", "duc"]),
        ("search 'Nguyễn Văn Đức' --limit 5", ["search", "Nguyễn Văn Đức", "--limit", "5"]),
        ("note \"khách nói \\\"không nhận được\\\"\"", ["note", "khách nói \"không nhận được\""]),
        ("a\\ b c", ["a b", "c"]),
        // psql's meta-commands keep the backslash that begins the line; a later one still escapes.
        ("\\o ket\\ qua.txt", ["\\o", "ket qua.txt"]),
        ("\\timing", ["\\timing"]),
        ("  spaced   out  ", ["spaced", "out"]),
        ("empty '' arg", ["empty", "", "arg"]),
        ("'it''s'", ["its"]),
    ])
    func tokenizes(line: String, words: [String]) throws {
        #expect(try LineTokenizer.split(line) == words)
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: LineTokenizer.TokenizeError.self) { try LineTokenizer.split("search 'Nguyễn") }
    }

    @Test(arguments: ["simple", "Nguyễn Văn", "it's", "a\"b", "", "cr\r", "crlf\r\nx", "'\u{301}x", "it'\u{301}s", "\"\u{338}"])
    func quoteRoundTrips(word: String) throws {
        #expect(try LineTokenizer.split(LineTokenizer.quote(word)) == [word])
    }

    @Test func historyNeverKeepsVerificationValues() {
        let line = "resend 7901234567 --verify dob=1990-05-17,id=079090001234"
        let safe = HistoryFilter.sanitize(line)
        #expect(!safe.contains("1990") && !safe.contains("079090001234"))
        #expect(safe.hasPrefix("resend 7901234567 --verify"))
        #expect(!HistoryFilter.sanitize("resend --verify=dob=1990-01-01,id=1 7901234567").contains("1990"))
        #expect(HistoryFilter.sanitize("search 'Nguyễn Văn'") == "search 'Nguyễn Văn'")
    }

    @Test func flagsParseWithSuggestions() throws {
        let spec = CommandTable.all.first { $0.name == "search" }!
        let inv = try Invocation.parse(words: ["nguyen", "--limit=5", "--status", "active"], spec: spec)
        #expect(inv.positional == ["nguyen"] && inv.value("--limit") == "5" && inv.value("--status") == "active")
        #expect {
            try Invocation.parse(words: ["--limt", "5"], spec: spec)
        } throws: { "\($0)".contains("ý bạn là --limit") }
        #expect(throws: (any Error).self) { try Invocation.parse(words: ["--limit"], spec: spec) }
    }
}
