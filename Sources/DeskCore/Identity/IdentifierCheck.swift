/// What an identifier a caller reads out is, and whether it is valid (the `check` command, SPEC §4).
public struct IdentifierCheck: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case bhxhCode = "bhxh_code", card, cccd, cmnd, passport, mobile, landline, agency, unknown
    }

    public let input: String
    public let kind: Kind
    public let valid: Bool
    public let normalized: String
    public let details: [(String, String)]
    public let problems: [String]

    public static func == (a: IdentifierCheck, b: IdentifierCheck) -> Bool {
        a.input == b.input && a.kind == b.kind && a.valid == b.valid && a.normalized == b.normalized
            && a.problems == b.problems && a.details.map { $0.0 + "=" + $0.1 } == b.details.map { $0.0 + "=" + $0.1 }
    }

    /// Classifies `raw`. A 10-digit number starting with 0 in a mobile range is a phone; other 10-digit numbers are
    /// mã số BHXH (which open with a 2-digit province code: `01`–`08` for the northern provinces, `79` TP. HCM).
    public static func classify(_ raw: String) -> IdentifierCheck {
        let input = raw.nfc
        let compact = Digits.stripSeparators(input).uppercased()
        let digitsOnly = Digits.isAllDigits(compact)

        if compact.isEmpty {
            return IdentifierCheck(input: input, kind: .unknown, valid: false, normalized: "", details: [],
                                   problems: ["giá trị trống"])
        }
        if compact.hasPrefix("+")
            || digitsOnly && compact.hasPrefix("84") && (11...13).contains(compact.count)
            || digitsOnly && compact.hasPrefix("0084") && (13...15).contains(compact.count) {
            return phone(input)
        }
        if digitsOnly && compact.count == 10 {
            if compact.hasPrefix("0"), Phone(compact).kind == .mobile { return phone(input) }
            return IdentifierCheck(input: input, kind: .bhxhCode, valid: true, normalized: compact,
                                   details: [("province_code", String(compact.prefix(2)))], problems: [])
        }
        if compact.count == 15, let first = compact.unicodeScalars.first, ("A"..."Z").contains(first) {
            return card(input, compact)
        }
        if digitsOnly && compact.count == 12 { return cccd(input, compact) }
        if digitsOnly && compact.count == 9 {
            return IdentifierCheck(input: input, kind: .cmnd, valid: true, normalized: compact,
                                   details: [("type", "CMND 9 số (mẫu cũ)")], problems: [])
        }
        if compact.count == 8, let p = PersonalID(compact), case .passport = p {
            return IdentifierCheck(input: input, kind: .passport, valid: true, normalized: compact, details: [], problems: [])
        }
        if digitsOnly && (compact.count == 3 || compact.count == 5) || compact.hasPrefix("[") {
            if let a = AgencyCode(compact) {
                var d = [("province", a.provinceName ?? "")]
                if a == AgencyCode.desk { d.append(("name", "BHXH Quận 6")) }
                return IdentifierCheck(input: input, kind: .agency, valid: true, normalized: a.value, details: d, problems: [])
            }
            return IdentifierCheck(input: input, kind: .agency, valid: false, normalized: compact, details: [],
                                   problems: ["mã cơ quan không có mã tỉnh hợp lệ"])
        }
        if digitsOnly && compact.hasPrefix("0") && (compact.count == 10 || compact.count == 11) { return phone(input) }
        return IdentifierCheck(input: input, kind: .unknown, valid: false, normalized: compact, details: [],
                               problems: [unknownProblem(compact, digitsOnly: digitsOnly)])
    }

    private static func unknownProblem(_ s: String, digitsOnly: Bool) -> String {
        if digitsOnly {
            return "\(s.count) chữ số: không phải mã số BHXH (10), CMND (9), CCCD (12) hay số điện thoại (10)"
        }
        return "không nhận ra loại mã này"
    }

    private static func phone(_ input: String) -> IdentifierCheck {
        let p = Phone(input)
        var details: [(String, String)] = []
        if let c = p.carrier { details.append(("carrier", c)) }
        switch p.kind {
        case .mobile:
            return IdentifierCheck(input: input, kind: .mobile, valid: true, normalized: p.normalized, details: details, problems: [])
        case .landline:
            return IdentifierCheck(input: input, kind: .landline, valid: false, normalized: p.normalized, details: details,
                                   problems: ["số máy bàn không nhận được tin nhắn SMS"])
        case .oldMobile:
            details.append(("new_number", p.suggestedNew ?? ""))
            return IdentifierCheck(input: input, kind: .mobile, valid: false, normalized: p.normalized, details: details,
                                   problems: ["số 11 chữ số cũ, đã chuyển thành \(p.suggestedNew ?? "") từ 15/09/2018"])
        case .invalid:
            return IdentifierCheck(input: input, kind: .mobile, valid: false, normalized: p.normalized, details: details,
                                   problems: ["không thuộc đầu số di động Việt Nam"])
        }
    }

    private static func card(_ input: String, _ compact: String) -> IdentifierCheck {
        guard let c = CardNumber(compact) else {
            return IdentifierCheck(input: input, kind: .card, valid: false, normalized: compact, details: [],
                                   problems: ["mã thẻ BHYT phải gồm 2 chữ cái, 1 chữ số mức hưởng (1–5), 2 số mã tỉnh và 10 số mã BHXH"])
        }
        var details = [("object_code", c.objectCode), ("benefit_level", String(c.benefitLevel)),
                       ("province_code", c.provinceCode), ("bhxh_code", c.bhxhCode.value)]
        var problems: [String] = []
        if let name = c.objectName { details.append(("object", name)) } else { problems.append("mã đối tượng \(c.objectCode) không rõ") }
        return IdentifierCheck(input: input, kind: .card, valid: problems.isEmpty, normalized: c.value, details: details, problems: problems)
    }

    private static func cccd(_ input: String, _ compact: String) -> IdentifierCheck {
        let c = CCCD(compact)!
        var details = [("province_code", c.provinceCode), ("gender", c.gender.vietnamese), ("birth_year", String(c.birthYear))]
        var problems: [String] = []
        if let name = c.provinceName { details.insert(("province", name), at: 1) } else {
            problems.append("mã tỉnh nơi sinh \(c.provinceCode) không tồn tại")
        }
        return IdentifierCheck(input: input, kind: .cccd, valid: problems.isEmpty, normalized: compact, details: details, problems: problems)
    }
}
