import Foundation

/// A phone number as a caller reads it out: normalised to the 10-digit national form starting with 0.
public struct Phone: Hashable, Sendable {
    public enum Kind: String, Sendable { case mobile, landline, oldMobile = "old_mobile", invalid }

    public let input: String
    /// Digits in national form (`0…`), whatever the input spelling; may still be invalid.
    public let normalized: String
    public let kind: Kind
    /// For an old 11-digit mobile number converted in 2018: the new 10-digit number.
    public let suggestedNew: String?

    public init(_ raw: String) {
        input = raw
        var s = Digits.stripSeparators(raw)
        var international = false
        if s.hasPrefix("+") {
            s.removeFirst()
            international = true
        } else if s.hasPrefix("0084") {
            s.removeFirst(2)
            international = true
        }
        // `84…` is the country code; `+84 (0) 90…` keeps the trunk 0 that people write in brackets.
        if s.hasPrefix("84"), international || (11...13).contains(s.utf8.count) {
            let rest = s.dropFirst(2)
            s = rest.hasPrefix("0") ? String(rest) : "0" + rest
        }
        // A spreadsheet drops the leading 0: 9 digits (mobile), or 10 digits opening with 2 (landline) or with an
        // old 11-digit mobile prefix (`162…`); a `1900…` hotline stays as it is.
        if !international, !s.hasPrefix("0"), Digits.isAllDigits(s),
           s.utf8.count == 9
            || (s.utf8.count == 10 && (s.hasPrefix("2") || ReferenceData.oldMobilePrefixes["0" + s.prefix(3)] != nil)) {
            s = "0" + s
        }
        normalized = s
        var suggested: String?
        let kind: Kind
        if !Digits.isAllDigits(s) || !s.hasPrefix("0") {
            kind = .invalid
        } else if s.utf8.count == 10, Phone.isMobileSubscriber(s.dropFirst()) {
            kind = .mobile
        } else if s.utf8.count == 11, s.hasPrefix("02") {
            kind = .landline
        } else if s.utf8.count == 11, let old = ReferenceData.oldMobilePrefixes[String(s.prefix(4))] {
            kind = .oldMobile
            suggested = old.new + s.suffix(7)
        } else {
            kind = .invalid
        }
        self.kind = kind
        suggestedNew = suggested
    }

    /// Whether the text looks like someone typed a phone number (used by search's query detection).
    public static func looksLikePhone(_ raw: String) -> Bool {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.unicodeScalars.first, first == "+" || first == "(" || ("0"..."9").contains(first) else {
            return false
        }
        let p = Phone(trimmed)
        return p.kind != .invalid
    }

    public var isMobile: Bool { kind == .mobile }

    /// The pre-2018 11-digit forms of a 10-digit mobile number (`0381234567` → `01681234567`).
    public static func pre2018Spellings(of phone: String) -> [String] {
        guard phone.utf8.count == 10 else { return [] }
        return ReferenceData.oldMobilePrefixes.filter { phone.hasPrefix($0.value.new) }.map { $0.key + phone.suffix(7) }.sorted()
    }

    /// The network operator of a valid mobile number (for an old 11-digit number: the one of its new number);
    /// nil for landlines, invalid numbers and ranges with no assigned operator.
    public var carrier: String? {
        switch kind {
        case .oldMobile:
            return ReferenceData.oldMobilePrefixes[String(normalized.prefix(4))]?.carrier
        case .mobile:
            let p = String(normalized.dropFirst().prefix(2))
            return Phone.carriers.first { $0.prefixes.contains(p) }?.name
        case .landline, .invalid:
            return nil
        }
    }

    /// libphonenumber's Vietnamese mobile ranges for the 9 digits after the leading 0 (SPEC §3):
    /// `(?:3\d|7[06-9])\d{7} | 5(?:[1689]\d|2[238]|59)\d{6} | 8(?:[1-8]\d|9[6-9])\d{6} | 9(?:[0-8]\d|9[013-9])\d{6}`.
    static func isMobileSubscriber<S: StringProtocol>(_ nine: S) -> Bool {
        let d = nine.utf8.map { Int($0) - 48 }
        guard d.count == 9, d.allSatisfy({ (0...9).contains($0) }) else { return false }
        switch d[0] {
        case 3: return true
        case 7: return [0, 6, 7, 8, 9].contains(d[1])
        case 5:
            switch d[1] {
            case 1, 6, 8, 9: return true
            case 2: return [2, 3, 8].contains(d[2])
            case 5: return d[2] == 9
            default: return false
            }
        case 8: return (1...8).contains(d[1]) || (d[1] == 9 && (6...9).contains(d[2]))
        case 9: return (0...8).contains(d[1]) || (d[1] == 9 && d[2] != 2)
        default: return false
        }
    }

    private static let carriers: [(name: String, prefixes: Set<String>)] = [
        ("Viettel", ["32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98"]),
        ("MobiFone", ["70", "76", "77", "78", "79", "89", "90", "93"]),
        ("VinaPhone", ["81", "82", "83", "84", "85", "88", "91", "94"]),
        ("Vietnamobile", ["52", "56", "58", "92"]),
        ("Gmobile", ["59", "99"]),
        ("iTel", ["87"]),
        ("Wintel", ["55"]),
    ]
}
