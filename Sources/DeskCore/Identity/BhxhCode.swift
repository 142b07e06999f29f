/// Mã số BHXH: the 10-digit social-insurance code, the last 10 characters of a BHYT card number.
public struct BhxhCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init?(_ raw: String) {
        let s = Digits.stripSeparators(raw.nfc)
        guard s.utf8.count == 10, Digits.isAllDigits(s) else { return nil }
        value = s
    }

    public var description: String { value }
}
