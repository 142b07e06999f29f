/// What an identifier a caller reads out is, and whether it is valid (the `check` command, SPEC §4).
public struct IdentifierCheck: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case bhxhCode = "bhxh_code", card, cccd, cmnd, passport, mobile, landline, agency, unknown
    }

    public let input: String
    public let kind: Kind
    public let valid: Bool
    public let normalized: String
    /// What the identifier encodes, by detail key (`province_code`, `gender` …); a value is a name or number as it
    /// is, or a text the shell says in the operator's language.
    public let details: [(String, DeskMessage.Argument)]
    public let problems: [DeskMessage]

    public static func == (a: IdentifierCheck, b: IdentifierCheck) -> Bool {
        a.input == b.input && a.kind == b.kind && a.valid == b.valid && a.normalized == b.normalized
            && a.problems == b.problems && a.details.map(\.0) == b.details.map(\.0) && a.details.map(\.1) == b.details.map(\.1)
    }

    /// Classifies `raw`. A 10-digit number starting with 0 in a mobile range is a phone; other 10-digit numbers are
    /// mã số BHXH (which open with a 2-digit province code: `01`–`08` for the northern provinces, `79` TP. HCM).
    public static func classify(_ raw: String) -> IdentifierCheck {
        let input = raw.nfc
        let compact = Digits.stripSeparators(input).uppercased()
        let digitsOnly = Digits.isAllDigits(compact)

        if compact.isEmpty {
            return IdentifierCheck(input: input, kind: .unknown, valid: false, normalized: "", details: [],
                                   problems: [DeskMessage(IdentityText.empty)])
        }
        if compact.hasPrefix("+")
            || digitsOnly && compact.hasPrefix("84") && (11...13).contains(compact.count)
            || digitsOnly && compact.hasPrefix("0084") && (13...15).contains(compact.count) {
            return phone(input)
        }
        if digitsOnly && compact.count == 10 {
            if compact.hasPrefix("0"), Phone(compact).kind == .mobile { return phone(input) }
            return IdentifierCheck(input: input, kind: .bhxhCode, valid: true, normalized: compact,
                                   details: [("province_code", .text(String(compact.prefix(2))))], problems: [])
        }
        if compact.count == 15, let first = compact.unicodeScalars.first, ("A"..."Z").contains(first) {
            return card(input, compact)
        }
        if digitsOnly && compact.count == 12 { return cccd(input, compact) }
        if digitsOnly && compact.count == 9 {
            return IdentifierCheck(input: input, kind: .cmnd, valid: true, normalized: compact,
                                   details: [("type", .message(DeskMessage(IdentityText.cmndOld)))], problems: [])
        }
        if compact.count == 8, let p = PersonalID(compact), case .passport = p {
            return IdentifierCheck(input: input, kind: .passport, valid: true, normalized: compact, details: [], problems: [])
        }
        if digitsOnly && (compact.count == 3 || compact.count == 5) || compact.hasPrefix("[") {
            if let a = AgencyCode(compact) {
                var d: [(String, DeskMessage.Argument)] = [("province", .text(a.provinceName ?? ""))]
                if a == AgencyCode.desk { d.append(("name", "BHXH Quận 6")) }
                return IdentifierCheck(input: input, kind: .agency, valid: true, normalized: a.value, details: d, problems: [])
            }
            return IdentifierCheck(input: input, kind: .agency, valid: false, normalized: compact, details: [],
                                   problems: [DeskMessage(IdentityText.agencyProvince)])
        }
        if digitsOnly && compact.hasPrefix("0") && (compact.count == 10 || compact.count == 11) { return phone(input) }
        return IdentifierCheck(input: input, kind: .unknown, valid: false, normalized: compact, details: [],
                               problems: [unknownProblem(compact, digitsOnly: digitsOnly)])
    }

    private static func unknownProblem(_ s: String, digitsOnly: Bool) -> DeskMessage {
        digitsOnly ? DeskMessage(IdentityText.digitCount, ["n": .int(s.count)]) : DeskMessage(IdentityText.unknown)
    }

    private static func phone(_ input: String) -> IdentifierCheck {
        let p = Phone(input)
        var details: [(String, DeskMessage.Argument)] = []
        if let c = p.carrier { details.append(("carrier", .text(c))) }
        switch p.kind {
        case .mobile:
            return IdentifierCheck(input: input, kind: .mobile, valid: true, normalized: p.normalized, details: details, problems: [])
        case .landline:
            return IdentifierCheck(input: input, kind: .landline, valid: false, normalized: p.normalized, details: details,
                                   problems: [DeskMessage(IdentityText.landline)])
        case .oldMobile:
            details.append(("new_number", .text(p.suggestedNew ?? "")))
            return IdentifierCheck(input: input, kind: .mobile, valid: false, normalized: p.normalized, details: details,
                                   problems: [DeskMessage(IdentityText.oldMobile, ["new": .text(p.suggestedNew ?? ""), "since": .date("2018-09-15")])])
        case .invalid:
            return IdentifierCheck(input: input, kind: .mobile, valid: false, normalized: p.normalized, details: details,
                                   problems: [DeskMessage(IdentityText.notMobile)])
        }
    }

    private static func card(_ input: String, _ compact: String) -> IdentifierCheck {
        guard let c = CardNumber(compact) else {
            return IdentifierCheck(input: input, kind: .card, valid: false, normalized: compact, details: [],
                                   problems: [DeskMessage(IdentityText.cardShape)])
        }
        var details: [(String, DeskMessage.Argument)] = [("object_code", .text(c.objectCode)), ("benefit_level", .text(String(c.benefitLevel))),
                                                          ("province_code", .text(c.provinceCode)), ("bhxh_code", .text(c.bhxhCode.value))]
        var problems: [DeskMessage] = []
        // By its code: the shell names the category in the reader's language (`value.object.HS`).
        if c.objectName != nil { details.append(("object", .value(group: "object", raw: c.objectCode))) } else {
            problems.append(DeskMessage(IdentityText.objectUnknown, ["code": .text(c.objectCode)]))
        }
        return IdentifierCheck(input: input, kind: .card, valid: problems.isEmpty, normalized: c.value, details: details, problems: problems)
    }

    private static func cccd(_ input: String, _ compact: String) -> IdentifierCheck {
        let c = CCCD(compact)!
        var details: [(String, DeskMessage.Argument)] = [("province_code", .text(c.provinceCode)),
                                                          ("gender", .value(group: "gender", raw: c.gender.rawValue)),
                                                          ("birth_year", .text(String(c.birthYear)))]
        var problems: [DeskMessage] = []
        if let name = c.provinceName { details.insert(("province", .text(name)), at: 1) } else {
            problems.append(DeskMessage(IdentityText.provinceUnknown, ["code": .text(c.provinceCode)]))
        }
        return IdentifierCheck(input: input, kind: .cccd, valid: problems.isEmpty, normalized: compact, details: details, problems: problems)
    }
}

/// The texts of `check` and of a CCCD's own checks, said by the shell's catalog (`identity.*`).
public enum IdentityText: String, MessageKey {
    case empty = "identity.empty"
    case cmndOld = "identity.cmndOld"
    case agencyProvince = "identity.agencyProvince"
    case digitCount = "identity.digitCount"
    case unknown = "identity.unknown"
    case landline = "identity.landline"
    case oldMobile = "identity.oldMobile"
    case notMobile = "identity.notMobile"
    case cardShape = "identity.cardShape"
    case objectUnknown = "identity.objectUnknown"
    case provinceUnknown = "identity.provinceUnknown"
    case genderDigit = "identity.genderDigit"
    case centuryDigit = "identity.centuryDigit"
    case birthYear = "identity.birthYear"
}
