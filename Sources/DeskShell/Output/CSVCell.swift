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

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted and its quotes doubled. Done on Unicode
    /// scalars: a quote followed by a combining mark is one Character, which a Character-wise replace would not double,
    /// leaving a field that ends early and lets the rest of the value write cells of its own.
    static func quoted(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in s.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        out.append("\"")
        return String(out)
    }
}
