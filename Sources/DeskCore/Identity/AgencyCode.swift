/// Agency code: 3-digit province agency (`079` BHXH TP. Hồ Chí Minh) or 5-digit district agency (`07916` BHXH Quận 6).
public struct AgencyCode: Hashable, Sendable {
    public let value: String
    public var provinceCode: String { String(value.prefix(3)) }
    public var isDistrict: Bool { value.utf8.count == 5 }
    public var provinceName: String? { ReferenceData.cccdProvinces[provinceCode] }

    /// Parses a code with a known province prefix; a bracketed form like `[07916]` is accepted.
    public init?(_ raw: String) {
        let s = Digits.stripSeparators(raw).filter { $0 != "[" && $0 != "]" }
        guard s.utf8.count == 3 || s.utf8.count == 5, Digits.isAllDigits(s),
              ReferenceData.cccdProvinces[String(s.prefix(3))] != nil else { return nil }
        value = s
    }

    public static let desk = AgencyCode("07916")!

    /// The agency's name as VssID's agency picker writes it (`BHXH Quận 6`, `BHXH TP. Hồ Chí Minh`, `BHXH tỉnh Long
    /// An`); nil for a district agency the desk has no reviewed name for, which is then shown by its bare code.
    public static func name(of code: String) -> String? { AgencyNames.name(code) }
}
