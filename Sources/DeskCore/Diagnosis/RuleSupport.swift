import Foundation

/// Small helpers shared by the rule families: reading the declared data the same way everywhere and writing the
/// values operators read out (dates as DD/MM/YYYY, personal numbers masked as in lists, SPEC §10).
enum RuleSupport {
    /// The declared ID number, trimmed and in NFC; empty when none was declared.
    static func declaredIDText(_ r: Registration) -> String {
        (r.idNumber ?? "").nfc.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The declared ID number when it has the shape of a CCCD, CMND or passport number.
    static func declaredID(_ r: Registration) -> PersonalID? {
        let text = declaredIDText(r)
        return text.isEmpty ? nil : PersonalID(text)
    }

    /// The registry's ID number when it has the shape of a CCCD, CMND or passport number.
    static func registryID(_ p: InsuredPerson?) -> PersonalID? {
        guard let raw = p?.idNumber?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
        return PersonalID(raw)
    }

    /// An ID number compared by its digits and letters only (separators dropped, upper case).
    static func idKey(_ raw: String) -> String {
        PersonalID(raw)?.normalized ?? Digits.stripSeparators(raw.nfc).uppercased()
    }

    /// Whether the declared ID is a 12-digit CCCD equal to the registry's (the registry stands in for the national
    /// population database: with such a match the ID-card photos are not needed).
    static func cccdMatchesRegistry(_ s: DiagnosisSnapshot) -> Bool {
        guard case .cccd(let declared)? = declaredID(s.registration),
              case .cccd(let registry)? = registryID(s.insured) else { return false }
        return declared == registry
    }

    /// The date of birth to judge age by: the declared one, else the registry's.
    static func dob(_ s: DiagnosisSnapshot) -> String? {
        for raw in [s.registration.dob, s.insured?.dob] {
            if let raw, let d = DateText.parseDate(raw) { return d }
        }
        return nil
    }

    /// Whole years on the desk's today; a 29 February birthday turns on 1 March in common years.
    static func age(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Int? {
        guard let dob = dob(s), let today = DateText.parseDate(c.today) else { return nil }
        return DateText.age(dob: dob, on: today)
    }

    /// A phone or ID number masked like list output (`0901***567`, `079******166`); short fragments are not
    /// identifying and are shown as typed so the operator can see what went wrong.
    static func mask(_ value: String) -> String {
        value.count >= 8 ? Masking.number(value) : value
    }

    /// `mask`, with the positions where `value` differs from `other` left visible (see `Masking.id(_:differingFrom:)`).
    static func mask(_ value: String, against other: String) -> String {
        value.count >= 8 ? Masking.id(value, differingFrom: other) : value
    }

    /// The kind of document an ID number is, named in the catalog (`value.id.*`).
    static func documentName(_ id: PersonalID?) -> DeskMessage.Argument {
        switch id {
        case .cmnd?: return .value(group: "id", raw: "cmnd")
        case .passport?: return .value(group: "id", raw: "passport")
        default: return .value(group: "id", raw: "cccd")
        }
    }

    /// A vssdesk command as the action, the same in every language.
    static func command(_ text: String) -> DeskMessage { DeskMessage(FindingText.command, ["command": .text(text)]) }

    /// The operator's resend command; the verification values are asked from the caller, never pre-filled from the
    /// stored data (that would defeat the check of SPEC §6).
    static func resendAction(_ r: Registration) -> DeskMessage {
        command("resend \(r.bhxhCode) --verify dob=YYYY-MM-DD,id=…")
    }

    /// Who answers the verification questions and receives the SMS.
    static func verifyHint(_ r: Registration) -> DeskMessage.Argument {
        .message(DeskMessage(r.kind == .child ? FindingText.verifyParent : FindingText.verifyCaller))
    }
}

/// How agencies are named to callers, as the VssID agency picker shows them.
enum AgencyNames {
    /// Centrally governed cities are "TP.", the rest "tỉnh".
    private static let cities: Set<String> = ["001", "031", "048", "079", "092"]
    /// District agencies the desk knows by name (its own).
    private static let districts = ["07916": "BHXH Quận 6"]

    /// `BHXH Quận 6`, `BHXH TP. Hồ Chí Minh`, `BHXH tỉnh Bắc Ninh`; nil for a district the desk cannot name.
    static func name(_ code: String) -> String? {
        if let n = districts[code] { return n }
        guard code.count == 3, let province = ReferenceData.cccdProvinces[code] else { return nil }
        return "BHXH " + (cities.contains(code) ? "TP. " : "tỉnh ") + province
    }

    /// `[07916] BHXH Quận 6`, `[079] BHXH TP. Hồ Chí Minh`, `[07901] thuộc BHXH TP. Hồ Chí Minh`, or `[12345]`.
    static func describe(_ code: String) -> DeskMessage {
        if let n = name(code) { return DeskMessage(FindingText.agencyNamed, ["code": .text(code), "name": .text(n)]) }
        if code.count == 5, let province = name(String(code.prefix(3))) {
            return DeskMessage(FindingText.agencyUnder, ["code": .text(code), "province": .text(province)])
        }
        return DeskMessage(FindingText.agencyCode, ["code": .text(code)])
    }

    /// The agency in running text: its name, or `cơ quan BHXH [07901]`.
    static func label(_ code: String) -> DeskMessage {
        name(code).map { DeskMessage(FindingText.agencyName, ["name": .text($0)]) }
            ?? DeskMessage(FindingText.agencyByCode, ["code": .text(code)])
    }

    /// `[079] BHXH TP. Hồ Chí Minh → [07916] BHXH Quận 6` for a district desk, `[079] BHXH TP. Hồ Chí Minh` for a
    /// province desk: the two choices the citizen makes in VssID.
    static func choice(_ desk: String) -> DeskMessage {
        let first = describe(String(desk.prefix(3)))
        guard desk.count != 3 else { return first }
        let second = name(desk).map { DeskMessage(FindingText.agencyNamed, ["code": .text(desk), "name": .text($0)]) }
            ?? DeskMessage(FindingText.agencyCode, ["code": .text(desk)])
        return DeskMessage(FindingText.agencyThen, ["first": .message(first), "second": .message(second)])
    }
}

extension RuleSupport {
    /// The desk's today as `YYYY-MM-DD`, from `c.today`, else from `c.now`.
    static func today(_ c: DiagnosisContext) -> String? {
        DateText.parseDate(c.today) ?? DateText.parseInstant(c.now).map(DateText.deskDate)
    }

    /// Now as an instant, from `c.now`, else the start of `c.today` (desk midnight).
    static func now(_ c: DiagnosisContext) -> Date? {
        DateText.parseInstant(c.now) ?? DateText.parseInstant(c.today)
    }
}
