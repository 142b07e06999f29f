import Foundation

/// Rules about the mobile number the credentials SMS goes to: PHONE_INVALID and PHONE_SHARED.
enum ContactRules {
    /// Not a Vietnamese mobile number. A child registration carries the parent's phone, which gets the SMS, so it
    /// is checked the same way; when a child registration has no phone of its own the parent registration's phone
    /// is the one that counts.
    static func phoneInvalid(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        let raw = smsPhone(s)
        let whose = r.kind == .child ? "Số điện thoại của cha/mẹ" : "Số điện thoại"
        guard !raw.isEmpty else {
            return Diagnosis.finding(
                "PHONE_INVALID", .error,
                "\(r.kind == .child ? "Chưa có số điện thoại của cha/mẹ" : "Chưa khai số điện thoại di động"): "
                    + "không có số để nhận tin nhắn mật khẩu.",
                "Khai số di động đang dùng rồi gửi lại tờ khai")
        }
        let phone = Phone(raw)
        let shown = RuleSupport.mask(phone.normalized.isEmpty ? raw : phone.normalized)
        switch phone.kind {
        case .mobile:
            return nil
        case .landline:
            return Diagnosis.finding(
                "PHONE_INVALID", .error,
                "\(whose) \(shown) là số máy bàn, không nhận được tin nhắn SMS chứa mật khẩu.",
                "Khai số di động đang dùng thay cho số máy bàn")
        case .oldMobile:
            let new = phone.suggestedNew ?? ""
            return Diagnosis.finding(
                "PHONE_INVALID", .error,
                "\(whose) \(shown) là số 11 chữ số cũ. Từ 15/09/2018 đầu số \(phone.normalized.prefix(4)) đã đổi "
                    + "thành \(new.prefix(3)): số mới là \(RuleSupport.mask(new)), giữ nguyên 7 số cuối.",
                "Khai lại số di động mới \(RuleSupport.mask(new))")
        case .invalid:
            return Diagnosis.finding(
                "PHONE_INVALID", .error,
                "\(whose) “\(shown)” không phải số di động Việt Nam (di động có 10 chữ số, bắt đầu bằng 03, 05, 07, "
                    + "08 hoặc 09).",
                "Đọc lại số di động với người gọi và khai lại")
        }
    }

    /// The phone is on another `self` registration (one phone per account). Only a `self` registration can have
    /// this problem: a child registration carries its parent's phone by design. The registration's own code and
    /// its parent's code never count.
    static func phoneShared(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .selfApplicant else { return nil }
        var seen: Set<String> = [r.bhxhCode]
        if let parent = r.parentBhxhCode { seen.insert(parent) }
        let others = s.sharedPhoneCodes.filter { seen.insert($0).inserted }
        guard !others.isEmpty else { return nil }
        let phone = RuleSupport.mask(Phone(r.phone ?? "").normalized)
        let accounts = others.count == 1 ? "tài khoản mã số BHXH \(others[0])"
            : "\(others.count) tài khoản khác (mã số BHXH \(others.joined(separator: ", ")))"
        return Diagnosis.finding(
            "PHONE_SHARED", .error,
            "Số điện thoại \(phone) đã được khai cho \(accounts). Mỗi số điện thoại chỉ dùng cho một tài khoản VssID.",
            "Khai một số di động khác chưa dùng cho tài khoản nào: kb show doi-sdt-email")
    }

    /// The number the credentials SMS goes to: the registration's own, or for a child without one, the parent's.
    static func smsPhone(_ s: DiagnosisSnapshot) -> String {
        let own = (s.registration.phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if own.isEmpty, s.registration.kind == .child {
            return (s.parent?.phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return own
    }
}
