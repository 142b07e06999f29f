import DeskCore

/// How personal data appears in lists (SPEC §10): phones and ID numbers keep a few digits, addresses only the last part.
public enum Masking {
    public static func phone(_ s: String?) -> String { Phone.mask(s ?? "") }

    public static func id(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        guard s.count > 6 else { return String(repeating: "*", count: s.count) }
        return String(s.prefix(3)) + String(repeating: "*", count: s.count - 6) + String(s.suffix(3))
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
}
