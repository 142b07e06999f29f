import Testing
@testable import DeskCore

/// An `active` account is in use, so it is never stuck: each rule's `Diagnosis.WhenActive` says whether its finding
/// becomes a warning (the data is still wrong, e.g. a phone a new password could not reach) or disappears (the
/// dossier went through: photos, agency, the parent's account).
@Suite struct DiagnosisActiveTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        var child = false
        /// What the finding is on the active account: nil when it is gone.
        let active: Finding.Severity?
        let edit: RuleCase.Edit
        var testDescription: String { "\(rule) on an active account: \(active.map(\.rawValue) ?? "gone")" }
    }

    static let cases: [Case] = [
        Case(rule: "PHOTO_MISSING", active: nil) { s, _ in s.registration.photoPortrait = false },
        Case(rule: "PHOTO_MISSING", child: true, active: nil) { s, _ in s.registration.photoBirthCert = false },
        Case(rule: "WRONG_AGENCY", active: nil) { s, _ in s.registration.agencyCode = "07901" },
        Case(rule: "PARENT_NO_ACCOUNT", child: true, active: nil) { s, _ in s.parent?.status = .submitted },
        Case(rule: "PHONE_INVALID", active: .warning) { s, _ in s.registration.phone = "02838543385" },
        Case(rule: "PHONE_SHARED", active: .warning) { s, _ in s.sharedPhoneCodes = ["7900000001"] },
        Case(rule: "NOT_IN_REGISTRY", active: .warning) { s, _ in s.insured = nil },
        Case(rule: "NAME_MISMATCH", active: .warning) { s, _ in s.registration.fullName = "Trần Văn Đức" },
        Case(rule: "ID_MISMATCH", active: .warning) { s, _ in s.registration.idNumber = "079090654321" },
        Case(rule: "ID_INVALID", active: .warning) { s, _ in s.registration.idNumber = "12345" },
        Case(rule: "MINOR_WITHOUT_ID", active: .warning) { s, _ in
            s.registration.idNumber = nil
            s.registration.dob = "2010-01-01"
            s.insured?.dob = "2010-01-01"
        },
    ]

    @Test(arguments: cases)
    func policy(_ c: Case) {
        var s = c.child ? Fixture.child() : Fixture.adult()
        var ctx = Fixture.context
        c.edit(&s, &ctx)
        if c.child { s.registration.status = .approved }
        let before = Diagnosis.run(s, ctx).first { $0.rule == c.rule }
        #expect(before?.severity == .error, "\(c.rule) should be an error before the account is active")
        s.registration.status = .active
        let after = Diagnosis.run(s, ctx).first { $0.rule == c.rule }
        #expect(after?.severity == c.active, "\(c.testDescription): \(String(describing: after))")
    }

    /// Every error rule either cannot fire on an active account or is a warning or nothing there: so the SQL of
    /// `diagnose --stuck` may leave active registrations out.
    @Test func noRuleIsStuckOnAnActiveAccount() {
        var s = Fixture.adult()
        s.registration.status = .active
        s.registration.phone = "02838543385"
        s.registration.agencyCode = "079"
        s.registration.photoPortrait = false
        s.registration.idNumber = "12345"
        s.insured = nil
        let findings = Diagnosis.run(s, Fixture.context)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity != .error }, "\(findings.map(\.rule))")
        for rule in Diagnosis.ruleCodes where Diagnosis.stuckWhenActive(rule) {
            #expect(["NAME_NO_DIACRITICS", "DECLARATION_NOT_FORWARDED", "PENDING_TOO_LONG", "REJECTED", "SMS_FAILED",
                     "NEVER_LOGGED_IN"].contains(rule), "\(rule) could make an active account stuck")
        }
    }
}
