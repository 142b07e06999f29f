/// Rules about registering a child (under 18, no CCCD) through a parent's account: PARENT_NO_ACCOUNT,
/// CHILD_HAS_OWN_ID, MINOR_WITHOUT_ID. Age is counted on the desk's today, in whole years (`DateText.age`): a
/// 29 February birthday turns on 1 March in common years, and someone whose 18th birthday is today is 18.
enum ChildRules {
    /// The parent's account statuses under which a child registration can be approved.
    static let parentReady: Set<Registration.Status> = [.approved, .credentialsSent, .active]

    /// A child registration whose parent has no registration, or one that is not approved yet.
    static func parentNoAccount(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .child else { return nil }
        if let parent = s.parent {
            guard !parentReady.contains(parent.status) else { return nil }
            return Diagnosis.finding(
                "PARENT_NO_ACCOUNT", .error,
                "Tài khoản của cha/mẹ (mã số BHXH \(parent.bhxhCode)) đang ở trạng thái "
                    + "“\(statusName(parent.status))”, chưa được duyệt: hồ sơ của con chỉ được duyệt sau khi "
                    + "tài khoản cha/mẹ đã được cấp.",
                "show \(parent.bhxhCode)")
        }
        let code = r.parentBhxhCode.map { " (mã số BHXH \($0))" } ?? ""
        return Diagnosis.finding(
            "PARENT_NO_ACCOUNT", .error,
            "Cha/mẹ\(code) chưa có tài khoản VssID: phải đăng ký tài khoản cho cha/mẹ trước, "
                + "rồi đăng ký cho con từ tài khoản đó.",
            "Hướng dẫn cha/mẹ đăng ký tài khoản trước: kb show dang-ky-tai-khoan")
    }

    /// A child registration for someone with an ID number of their own (a declared CMND/CCCD/passport, or a
    /// 12-digit CCCD in the registry) or who is 18 or over: they register directly.
    static func childHasOwnID(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .child else { return nil }
        var reasons: [String] = []
        if let id = RuleSupport.declaredID(r) {
            reasons.append("đã khai số \(RuleSupport.documentName(id)) \(RuleSupport.mask(id.normalized))")
        } else if case .cccd(let cccd)? = RuleSupport.registryID(s.insured) {
            reasons.append("đã có số CCCD \(RuleSupport.mask(cccd.value)) trong dữ liệu BHXH")
        }
        if let age = RuleSupport.age(s, c), age >= 18 { reasons.append("đã \(age) tuổi") }
        guard !reasons.isEmpty else { return nil }
        return Diagnosis.finding(
            "CHILD_HAS_OWN_ID", .error,
            "Hồ sơ đăng ký qua cha/mẹ nhưng người này " + reasons.joined(separator: " và ")
                + ": phải tự đăng ký tài khoản bằng số CCCD của mình.",
            "Hướng dẫn tự đăng ký tài khoản bằng CCCD: kb show dang-ky-tai-khoan")
    }

    /// A self registration for someone under 18 with no ID number: a parent registers them.
    static func minorWithoutID(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .selfApplicant, RuleSupport.declaredIDText(r).isEmpty,
              let age = RuleSupport.age(s, c), age < 18 else { return nil }
        return Diagnosis.finding(
            "MINOR_WITHOUT_ID", .error,
            "Người đăng ký mới \(age) tuổi và chưa có số CCCD: không tự đăng ký được, cha/mẹ đăng ký cho con "
                + "từ tài khoản VssID của cha/mẹ.",
            "Hướng dẫn cha/mẹ vào “Dịch vụ công” → “Đăng ký tài khoản cho con”: kb show dang-ky-cho-con")
    }

    private static func statusName(_ status: Registration.Status) -> String {
        switch status {
        case .submitted: return "đã gửi, chờ duyệt"
        case .approved: return "đã duyệt"
        case .rejected: return "bị từ chối"
        case .credentialsSent: return "đã gửi mật khẩu"
        case .active: return "đang sử dụng"
        }
    }
}
