import Foundation

/// How personal data looks wherever it is not shown in full (SPEC §10): lists, findings, messages and the audit
/// trail all mask through here, so one person's number looks the same on every screen. Phones keep their first 4
/// and last 3 digits (`0901***567`), ID numbers their first 3 and last 3 (`079******166`), addresses their last part.
public enum Masking {
    /// `0901***567`; a fragment too short to keep any digit of is all stars.
    public static func phone(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        guard s.count >= 8 else { return String(repeating: "*", count: s.count) }
        return String(s.prefix(4)) + "***" + String(s.suffix(3))
    }

    /// `079******166`: a CCCD, CMND or passport number with its middle starred, one star per hidden character.
    public static func id(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        return id(s, visible: [])
    }

    /// The mask of `id(_:)` that also shows where `s` differs from `other` (same length, compared position by
    /// position), so that two different numbers never look alike: `079**5***166` beside `079**8***166`. At most
    /// `maxRevealed` differing positions are shown (the first ones): a wholly different number is not given away.
    public static func id(_ s: String, differingFrom other: String, maxRevealed: Int = 3) -> String {
        let a = Array(s), b = Array(other)
        guard a.count == b.count else { return id(s) }
        let differing = a.indices.filter { a[$0] != b[$0] }.prefix(maxRevealed)
        return id(s, visible: Set(differing))
    }

    /// A phone or an ID number, told apart by shape: 10 or 11 digits starting with 0 is a phone (mobile, old
    /// mobile or landline); anything else (9 or 12 digits, a passport) is masked as an ID number.
    public static func number(_ s: String) -> String {
        (s.count == 10 || s.count == 11) && s.hasPrefix("0") && Digits.isAllDigits(s) ? phone(s) : id(s)
    }

    public static func address(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        let parts = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count > 1 ? "***, " + parts.suffix(2).joined(separator: ", ") : "***"
    }

    public static func email(_ s: String?) -> String {
        guard let s, let at = s.firstIndex(of: "@") else { return s == nil ? "" : "***" }
        return String(s.prefix(1)) + "***" + String(s[at...])
    }

    /// On an open call personal data is shown in full (SPEC §10): every masked number in `text` that exactly one of
    /// `values` fits (same length, equal wherever the mask shows a character) is replaced by that value.
    public static func reveal(_ text: String, from values: [String]) -> String {
        let candidates = Set(values.map(key).filter { $0.count >= 6 })
        guard !candidates.isEmpty, text.contains("*") else { return text }
        var out = "", token = ""
        func flush() {
            if token.contains("*"), token.contains(where: { $0 != "*" }) {
                let fits = candidates.filter { fitsMask(token, $0) }
                out += fits.count == 1 ? fits.first! : token
            } else {
                out += token
            }
            token = ""
        }
        for ch in text {
            if ch == "*" || isNumberCharacter(ch) { token.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    private static func id(_ s: String, visible: Set<Int>) -> String {
        guard s.count > 6 else { return String(repeating: "*", count: s.count) }
        let chars = Array(s)
        return String(chars.indices.map { i in i < 3 || i >= chars.count - 3 || visible.contains(i) ? chars[i] : "*" })
    }

    /// A number compared by its letters and digits only, upper case (`079 090 123 456`, `b1234567`).
    private static func key(_ s: String) -> String {
        String(s.filter(isNumberCharacter)).uppercased()
    }

    /// What ID numbers and phones are made of: ASCII digits and letters (a passport's first letter).
    private static func isNumberCharacter(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c.isLetter) }

    private static func fitsMask(_ token: String, _ value: String) -> Bool {
        let t = Array(token.uppercased()), v = Array(value)
        return t.count == v.count && zip(t, v).allSatisfy { $0 == "*" || $0 == $1 }
    }
}

