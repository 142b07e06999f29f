/// BHYT card number: 2-letter object code, benefit-level digit (1–5), 2-digit province code, then the mã số BHXH.
/// Cards issued since 1 April 2021 print only the 10-digit mã số BHXH.
public struct CardNumber: Hashable, Sendable {
    public let value: String
    public var objectCode: String { String(value.prefix(2)) }
    public var benefitLevel: Int { Int(String(value.dropFirst(2).prefix(1)))! }
    public var provinceCode: String { String(value.dropFirst(3).prefix(2)) }
    public var bhxhCode: BhxhCode { BhxhCode(String(value.suffix(10)))! }
    public var objectName: String? { CardNumber.objectNames[objectCode] }

    /// Parses a card number typed in any case with separators; nil unless it has the 15-character shape.
    public init?(_ raw: String) {
        let s = Digits.stripSeparators(raw).uppercased()
        let chars = Array(s.utf8)
        guard chars.count == 15,
              chars[0] >= 0x41, chars[0] <= 0x5A, chars[1] >= 0x41, chars[1] <= 0x5A,
              chars[2] >= 0x31, chars[2] <= 0x35,
              Digits.isAllDigits(s.dropFirst(3)) else { return nil }
        value = s
    }

    /// Object codes (mã đối tượng) of Decision 1351/QĐ-BHXH that the desk meets most; others are reported as unknown.
    public static let objectNames: [String: String] = [
        "DN": "người lao động trong doanh nghiệp", "HX": "người lao động trong hợp tác xã",
        "CH": "người lao động trong cơ quan nhà nước", "NN": "người lao động trong tổ chức nước ngoài",
        "TK": "người lao động trong tổ chức khác", "HC": "cán bộ, công chức, viên chức",
        "XK": "cán bộ xã, phường, thị trấn", "HT": "người hưởng lương hưu, trợ cấp mất sức",
        "TB": "người hưởng trợ cấp tai nạn lao động, bệnh nghề nghiệp", "NO": "người lao động nghỉ việc hưởng ốm đau",
        "CT": "người hưởng trợ cấp BHXH hằng tháng", "XB": "cán bộ xã hưởng trợ cấp BHXH hằng tháng",
        "TN": "người hưởng trợ cấp thất nghiệp", "CS": "người lao động hưởng chế độ chính sách",
        "QN": "quân nhân", "CA": "công an nhân dân", "CY": "người làm công tác cơ yếu",
        "XN": "người hưởng trợ cấp hằng tháng", "MS": "người lao động hưởng trợ cấp mất sức",
        "CC": "người có công với cách mạng", "CK": "người có công (khác)", "CB": "cựu chiến binh",
        "KC": "người tham gia kháng chiến", "HD": "đại biểu Quốc hội, HĐND", "TE": "trẻ em dưới 6 tuổi",
        "BT": "người hưởng trợ cấp bảo trợ xã hội", "HN": "người thuộc hộ nghèo", "DT": "người dân tộc thiểu số",
        "DK": "người sống ở vùng đặc biệt khó khăn", "XD": "người sống ở xã đảo, huyện đảo",
        "TS": "thân nhân người có công", "TC": "thân nhân người có công (khác)", "TQ": "thân nhân quân nhân",
        "TA": "thân nhân công an", "TY": "thân nhân cơ yếu", "HG": "người hiến bộ phận cơ thể",
        "LS": "người nước ngoài học tại Việt Nam", "PV": "người phục vụ người có công",
        "CN": "người thuộc hộ cận nghèo", "HS": "học sinh", "SV": "sinh viên",
        "GB": "hộ gia đình nông, lâm, ngư nghiệp", "GD": "hộ gia đình", "TL": "thân nhân liệt sĩ",
        "XV": "xã viên hợp tác xã",
    ]
}
