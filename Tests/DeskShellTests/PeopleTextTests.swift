import Testing
@testable import DeskShell
import DeskCore

/// What a person reads: one KB link per finding, a registry line without empty parts, desk-local times.
@Suite struct PeopleTextTests {
    @Test func aFindingNamesItsArticleOnce() {
        let pending = Finding(rule: "PENDING_TOO_LONG", severity: .warning, message: DeskMessage(FindingText.declarationNotForwarded),
                              action: DeskMessage(FindingText.pendingAction, ["agency": "BHXH Quận 6"]), kb: "xac-minh-tai-co-quan")
        let failed = Finding(rule: "SMS_FAILED", severity: .error, message: DeskMessage(FindingText.smsFailed, ["verify": "x"]),
                             action: DeskMessage(FindingText.command, ["command": "resend 7912345678 --verify dob=YYYY-MM-DD,id=…"]),
                             kb: "dang-nhap")
        let text = DiagnosisBridge.lines([pending, failed], width: 100, catalog: .vi).joined(separator: "\n")
        #expect(text.components(separatedBy: "kb show xac-minh-tai-co-quan").count == 2, "\(text)")
        #expect(text.components(separatedBy: "kb show dang-nhap").count == 2, "\(text)")
    }

    @Test func registryLineLeavesOutWhatIsMissing() {
        var child = InsuredPerson(bhxhCode: "7923456789")
        child.fullName = "Nguyễn Thị Mai"
        child.dob = "2015-06-01"
        child.cardNumber = "GD4797923456789"
        #expect(RegistrationViews.registryLine(child, full: false, .vi) == "Dữ liệu BHXH: Nguyễn Thị Mai, sinh 01/06/2015, thẻ GD4797923456789")
        #expect(RegistrationViews.registryLine(child, full: false, .en) == "BHXH data: Nguyễn Thị Mai, born 01/06/2015, card GD4797923456789")
        child.idNumber = "079090123456"
        #expect(RegistrationViews.registryLine(child, full: true, .vi).contains(", CCCD 079090123456, thẻ"))
        var bare = InsuredPerson(bhxhCode: "7923456780")
        bare.fullName = "Lê Văn Tám"
        #expect(RegistrationViews.registryLine(bare, full: false, .vi) == "Dữ liệu BHXH: Lê Văn Tám")
    }

    @Test func timesForPeopleAreDeskLocal() {
        #expect(RegistrationViews.text("submitted_at", .string("2025-03-01T18:30:00Z")) == "02/03/2025 01:30")
        #expect(RegistrationViews.text("last_login_at", .null) == "")
        #expect(RegistrationViews.text("dob", .string("1990-05-15"), .vi) == "15/05/1990")
    }
}
