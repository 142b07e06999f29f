/// A personal identity document number as declared: CCCD / căn cước (12 digits), old CMND (9 digits), or a
/// passport (one letter and 7 digits). There is no check digit in any of them.
public enum PersonalID: Hashable, Sendable {
    case cccd(CCCD)
    case cmnd(String)
    case passport(String)

    public init?(_ raw: String) {
        let s = Digits.stripSeparators(raw).uppercased()
        if s.utf8.count == 12, let c = CCCD(s) {
            self = .cccd(c)
        } else if s.utf8.count == 9, Digits.isAllDigits(s) {
            self = .cmnd(s)
        } else if s.utf8.count == 8, let first = s.unicodeScalars.first, ("A"..."Z").contains(first),
                  Digits.isAllDigits(s.dropFirst()) {
            self = .passport(s)
        } else {
            return nil
        }
    }

    public var normalized: String {
        switch self {
        case .cccd(let c): return c.value
        case .cmnd(let s), .passport(let s): return s
        }
    }
}

/// The 12-digit CCCD number: province of birth (3), gender-and-century digit (1), birth year's last two digits (2),
/// then 6 random digits.
public struct CCCD: Hashable, Sendable {
    public let value: String

    public init?(_ raw: String) {
        let s = Digits.stripSeparators(raw)
        guard s.utf8.count == 12, Digits.isAllDigits(s) else { return nil }
        value = s
    }

    public var provinceCode: String { String(value.prefix(3)) }
    public var provinceName: String? { ReferenceData.cccdProvinces[provinceCode] }
    private var genderCenturyDigit: Int { Int(String(value.dropFirst(3).prefix(1)))! }
    /// Even digits are male, odd female.
    public var gender: Gender { genderCenturyDigit % 2 == 0 ? .male : .female }
    /// 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s.
    public var century: Int { 1900 + (genderCenturyDigit / 2) * 100 }
    public var birthYear: Int { century + Int(String(value.dropFirst(4).prefix(2)))! }

    /// What disagrees between this number and declared data (empty when consistent).
    public func inconsistencies(gender declaredGender: Gender?, birthYear declaredYear: Int?) -> [DeskMessage] {
        var problems: [DeskMessage] = []
        if provinceName == nil { problems.append(DeskMessage(IdentityText.provinceUnknown, ["code": .text(provinceCode)])) }
        if let g = declaredGender, g != gender {
            problems.append(DeskMessage(IdentityText.genderDigit, ["gender": .value(group: "gender", raw: gender.rawValue),
                                                                   "declared": .value(group: "gender", raw: g.rawValue)]))
        }
        if let y = declaredYear, y != birthYear {
            if y / 100 * 100 != century {
                problems.append(DeskMessage(IdentityText.centuryDigit, ["from": .text(String(century)), "to": .text(String(century + 99)),
                                                                        "declared": .text(String(y))]))
            } else {
                problems.append(DeskMessage(IdentityText.birthYear, ["year": .text(String(birthYear)), "declared": .text(String(y))]))
            }
        }
        return problems
    }
}

public enum Gender: String, Sendable, Codable {
    case male = "M", female = "F"

    /// Accepts `M/F`, `Nam/Nữ` (any case, NFC or not).
    public init?(parsing raw: String) {
        switch Folding.fold(raw) {
        case "m", "nam", "male": self = .male
        case "f", "nu", "female": self = .female
        default: return nil
        }
    }

}
