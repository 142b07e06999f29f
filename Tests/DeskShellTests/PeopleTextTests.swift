import Testing
@testable import DeskShell
import DeskCore

/// What a person reads: one KB link per finding, a registry line without empty parts, desk-local times.
@Suite struct PeopleTextTests {
    @Test func aFindingNamesItsArticleOnce() {
        let pending = Finding(rule: "PENDING_TOO_LONG", severity: .warning, message: "Hồ sơ vẫn đang chờ duyệt.",
                              action: "Chuyển hồ sơ cho bộ phận tiếp nhận; nếu phải xác minh tại cơ quan: kb show xac-minh-tai-co-quan",
                              kb: "xac-minh-tai-co-quan")
        let failed = Finding(rule: "SMS_FAILED", severity: .error, message: "Tin nhắn không gửi được.",
                             action: "resend 7912345678 --verify dob=YYYY-MM-DD,id=…", kb: "dang-nhap")
        let text = DiagnosisBridge.lines([pending, failed], width: 100).joined(separator: "\n")
        #expect(text.components(separatedBy: "kb show xac-minh-tai-co-quan").count == 2, "\(text)")
        #expect(text.components(separatedBy: "kb show dang-nhap").count == 2, "\(text)")
    }

    @Test func registryLineLeavesOutWhatIsMissing() {
        var child = InsuredPerson(bhxhCode: "7923456789")
        child.fullName = "Nguyễn Thị Mai"
        child.dob = "2015-06-01"
        child.cardNumber = "GD4797923456789"
        #expect(RegistrationViews.registryLine(child, full: false) == "Dữ liệu BHXH: Nguyễn Thị Mai, sinh 2015-06-01, thẻ GD4797923456789")
        child.idNumber = "079090123456"
        #expect(RegistrationViews.registryLine(child, full: true).contains(", CCCD 079090123456, thẻ"))
        var bare = InsuredPerson(bhxhCode: "7923456780")
        bare.fullName = "Lê Văn Tám"
        #expect(RegistrationViews.registryLine(bare, full: false) == "Dữ liệu BHXH: Lê Văn Tám")
    }

    @Test func timesForPeopleAreDeskLocal() {
        #expect(RegistrationViews.text("submitted_at", .string("2025-03-01T18:30:00Z")) == "2025-03-02 01:30")
        #expect(RegistrationViews.text("last_login_at", .null) == "")
        #expect(RegistrationViews.text("dob", .string("1990-05-15")) == "1990-05-15")
    }
}
