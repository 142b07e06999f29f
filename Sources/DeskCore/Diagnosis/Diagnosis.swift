/// The rules of SPEC §4, run over one registration.
///
/// Severity policy: `error` means the account cannot be issued or used until something is fixed (a wrong or
/// missing identifier, a phone that cannot get the SMS, missing photos, the wrong agency, a rejection, a failed SMS,
/// a child dossier that cannot be approved). `warning` means the dossier may still go through but the operator
/// should act: a name without diacritics or differing only in diacritics (reviewers often accept it, the card and
/// the account should still agree), a student's declaration not forwarded, a review that is late, credentials never
/// used. No rule currently reports `info`.
public enum Diagnosis {
    typealias Rule = @Sendable (DiagnosisSnapshot, DiagnosisContext) -> Finding?

    /// The rules in SPEC order; within one severity, findings keep this order.
    static let rules: [(code: String, check: Rule)] = [
        ("NOT_IN_REGISTRY", RegistryRules.notInRegistry),
        ("NAME_NO_DIACRITICS", RegistryRules.nameNoDiacritics),
        ("NAME_MISMATCH", RegistryRules.nameMismatch),
        ("ID_INVALID", IdentityRules.idInvalid),
        ("ID_INCONSISTENT", IdentityRules.idInconsistent),
        ("ID_MISMATCH", RegistryRules.idMismatch),
        ("PHONE_INVALID", ContactRules.phoneInvalid),
        ("PHONE_SHARED", ContactRules.phoneShared),
        ("PHOTO_MISSING", DossierRules.photoMissing),
        ("WRONG_AGENCY", DossierRules.wrongAgency),
        ("DECLARATION_NOT_FORWARDED", DossierRules.declarationNotForwarded),
        ("PENDING_TOO_LONG", ProgressRules.pendingTooLong),
        ("REJECTED", ProgressRules.rejected),
        ("SMS_FAILED", ProgressRules.smsFailed),
        ("NEVER_LOGGED_IN", ProgressRules.neverLoggedIn),
        ("PARENT_NO_ACCOUNT", ChildRules.parentNoAccount),
        ("CHILD_HAS_OWN_ID", ChildRules.childHasOwnID),
        ("MINOR_WITHOUT_ID", ChildRules.minorWithoutID),
    ]

    /// All rule codes, in SPEC §4 order.
    public static let ruleCodes: [String] = rules.map(\.code)

    /// The knowledge-base article (SPEC §7) that explains how to fix each rule's finding.
    public static let kbArticle: [String: String] = [
        "NOT_IN_REGISTRY": "dang-ky-tai-khoan",
        "NAME_NO_DIACRITICS": "dang-ky-tai-khoan",
        "NAME_MISMATCH": "dang-ky-tai-khoan",
        "ID_INVALID": "dang-ky-tai-khoan",
        "ID_INCONSISTENT": "cap-nhat-cccd",
        "ID_MISMATCH": "cap-nhat-cccd",
        "PHONE_INVALID": "dang-ky-tai-khoan",
        "PHONE_SHARED": "doi-sdt-email",
        "PHOTO_MISSING": "cap-nhat-anh",
        "WRONG_AGENCY": "chon-co-quan",
        "DECLARATION_NOT_FORWARDED": "xem-to-khai",
        "PENDING_TOO_LONG": "xac-minh-tai-co-quan",
        "REJECTED": "xac-minh-tai-co-quan",
        "SMS_FAILED": "dang-nhap",
        "NEVER_LOGGED_IN": "dang-nhap",
        "PARENT_NO_ACCOUNT": "dang-ky-cho-con",
        "CHILD_HAS_OWN_ID": "dang-ky-cho-con",
        "MINOR_WITHOUT_ID": "dang-ky-cho-con",
    ]

    /// Runs every rule; findings come most severe first, in rule order within a severity.
    public static func run(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> [Finding] {
        rules.compactMap { $0.check(s, c) }
            .enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// Runs the rules named in `codes` only (e.g. for `bulk … --where rule=X`); unknown codes are ignored.
    public static func run(_ s: DiagnosisSnapshot, _ c: DiagnosisContext, only codes: Set<String>) -> [Finding] {
        rules.filter { codes.contains($0.code) }.compactMap { $0.check(s, c) }
            .enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// Builds a finding with its KB article; messages and actions are stored in NFC whatever the source spelling.
    static func finding(_ rule: String, _ severity: Finding.Severity, _ message: String, _ action: String) -> Finding {
        Finding(rule: rule, severity: severity, message: message.nfc, action: action.nfc, kb: kbArticle[rule] ?? "")
    }
}
