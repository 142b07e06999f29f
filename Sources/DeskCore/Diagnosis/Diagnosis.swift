/// The rules of SPEC §4, run over one registration.
///
/// Severity policy: `error` means the account cannot be issued or used until something is fixed (a wrong or
/// missing identifier, a phone that cannot get the SMS, missing photos, the wrong agency, a rejection, a failed SMS,
/// a child dossier that cannot be approved). `warning` means the dossier may still go through but the operator
/// should act: a name without diacritics or differing only in diacritics (reviewers often accept it, the card and
/// the account should still agree), a student's declaration not forwarded, a review that is late, credentials never
/// used. No rule currently reports `info`.
///
/// An `active` account is in use, so it is never stuck (`diagnose --stuck` lists none): each rule says what its
/// finding becomes on one (`WhenActive`), and `StuckQuery` reads the same table so the SQL counts agree.
public enum Diagnosis {
    typealias Rule = @Sendable (DiagnosisSnapshot, DiagnosisContext) -> Finding?

    /// What a rule's finding means on an `active` account.
    public enum WhenActive: Sendable {
        /// Unchanged: the rule cannot fire on an active account anyway (it is about another status).
        case same
        /// Still worth telling the operator (`diagnose CODE`), but not stuck: the data is wrong on an account that
        /// works, e.g. a phone that could not receive a new password.
        case warning
        /// About the dossier only (photos, receiving agency, the parent's account): the dossier went through, so
        /// there is nothing left to fix.
        case silent
    }

    /// The rules in SPEC order; within one severity, findings keep this order.
    static let rules: [(code: String, check: Rule, whenActive: WhenActive)] = [
        ("NOT_IN_REGISTRY", RegistryRules.notInRegistry, .warning),
        ("NAME_NO_DIACRITICS", RegistryRules.nameNoDiacritics, .same),
        ("NAME_MISMATCH", RegistryRules.nameMismatch, .warning),
        ("ID_INVALID", IdentityRules.idInvalid, .warning),
        ("ID_INCONSISTENT", IdentityRules.idInconsistent, .warning),
        ("ID_MISMATCH", RegistryRules.idMismatch, .warning),
        ("PHONE_INVALID", ContactRules.phoneInvalid, .warning),
        ("PHONE_SHARED", ContactRules.phoneShared, .warning),
        ("PHOTO_MISSING", DossierRules.photoMissing, .silent),
        ("WRONG_AGENCY", DossierRules.wrongAgency, .silent),
        ("DECLARATION_NOT_FORWARDED", DossierRules.declarationNotForwarded, .same),
        ("PENDING_TOO_LONG", ProgressRules.pendingTooLong, .same),
        ("REJECTED", ProgressRules.rejected, .same),
        ("SMS_FAILED", ProgressRules.smsFailed, .same),
        ("NEVER_LOGGED_IN", ProgressRules.neverLoggedIn, .same),
        ("PARENT_NO_ACCOUNT", ChildRules.parentNoAccount, .silent),
        ("CHILD_HAS_OWN_ID", ChildRules.childHasOwnID, .warning),
        ("MINOR_WITHOUT_ID", ChildRules.minorWithoutID, .warning),
    ]

    /// All rule codes, in SPEC §4 order.
    public static let ruleCodes: [String] = rules.map(\.code)

    /// What `rule`'s finding becomes on an active account (`.same` for an unknown code).
    public static func whenActive(_ rule: String) -> WhenActive {
        rules.first { $0.code == rule }?.whenActive ?? .same
    }

    /// Whether an `error` of `rule` makes an active registration stuck (SQL twin: `StuckQuery`).
    public static func stuckWhenActive(_ rule: String) -> Bool { whenActive(rule) == .same }

    /// One rule's finding on this registration, after the active-account policy.
    static func check(_ rule: (code: String, check: Rule, whenActive: WhenActive), _ s: DiagnosisSnapshot,
                      _ c: DiagnosisContext) -> Finding? {
        guard var f = rule.check(s, c) else { return nil }
        guard s.registration.status == .active else { return f }
        switch rule.whenActive {
        case .same: return f
        case .silent: return nil
        case .warning:
            if f.severity == .error { f.severity = .warning }
            return f
        }
    }

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
        rules.compactMap { check($0, s, c) }
            .enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// Runs the rules named in `codes` only (e.g. for `bulk … --where rule=X`); unknown codes are ignored.
    public static func run(_ s: DiagnosisSnapshot, _ c: DiagnosisContext, only codes: Set<String>) -> [Finding] {
        rules.filter { codes.contains($0.code) }.compactMap { check($0, s, c) }
            .enumerated()
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    /// Builds a finding with its KB article; the values it quotes are kept in NFC whatever the source spelling.
    /// `kb` replaces the rule's article where the finding itself says which fits better (a rejection's reason).
    static func finding(_ rule: String, _ severity: Finding.Severity, _ message: DeskMessage, _ action: DeskMessage,
                        kb: String? = nil) -> Finding {
        Finding(rule: rule, severity: severity, message: message.mapText(\.nfc), action: action.mapText(\.nfc),
                kb: kb ?? kbArticle[rule] ?? "")
    }
}
