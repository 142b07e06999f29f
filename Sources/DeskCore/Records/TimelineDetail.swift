/// The detail of a timeline entry vssdesk writes itself (a call opened, a resend, a search on the call): `key=value`
/// words without language, so that each console says them in its own (the shell's `timeline.*` texts, SPEC §14).
/// What an operator types (a note, a resolution) is kept as typed; older entries, written as sentences, are shown as
/// they are.
public enum TimelineDetail {
    /// `line=121 registrations=2`; a nil value is left out. Values are codes, numbers and masked numbers: no spaces.
    public static func make(_ fields: [(String, String?)]) -> String {
        fields.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: " ")
    }

    /// The fields of a detail written by `make`, or nil for free text.
    public static func parse(_ detail: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for word in detail.split(separator: " ") {
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex,
                  word[..<eq].allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "_") }) else { return nil }
            fields[String(word[..<eq])] = String(word[word.index(after: eq)...])
        }
        return fields.isEmpty ? nil : fields
    }
}
