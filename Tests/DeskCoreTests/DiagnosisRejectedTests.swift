import Testing
@testable import DeskCore

/// REJECTED links the KB article that fits the reviewer's reason (the demo's reasons and a few more).
@Suite struct DiagnosisRejectedTests {
    @Test(arguments: [
        ("Ảnh CMND/CCCD bị mờ, không đọc được", "cap-nhat-anh"),
        ("Thiếu ảnh chân dung", "cap-nhat-anh"),
        ("Họ tên không khớp với dữ liệu BHXH", "dang-ky-tai-khoan"),
        ("Số điện thoại đã được dùng cho tài khoản khác", "doi-sdt-email"),
        ("Sai số CCCD", "cap-nhat-cccd"),
        ("Chọn sai cơ quan tiếp nhận", "chon-co-quan"),
        ("Cần xác minh trực tiếp", "xac-minh-tai-co-quan"),
        ("anh chan dung bi mo", "cap-nhat-anh"),
        ("", "xac-minh-tai-co-quan"),
        ("Hồ sơ không hợp lệ", "xac-minh-tai-co-quan"),
    ])
    func articleFitsTheReason(_ reason: String, _ article: String) {
        var s = Fixture.adult()
        s.registration.status = .rejected
        s.registration.rejectReason = reason
        let f = Diagnosis.run(s, Fixture.context).first { $0.rule == "REJECTED" }
        #expect(f?.kb == article, "\(reason): \(f?.kb ?? "no finding")")
    }
}
