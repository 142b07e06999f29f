import Foundation

/// Rules that compare the registration with the insured-persons registry (BHXH master data): NOT_IN_REGISTRY,
/// NAME_NO_DIACRITICS, NAME_MISMATCH, ID_MISMATCH. Without a registry row only NOT_IN_REGISTRY can speak.
enum RegistryRules {
    /// Fires only when the insured extract is loaded and has no row for this mã số BHXH.
    static func notInRegistry(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard s.insuredLoaded, s.insured == nil else { return nil }
        let r = s.registration
        let name = r.fullName.nfcCollapsed
        let action = name.isEmpty
            ? "Hỏi lại mã số BHXH (10 số cuối trên thẻ BHYT) rồi khai lại"
            : "search \"\(name)\""
        return Diagnosis.finding(
            "NOT_IN_REGISTRY", .error,
            "Mã số BHXH \(r.bhxhCode) không có trong dữ liệu người tham gia BHXH. Có thể khai nhầm mã số: "
                + "mã số BHXH là 10 số cuối in trên thẻ BHYT.",
            action)
    }

    /// The declared name (not empty) carries no diacritics at all while the registry's does (NFC and NFD alike).
    static func nameNoDiacritics(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard let (declared, registry) = names(s), !declared.isEmpty, !Folding.hasDiacritics(declared),
              Folding.hasDiacritics(registry) else { return nil }
        return Diagnosis.finding(
            "NAME_NO_DIACRITICS", .warning,
            "Họ tên khai là “\(declared)”, không có dấu. Họ tên trong dữ liệu BHXH là “\(registry)”: "
                + "phải khai họ tên đầy đủ, có dấu.",
            "Khai lại họ tên có dấu: \(registry)")
    }

    /// The names differ after NFC, case and white-space normalisation. A pure lack of diacritics is
    /// NAME_NO_DIACRITICS's finding and is not repeated here; letters that differ are an error, diacritics that
    /// differ (a wrong tone mark) a warning.
    static func nameMismatch(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard let (declared, registry) = names(s), declared.lowercased() != registry.lowercased() else { return nil }
        let onlyDiacritics = Folding.fold(declared) == Folding.fold(registry)
        if onlyDiacritics, nameNoDiacritics(s, c) != nil { return nil }
        let shown = declared.isEmpty ? "để trống" : "là “\(declared)”"
        if onlyDiacritics {
            return Diagnosis.finding(
                "NAME_MISMATCH", .warning,
                "Họ tên khai \(shown), khác dữ liệu BHXH “\(registry)” chỉ ở dấu thanh hoặc dấu chữ.",
                "Khai lại họ tên đúng dấu như trên CCCD: \(registry)")
        }
        return Diagnosis.finding(
            "NAME_MISMATCH", .error,
            "Họ tên khai \(shown), khác chữ so với họ tên trong dữ liệu BHXH “\(registry)”. "
                + "Nếu người gọi đã đổi tên, cần điều chỉnh thông tin tại cơ quan BHXH trước.",
            "Khai lại họ tên đúng như dữ liệu BHXH: \(registry)")
    }

    /// Both ID numbers present and different after normalisation. An old 9-digit CMND against a 12-digit CCCD in the
    /// registry is still a mismatch: the account must be moved to the CCCD.
    static func idMismatch(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let declared = RuleSupport.declaredIDText(s.registration)
        guard let registry = s.insured?.idNumber?.nfc.trimmingCharacters(in: .whitespacesAndNewlines),
              !declared.isEmpty, !registry.isEmpty,
              RuleSupport.idKey(declared) != RuleSupport.idKey(registry) else { return nil }
        let declaredID = RuleSupport.declaredID(s.registration), registryID = RuleSupport.registryID(s.insured)
        let dk = RuleSupport.idKey(declared), gk = RuleSupport.idKey(registry)
        let d = RuleSupport.mask(dk, against: gk), g = RuleSupport.mask(gk, against: dk)
        if case .cmnd? = declaredID, case .cccd? = registryID {
            return Diagnosis.finding(
                "ID_MISMATCH", .error,
                "Số CMND 9 số cũ \(d) đã khai khác số CCCD \(g) trong dữ liệu BHXH. "
                    + "Cần cập nhật số CCCD 12 số cho tài khoản.",
                "Hướng dẫn khai số CCCD 12 số thay cho CMND cũ: kb show cap-nhat-cccd")
        }
        return Diagnosis.finding(
            "ID_MISMATCH", .error,
            "Số \(RuleSupport.documentName(declaredID)) đã khai (\(d)) khác số giấy tờ trong dữ liệu BHXH (\(g)).",
            "Đối chiếu với thẻ CCCD của người gọi; khai lại đúng số, hoặc cập nhật số CCCD: kb show cap-nhat-cccd")
    }

    /// Declared and registry names in NFC with white space collapsed, when there is a registry name to compare.
    private static func names(_ s: DiagnosisSnapshot) -> (String, String)? {
        guard let insured = s.insured else { return nil }
        let registry = insured.fullName.nfcCollapsed
        guard !registry.isEmpty else { return nil }
        return (s.registration.fullName.nfcCollapsed, registry)
    }
}
