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
                DeskMessage(FindingText.parentNotApproved, ["code": .text(parent.bhxhCode),
                                                            "status": .message(DeskMessage(statusName(parent.status)))]),
                RuleSupport.command("show \(parent.bhxhCode)"))
        }
        return Diagnosis.finding(
            "PARENT_NO_ACCOUNT", .error,
            r.parentBhxhCode.map { DeskMessage(FindingText.parentNoAccountCode, ["code": .text($0)]) }
                ?? DeskMessage(FindingText.parentNoAccount),
            DeskMessage(FindingText.parentNoAccountAction))
    }

    /// A child registration for someone with an ID number of their own (a declared CMND/CCCD/passport, or a
    /// 12-digit CCCD in the registry) or who is 18 or over: they register directly.
    static func childHasOwnID(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .child else { return nil }
        var reasons: [DeskMessage] = []
        if let id = RuleSupport.declaredID(r) {
            reasons.append(DeskMessage(FindingText.childDeclaredID, ["document": RuleSupport.documentName(id),
                                                                     "id": .text(RuleSupport.mask(id.normalized))]))
        } else if case .cccd(let cccd)? = RuleSupport.registryID(s.insured) {
            reasons.append(DeskMessage(FindingText.childRegistryCCCD, ["id": .text(RuleSupport.mask(cccd.value))]))
        }
        if let age = RuleSupport.age(s, c), age >= 18 { reasons.append(DeskMessage(FindingText.childAge, ["age": .int(age)])) }
        guard !reasons.isEmpty else { return nil }
        return Diagnosis.finding(
            "CHILD_HAS_OWN_ID", .error, DeskMessage(FindingText.childHasOwnID, ["reasons": .list(reasons, .and)]),
            DeskMessage(FindingText.childHasOwnIDAction))
    }

    /// A self registration for someone under 18 with no ID number: a parent registers them.
    static func minorWithoutID(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .selfApplicant, RuleSupport.declaredIDText(r).isEmpty,
              let age = RuleSupport.age(s, c), age < 18 else { return nil }
        return Diagnosis.finding(
            "MINOR_WITHOUT_ID", .error, DeskMessage(FindingText.minorWithoutID, ["age": .int(age)]),
            DeskMessage(FindingText.minorWithoutIDAction))
    }

    /// The parent's status as the citizen knows it in VssID (which words it differently from the desk's names).
    private static func statusName(_ status: Registration.Status) -> FindingText {
        switch status {
        case .submitted: return .parentSubmitted
        case .approved: return .parentApproved
        case .rejected: return .parentRejected
        case .credentialsSent: return .parentCredentialsSent
        case .active: return .parentActive
        }
    }
}
