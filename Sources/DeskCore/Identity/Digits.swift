/// Small helpers shared by the identifier parsers.
enum Digits {
    static func isAllDigits<S: StringProtocol>(_ s: S) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Removes the separators people type or read out inside numbers: white space of any kind (spaces, tabs, line
    /// breaks, no-break and narrow spaces, as pasted from documents), dots, dashes, slashes, parentheses, underscores
    /// and zero-width characters.
    static func stripSeparators(_ s: String) -> String {
        if isAllDigits(s) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars where !isSeparator(scalar) { out.append(scalar) }
        return String(out)
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "-", "/", "(", ")", "_", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
             "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}":
            return true
        default:
            return scalar.properties.isWhitespace
        }
    }
}
