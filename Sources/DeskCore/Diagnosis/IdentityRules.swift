import Foundation

/// Rules about the declared ID number on its own: ID_INVALID (shape) and ID_INCONSISTENT (what a CCCD encodes
/// against the declared gender and birth year). Comparison with the registry is RegistryRules.idMismatch.
enum IdentityRules {
    /// Not a CMND (9 digits), a CCCD (12 digits with a known province-of-birth code) or a passport (1 letter and
    /// 7 digits). An empty ID is fine on a child registration, and on a self registration of someone under 18:
    /// MINOR_WITHOUT_ID reports that case with the right fix (register through a parent). An adult's, or someone's
    /// whose age is unknown, empty ID is invalid. A 12-digit number with an unknown province code is reported here
    /// (it is no valid CCCD) and also by ID_INCONSISTENT, whose table row in SPEC §4 names it too.
    static func idInvalid(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        let text = RuleSupport.declaredIDText(r)
        if text.isEmpty {
            if r.kind == .child { return nil }
            if let age = RuleSupport.age(s, c), age < 18 { return nil }
            return Diagnosis.finding(
                "ID_INVALID", .error, DeskMessage(FindingText.idMissing), DeskMessage(FindingText.idMissingAction))
        }
        let problem: DeskMessage
        if let id = PersonalID(text) {
            guard case .cccd(let cccd) = id, cccd.provinceName == nil else { return nil }
            problem = DeskMessage(FindingText.idProvinceUnknown, ["code": .text(cccd.provinceCode)])
        } else {
            problem = shapeProblem(Digits.stripSeparators(text).uppercased())
        }
        return Diagnosis.finding(
            "ID_INVALID", .error, DeskMessage(FindingText.idInvalid, ["id": .text(RuleSupport.mask(text)), "problem": .message(problem)]),
            DeskMessage(FindingText.idInvalidAction))
    }

    /// A 12-digit CCCD whose gender, century or birth-year digits disagree with the declared gender and date of
    /// birth, or whose province-of-birth code does not exist (`CCCD.inconsistencies`).
    static func idInconsistent(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard case .cccd(let cccd)? = RuleSupport.declaredID(r) else { return nil }
        let year = r.dob.flatMap(DateText.parseDate).flatMap { Int($0.prefix(4)) }
        let problems = cccd.inconsistencies(gender: r.gender, birthYear: year)
        guard !problems.isEmpty else { return nil }
        return Diagnosis.finding(
            "ID_INCONSISTENT", .error,
            DeskMessage(FindingText.idInconsistent, ["id": .text(RuleSupport.mask(cccd.value)), "problems": .list(problems, .semicolon)]),
            DeskMessage(FindingText.idInconsistentAction))
    }

    private static func shapeProblem(_ s: String) -> DeskMessage {
        if Digits.isAllDigits(s) { return DeskMessage(FindingText.idDigitCount, ["n": .int(s.count)]) }
        return DeskMessage(FindingText.idLetters)
    }
}
