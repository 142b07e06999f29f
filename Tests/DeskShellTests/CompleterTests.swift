import Testing
import DeskCore
@testable import DeskShell

@Suite struct CompleterTests {
    func completer(_ role: Operator.Role = .admin, tickets: [String] = ["1042", "1043"]) -> Completer {
        var d = Completer.Dynamic()
        d.kbIDs = { ["dang-ky-tai-khoan", "dang-nhap", "lien-he"] }
        d.openTickets = { tickets }
        return Completer(commands: CommandTable.all, dynamic: d, role: role)
    }

    func words(_ line: String, as role: Operator.Role = .admin) -> [String] {
        if case .words(let w) = completer(role).complete(line: line, cursor: line.count) { return w }
        return ["<files>"]
    }

    /// What readline puts in place of `typed` (its word after the last space or `=`).
    func replacements(_ line: String, typed: String, as role: Operator.Role = .admin, tickets: [String] = ["1042", "1043"]) -> [String] {
        if case .words(let w) = completer(role, tickets: tickets).replacements(line: line, cursor: line.count, typed: typed) { return w }
        return ["<files>"]
    }

    @Test func theCurrentWordIsCompletedNotAppendedTo() {
        #expect(replacements("ticket show 2", typed: "2", tickets: ["2"]) == ["2"])
        #expect(replacements("ticket show 2 ", typed: "", tickets: ["2"]) == [])
        #expect(replacements("ticket note 2 ", typed: "", tickets: ["2"]) == [])
        #expect(replacements("ticket show 104", typed: "104") == ["1042", "1043"])
    }

    @Test func ruleCodesWhateverTheCase() {
        #expect(replacements("diagnose --stuck --rule phone", typed: "phone") == ["PHONE_INVALID", "PHONE_SHARED"])
        #expect(replacements("diagnose --stuck --rule=Phone_s", typed: "Phone_s") == ["PHONE_SHARED"])
        #expect(replacements("bulk resend --where rule=phone_i", typed: "phone_i") == ["PHONE_INVALID"])
    }

    @Test func onlyWhatTheRoleMayUse() {
        #expect(words("diagnose --st", as: .operatorRole) == [])
        #expect(words("diagnose --st", as: .supervisor) == ["--stuck"])
        #expect(words("diagnose 7901234567 --", as: .operatorRole) == ["--format"])
        #expect(!words("", as: .operatorRole).contains("bulk"))
        #expect(words("", as: .supervisor).contains("bulk"))
        #expect(words("stats ", as: .operatorRole) == [])
        #expect(!words("operator ", as: .supervisor).contains("add"))
        #expect(words("outbox send --g", as: .supervisor) == [])
        #expect(words("outbox send --g", as: .admin) == ["--gateway"])
    }

    @Test func verifyOffersItsTemplate() {
        #expect(replacements("resend 7901234567 --verify ", typed: "") == ["dob=YYYY-MM-DD,id="])
    }

    @Test func psqlAliases() {
        #expect(replacements("\\ti", typed: "\\ti") == ["\\timing"])
        #expect(words("\\x ") == ["on", "off", "auto"])
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
