import Foundation
import Testing
@testable import DeskCore

/// Diagnosis rules (SPEC §4). The per-family rule tables live in `Diagnosis*Tests.swift` as extensions of this suite,
/// so `--filter DiagnosisTests` runs them all.
@Suite struct DiagnosisTests {}

/// A registration no rule fires on, and its surroundings; each test case changes one thing.
enum Fixture {
    static let adultCode = "7912345678"
    static let childCode = "7923456789"
    static let adultName = "Nguyễn Văn Đức"
    static let childName = "Nguyễn Thị Mai"
    /// 079 TP. HCM, digit 0 = male born 19xx, 90 = 1990.
    static let adultCCCD = "079090123456"
    static let today = "2025-03-12"  // a Wednesday
    static let context = DiagnosisContext(today: today, now: "2025-03-12T03:00:00Z")

    static func adultRegistration() -> Registration {
        var r = Registration(bhxhCode: adultCode)
        r.kind = .selfApplicant
        r.fullName = adultName
        r.dob = "1990-05-15"
        r.gender = .male
        r.idNumber = adultCCCD
        r.address = "12 Hậu Giang, Phường 2, Quận 6"
        r.phone = "0901234567"
        r.agencyCode = "07916"
        r.photoPortrait = true
        r.photoIdFront = true
        r.photoIdBack = true
        // Approved, not active: on an active account most errors are warnings or nothing (`Diagnosis.WhenActive`,
        // tested in DiagnosisActiveTests), and these tables test what each rule finds.
        r.status = .approved
        r.smsStatus = .sent
        r.submittedAt = "2025-01-06T02:00:00Z"
        r.statusChangedAt = "2025-01-09T02:00:00Z"
        r.credentialsSentAt = "2025-01-08T02:00:00Z"
        r.lastLoginAt = "2025-01-09T02:00:00Z"
        return r
    }

    static func adultInsured() -> InsuredPerson {
        var p = InsuredPerson(bhxhCode: adultCode)
        p.fullName = adultName
        p.dob = "1990-05-15"
        p.gender = .male
        p.idNumber = adultCCCD
        p.phone = "0901234567"
        p.cardNumber = "DN4797912345678"
        p.agencyCode = "07916"
        return p
    }

    static func adult() -> DiagnosisSnapshot {
        DiagnosisSnapshot(registration: adultRegistration(), insured: adultInsured(), insuredLoaded: true)
    }

    /// A 9-year-old registered by the adult above, submitted yesterday.
    static func child() -> DiagnosisSnapshot {
        var r = Registration(bhxhCode: childCode)
        r.kind = .child
        r.fullName = childName
        r.dob = "2015-06-01"
        r.gender = .female
        r.phone = "0901234567"
        r.parentBhxhCode = adultCode
        r.agencyCode = "07916"
        r.photoBirthCert = true
        r.status = .submitted
        r.submittedAt = "2025-03-11T02:00:00Z"
        var p = InsuredPerson(bhxhCode: childCode)
        p.fullName = childName
        p.dob = "2015-06-01"
        p.gender = .female
        p.cardNumber = "GD4797923456789"
        return DiagnosisSnapshot(registration: r, insured: p, insuredLoaded: true, parent: adultRegistration(),
                                 parentInsured: adultInsured(), sharedPhoneCodes: [adultCode])
    }
}

/// One row of a rule table: start from the adult (or child) fixture, apply `edit`, and check whether `rule` fires,
/// with what severity and words, and which other rules must stay quiet.
struct RuleCase: Sendable, CustomTestStringConvertible {
    typealias Edit = @Sendable (inout DiagnosisSnapshot, inout DiagnosisContext) -> Void

    let rule: String
    let name: String
    let fires: Bool
    var child = false
    var severity: Finding.Severity?
    var says: [String] = []
    var saysNot: [String] = []
    var action: [String] = []
    var quiet: [String] = []
    var edit: Edit

    init(_ rule: String, _ name: String, fires: Bool, child: Bool = false, severity: Finding.Severity? = nil,
         says: [String] = [], saysNot: [String] = [], action: [String] = [], quiet: [String] = [],
         _ edit: @escaping Edit) {
        self.rule = rule
        self.name = name
        self.fires = fires
        self.child = child
        self.severity = severity
        self.says = says
        self.saysNot = saysNot
        self.action = action
        self.quiet = quiet
        self.edit = edit
    }

    var testDescription: String { "\(rule) \(fires ? "fires" : "quiet"): \(name)" }

    func check() {
        var s = child ? Fixture.child() : Fixture.adult()
        var c = Fixture.context
        edit(&s, &c)
        let findings = Diagnosis.run(s, c)
        let found = findings.first { $0.rule == rule }
        #expect((found != nil) == fires, "\(testDescription) — findings: \(findings.map(\.rule))")
        if let f = found {
            if let severity { #expect(f.severity == severity, "\(testDescription)") }
            let message = f.message.vietnamese, actionText = f.action.vietnamese
            for text in says { #expect(message.contains(text), "message lacks “\(text)”: \(message)") }
            for text in saysNot { #expect(!message.contains(text), "message has “\(text)”: \(message)") }
            for text in action { #expect(actionText.contains(text), "action lacks “\(text)”: \(actionText)") }
            // A rejection links the article its reason is about (DiagnosisRejectedTests), the others their rule's.
            if rule == "REJECTED" {
                #expect(Set(ProgressRules.rejectionArticles.map(\.article)).contains(f.kb))
            } else {
                #expect(f.kb == Diagnosis.kbArticle[rule])
            }
            #expect(Array(message.unicodeScalars) == Array(message.nfc.unicodeScalars), "message not NFC")
            #expect(!actionText.isEmpty)
        }
        for other in quiet {
            #expect(!findings.contains { $0.rule == other }, "\(other) should stay quiet in \(testDescription)")
        }
    }
}

/// Every table, for the coverage check below.
let allRuleCases: [RuleCase] = registryRuleCases + identityRuleCases + contactRuleCases + dossierRuleCases
    + progressRuleCases + childRuleCases

extension DiagnosisTests {
    static let specRuleCodes = ["NOT_IN_REGISTRY", "NAME_NO_DIACRITICS", "NAME_MISMATCH", "ID_INVALID", "ID_INCONSISTENT",
                                "ID_MISMATCH", "PHONE_INVALID", "PHONE_SHARED", "PHOTO_MISSING", "WRONG_AGENCY",
                                "DECLARATION_NOT_FORWARDED", "PENDING_TOO_LONG", "REJECTED", "SMS_FAILED",
                                "NEVER_LOGGED_IN", "PARENT_NO_ACCOUNT", "CHILD_HAS_OWN_ID", "MINOR_WITHOUT_ID"]

    /// SPEC §7's required article ids.
    static let kbIDs: Set<String> = ["tai-ung-dung", "dang-ky-tai-khoan", "cap-nhat-anh", "chon-co-quan", "xem-to-khai",
                                     "dang-nhap", "quen-mat-khau", "dang-ky-cho-con", "lien-he", "xac-minh-tai-co-quan",
                                     "doi-sdt-email", "cap-nhat-cccd", "dang-nhap-vneid", "canh-bao-lua-dao"]

    @Test func ruleCodesAreTheSpecsInOrder() {
        #expect(Diagnosis.ruleCodes == Self.specRuleCodes)
    }

    @Test func everyRuleHasAnExistingKBArticle() {
        #expect(Set(Diagnosis.kbArticle.keys) == Set(Self.specRuleCodes))
        for (rule, article) in Diagnosis.kbArticle {
            #expect(Self.kbIDs.contains(article), "\(rule) → \(article)")
        }
        #expect(Diagnosis.kbArticle["PHONE_SHARED"] == "doi-sdt-email")
        #expect(Diagnosis.kbArticle["ID_MISMATCH"] == "cap-nhat-cccd")
        #expect(Diagnosis.kbArticle["REJECTED"] == "xac-minh-tai-co-quan")
        #expect(Diagnosis.kbArticle["NEVER_LOGGED_IN"] == "dang-nhap")
        #expect(Diagnosis.kbArticle["MINOR_WITHOUT_ID"] == "dang-ky-cho-con")
    }

    @Test func everyRuleIsTestedFiringAndQuiet() {
        for rule in Self.specRuleCodes {
            let cases = allRuleCases.filter { $0.rule == rule }
            #expect(cases.contains { $0.fires }, "\(rule) has no firing case")
            #expect(cases.contains { !$0.fires }, "\(rule) has no near miss")
        }
    }

    @Test("clean registrations have no findings", arguments: [false, true])
    func cleanRegistration(child: Bool) {
        let s = child ? Fixture.child() : Fixture.adult()
        #expect(Diagnosis.run(s, Fixture.context) == [])
    }

    @Test func findingsAreSortedMostSevereFirstThenInRuleOrder() {
        var s = Fixture.adult()
        s.registration.fullName = "Nguyen Van Duc"  // NAME_NO_DIACRITICS (warning)
        s.registration.phone = "028 3854 3385"  // PHONE_INVALID (error)
        s.registration.agencyCode = "07901"  // WRONG_AGENCY (error)
        s.registration.status = .submitted  // PENDING_TOO_LONG (warning), submitted in January
        s.registration.photoPortrait = false  // PHOTO_MISSING (error)
        s.insured?.cardNumber = "HS4797912345678"  // DECLARATION_NOT_FORWARDED (warning)
        let findings = Diagnosis.run(s, Fixture.context)
        #expect(findings.map(\.rule) == ["PHONE_INVALID", "PHOTO_MISSING", "WRONG_AGENCY", "NAME_NO_DIACRITICS",
                                         "DECLARATION_NOT_FORWARDED", "PENDING_TOO_LONG"])
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted())
        for f in findings {
            #expect(f.kb == Diagnosis.kbArticle[f.rule])
        }
    }

    @Test func severityOrderPutsErrorsFirst() {
        #expect(Finding.Severity.error < .warning)
        #expect(Finding.Severity.warning < .info)
    }

    @Test func runOnlySelectedRules() {
        var s = Fixture.adult()
        s.registration.phone = "028 3854 3385"
        s.registration.agencyCode = "07901"
        let only = Diagnosis.run(s, Fixture.context, only: ["WRONG_AGENCY", "NO_SUCH_RULE"])
        #expect(only.map(\.rule) == ["WRONG_AGENCY"])
    }

    @Test func everyFindingIsWellFormedWhenManyRulesFire() {
        var s = Fixture.child()
        s.registration.fullName = "Nguyen Thi Mai".decomposedStringWithCanonicalMapping
        s.registration.idNumber = "003315123456"
        s.registration.phone = "01681234567"
        s.registration.agencyCode = nil
        s.registration.photoBirthCert = false
        s.registration.status = .rejected
        s.registration.rejectReason = "Ảnh giấy khai sinh bị mờ"
        s.parent?.status = .submitted
        for f in Diagnosis.run(s, Fixture.context) {
            #expect(Diagnosis.ruleCodes.contains(f.rule))
            let message = f.message.vietnamese, action = f.action.vietnamese
            #expect(!message.isEmpty && !action.isEmpty)
            #expect(Array(message.unicodeScalars) == Array(message.nfc.unicodeScalars))
            #expect(Array(action.unicodeScalars) == Array(action.nfc.unicodeScalars))
            #expect(f.kb == (f.rule == "REJECTED" ? "cap-nhat-anh" : Diagnosis.kbArticle[f.rule]))
        }
    }

    @Test(arguments: [("07916", "[079] BHXH TP. Hồ Chí Minh → [07916] BHXH Quận 6"),
                      ("079", "[079] BHXH TP. Hồ Chí Minh"),
                      ("00101", "[001] BHXH TP. Hà Nội → [00101]"),
                      ("02701", "[027] BHXH tỉnh Bắc Ninh → [02701]")])
    func agencyChoiceNames(desk: String, expected: String) {
        #expect(AgencyNames.choice(desk).vietnamese == expected)
    }
}
