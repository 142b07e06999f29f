import Testing
@testable import DeskShell

@Suite struct CompleterTests {
    var completer: Completer {
        var d = Completer.Dynamic()
        d.kbIDs = { ["dang-ky-tai-khoan", "dang-nhap", "lien-he"] }
        d.openTickets = { ["1042", "1043"] }
        return Completer(commands: CommandTable.all, dynamic: d)
    }

    func words(_ line: String) -> [String] {
        if case .words(let w) = completer.complete(line: line, cursor: line.count) { return w }
        return ["<files>"]
    }

    @Test func commandNames() {
        #expect(words("sea") == ["search"])
        #expect(words("").contains("help"))
    }

    @Test func auditIsACommandAndAGroup() {
        #expect(words("audit v") == ["verify"])
        #expect(words("audit verify --h") == ["--head"])
        #expect(words("audit --op") == ["--operator"])
    }

    @Test func flagsOfTheCommand() {
        #expect(words("search nguyen --l") == ["--limit"])
        #expect(words("search x --st") == ["--status"])
    }

    @Test func valuesAfterFlags() {
        #expect(words("search x --status ap") == ["approved"])
        #expect(words("format j") == ["json"])
    }

    @Test func noFileCompletionWhereNoneFits() {
        #expect(words("search ") == [])
        #expect(words("check 09") == [])
    }

    @Test func filesForImport() {
        #expect(words("import registrations ") == ["<files>"])
    }
}
