import Foundation

/// Rules about what the citizen sent with the declaration: PHOTO_MISSING, WRONG_AGENCY, DECLARATION_NOT_FORWARDED.
enum DossierRules {
    /// Self: the portrait is always needed; the ID front and back are not when the declared ID is a 12-digit CCCD
    /// equal to the registry's (standing in for the national population database match). Child: the birth
    /// certificate. The message lists exactly the photos to take again.
    static func photoMissing(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        var missing: [String] = []
        switch r.kind {
        case .child:
            if !r.photoBirthCert { missing.append("ảnh giấy khai sinh") }
        case .selfApplicant:
            if !r.photoPortrait { missing.append("ảnh chân dung") }
            if !RuleSupport.cccdMatchesRegistry(s) {
                let doc = RuleSupport.documentName(RuleSupport.declaredID(r))
                if !r.photoIdFront { missing.append("ảnh mặt trước \(doc)") }
                if !r.photoIdBack { missing.append("ảnh mặt sau \(doc)") }
            }
        }
        guard !missing.isEmpty else { return nil }
        let list = missing.joined(separator: ", ")
        return Diagnosis.finding(
            "PHOTO_MISSING", .error,
            "Hồ sơ thiếu \(list). Cần chụp lại rõ nét, đủ sáng và tải lên trong VssID.",
            "Hướng dẫn chụp và tải lên \(list): kb show cap-nhat-anh")
    }

    /// The receiving agency is not this desk's, or is no valid agency code at all.
    static func wrongAgency(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let desk = AgencyCode(c.deskAgency)?.value ?? c.deskAgency
        let raw = (s.registration.agencyCode ?? "").trimmingCharacters(in: .whitespaces)
        let chosen = AgencyCode(raw)
        if chosen?.value == desk { return nil }
        let right = AgencyNames.choice(desk)
        let problem: String
        if raw.isEmpty {
            problem = "Chưa chọn cơ quan BHXH tiếp nhận hồ sơ."
        } else if let chosen {
            problem = "Hồ sơ đang gửi đến \(AgencyNames.describe(chosen.value)), không phải cơ quan của bàn hỗ trợ này."
        } else {
            problem = "Mã cơ quan tiếp nhận “\(raw)” không hợp lệ."
        }
        return Diagnosis.finding(
            "WRONG_AGENCY", .error,
            "\(problem) Cần chọn \(right).",
            "Chọn lại cơ quan \(right) rồi bấm “Gửi”")
    }

    /// A student (card object code HS) whose dossier is still `submitted` and whose declaration (tờ khai) was not
    /// forwarded to the homeroom teacher (giáo viên chủ nhiệm).
    static func declarationNotForwarded(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.status == .submitted, !r.declarationForwarded,
              let raw = s.insured?.cardNumber, CardNumber(raw)?.objectCode == "HS" else { return nil }
        return Diagnosis.finding(
            "DECLARATION_NOT_FORWARDED", .warning,
            "Học sinh đã gửi hồ sơ nhưng chưa chuyển tờ khai cho giáo viên chủ nhiệm.",
            "Hướng dẫn bấm “Xem tờ khai”, lưu tờ khai và gửi cho giáo viên chủ nhiệm: kb show xem-to-khai")
    }
}
