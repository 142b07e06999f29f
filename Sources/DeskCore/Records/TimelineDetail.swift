/// The detail of a timeline entry or an audit row that vssdesk writes itself (a call opened, a resend, a search, a
/// bulk change): `key=value` words without language, so that each console says them in its own (the shell's
/// `timeline.*` and `audit.detail.*` texts, SPEC §14). What an operator types (a note, a resolution, a search) is
/// kept as typed, as the one free-text field that ends the detail; older entries, written as sentences, are shown
/// as they are.
public enum TimelineDetail {
    /// `line=121 registrations=2`; a nil value is left out. Values are codes, numbers and masked numbers: no spaces.
    /// `free` is the one field that may hold any text (spaces included): it comes last, so it runs to the end.
    public static func make(_ fields: [(String, String?)], free: (String, String?)? = nil) -> String {
        var words = fields.compactMap { key, value in value.map { "\(key)=\($0)" } }
        if let (key, value) = free, let value { words.append("\(key)=\(value)") }
        return words.joined(separator: " ")
    }

    /// The fields of a detail written by `make`, or nil for free text. `free` names the field that runs to the end.
    public static func parse(_ detail: String, free: String? = nil) -> [String: String]? {
        var fields: [String: String] = [:]
        var rest = Substring(detail)
        while !rest.isEmpty {
            let word = rest.prefix { $0 != " " }
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex,
                  word[..<eq].allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") }) else { return nil }
            let key = String(word[..<eq])
            if key == free {
                fields[key] = String(rest[rest.index(after: eq)...])
                break
            }
            fields[key] = String(word[word.index(after: eq)...])
            rest = rest[word.endIndex...].drop { $0 == " " }
        }
        return fields.isEmpty ? nil : fields
    }
}
