import Foundation

/// Rules that compare the registration with the insured-persons registry (BHXH master data): NOT_IN_REGISTRY,
/// NAME_NO_DIACRITICS, NAME_MISMATCH, ID_MISMATCH. Without a registry row only NOT_IN_REGISTRY can speak.
enum RegistryRules {
    /// Fires only when the insured extract is loaded and has no row for this mã số BHXH.
    static func notInRegistry(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard s.insuredLoaded, s.insured == nil else { return nil }
        let r = s.registration
        let name = r.fullName.nfcCollapsed
        let action = name.isEmpty ? DeskMessage(FindingText.notInRegistryAction) : RuleSupport.command("search \"\(name)\"")
        return Diagnosis.finding(
            "NOT_IN_REGISTRY", .error, DeskMessage(FindingText.notInRegistry, ["code": .text(r.bhxhCode)]), action)
    }

    /// The declared name (not empty) carries no diacritics at all while the registry's does (NFC and NFD alike).
    static func nameNoDiacritics(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard let (declared, registry) = names(s), !declared.isEmpty, !Folding.hasDiacritics(declared),
              Folding.hasDiacritics(registry) else { return nil }
        return Diagnosis.finding(
            "NAME_NO_DIACRITICS", .warning,
            DeskMessage(FindingText.nameNoDiacritics, ["declared": .text(declared), "registry": .text(registry)]),
            DeskMessage(FindingText.nameNoDiacriticsAction, ["registry": .text(registry)]))
    }

    /// The names differ after NFC, case and white-space normalisation. A pure lack of diacritics is
    /// NAME_NO_DIACRITICS's finding and is not repeated here; letters that differ are an error, diacritics that
    /// differ (a wrong tone mark) a warning.
    static func nameMismatch(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        guard let (declared, registry) = names(s), declared.lowercased() != registry.lowercased() else { return nil }
        let onlyDiacritics = Folding.fold(declared) == Folding.fold(registry)
        if onlyDiacritics, nameNoDiacritics(s, c) != nil { return nil }
        let shown: DeskMessage.Argument = .message(declared.isEmpty ? DeskMessage(FindingText.nameEmpty)
            : DeskMessage(FindingText.nameIs, ["name": .text(declared)]))
        if onlyDiacritics {
            return Diagnosis.finding(
                "NAME_MISMATCH", .warning, DeskMessage(FindingText.nameDiacriticsDiffer, ["declared": shown, "registry": .text(registry)]),
                DeskMessage(FindingText.nameDiacriticsAction, ["registry": .text(registry)]))
        }
        return Diagnosis.finding(
            "NAME_MISMATCH", .error, DeskMessage(FindingText.nameLettersDiffer, ["declared": shown, "registry": .text(registry)]),
            DeskMessage(FindingText.nameLettersAction, ["registry": .text(registry)]))
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
                "ID_MISMATCH", .error, DeskMessage(FindingText.idOldCMND, ["declared": .text(d), "registry": .text(g)]),
                DeskMessage(FindingText.idOldCMNDAction))
        }
        return Diagnosis.finding(
            "ID_MISMATCH", .error,
            DeskMessage(FindingText.idMismatch, ["document": RuleSupport.documentName(declaredID), "declared": .text(d), "registry": .text(g)]),
            DeskMessage(FindingText.idMismatchAction))
    }

    /// Declared and registry names in NFC with white space collapsed, when there is a registry name to compare.
    private static func names(_ s: DiagnosisSnapshot) -> (String, String)? {
        guard let insured = s.insured else { return nil }
        let registry = insured.fullName.nfcCollapsed
        guard !registry.isEmpty else { return nil }
        return (s.registration.fullName.nfcCollapsed, registry)
    }
}
