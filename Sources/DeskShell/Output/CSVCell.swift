/// One CSV cell as written by `--format csv` (SPEC §10).
enum CSVCell {
    /// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before
    /// one) gets a leading apostrophe, so it is shown as text (OWASP's CSV-injection advice). The spec names every
    /// cell beginning with `-`, so a negative number is marked too; identifiers are text already.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "-", "@", "\t", "\r": return "'" + s
        default: return s
        }
    }

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted and its quotes doubled.
    static func quoted(_ s: String) -> String {
        s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
