import Foundation

/// Rules about what the citizen sent with the declaration: PHOTO_MISSING, WRONG_AGENCY, DECLARATION_NOT_FORWARDED.
enum DossierRules {
    /// Self: the portrait is always needed; the ID front and back are not when the declared ID is a 12-digit CCCD
    /// equal to the registry's (standing in for the national population database match). Child: the birth
    /// certificate. The message lists exactly the photos to take again.
    static func photoMissing(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        var missing: [DeskMessage] = []
        switch r.kind {
        case .child:
            if !r.photoBirthCert { missing.append(DeskMessage(FindingText.photoBirthCert)) }
        case .selfApplicant:
            if !r.photoPortrait { missing.append(DeskMessage(FindingText.photoPortrait)) }
            if !RuleSupport.cccdMatchesRegistry(s) {
                let doc = RuleSupport.documentName(RuleSupport.declaredID(r))
                if !r.photoIdFront { missing.append(DeskMessage(FindingText.photoFront, ["document": doc])) }
                if !r.photoIdBack { missing.append(DeskMessage(FindingText.photoBack, ["document": doc])) }
            }
        }
        guard !missing.isEmpty else { return nil }
        let list: DeskMessage.Argument = .list(missing, .comma)
        return Diagnosis.finding(
            "PHOTO_MISSING", .error, DeskMessage(FindingText.photoMissing, ["photos": list]),
            DeskMessage(FindingText.photoMissingAction, ["photos": list]))
    }

    /// The receiving agency is not this desk's, or is no valid agency code at all.
    static func wrongAgency(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let desk = AgencyCode(c.deskAgency)?.value ?? c.deskAgency
        let raw = (s.registration.agencyCode ?? "").trimmingCharacters(in: .whitespaces)
        let chosen = AgencyCode(raw)
        if chosen?.value == desk { return nil }
        let right: DeskMessage.Argument = .message(AgencyNames.choice(desk))
        let message: DeskMessage
        if raw.isEmpty {
            message = DeskMessage(FindingText.agencyNone, ["right": right])
        } else if let chosen {
            message = DeskMessage(FindingText.agencyOther, ["chosen": .message(AgencyNames.describe(chosen.value)), "right": right])
        } else {
            message = DeskMessage(FindingText.agencyInvalid, ["code": .text(raw), "right": right])
        }
        return Diagnosis.finding("WRONG_AGENCY", .error, message, DeskMessage(FindingText.agencyAction, ["right": right]))
    }

    /// A student (card object code HS) whose dossier is still `submitted` and whose declaration (tờ khai) was not
    /// forwarded to the homeroom teacher (giáo viên chủ nhiệm).
    static func declarationNotForwarded(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.status == .submitted, !r.declarationForwarded,
              let raw = s.insured?.cardNumber, CardNumber(raw)?.objectCode == "HS" else { return nil }
        return Diagnosis.finding(
            "DECLARATION_NOT_FORWARDED", .warning, DeskMessage(FindingText.declarationNotForwarded),
            DeskMessage(FindingText.declarationNotForwardedAction))
    }
}
