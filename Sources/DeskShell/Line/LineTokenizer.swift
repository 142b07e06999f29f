/// Splits a command line into words the way a shell user expects: spaces separate words; single quotes keep text
/// literally; double quotes allow `\"` and `\\`; a backslash outside quotes escapes the next character, except one
/// that begins the line (psql's `\x`). It reads Unicode scalars, not characters: a quote followed by a combining
/// mark, or a CR before an LF, would otherwise
/// form one character with it and no longer act as a quote or a separator.
public enum LineTokenizer {
    public enum TokenizeError: Error, CustomStringConvertible {
        case unterminatedQuote(Character)
        public var description: String {
            switch self { case .unterminatedQuote(let q): return "unterminated \(q) quote" }
        }
    }

    public static func split(_ line: String) throws -> [String] {
        try splitKeepingState(line).words
    }

    /// Words plus whether the last word is still open (for completion while typing).
    public static func splitKeepingState(_ line: String, lenient: Bool = false) throws -> (words: [String], endsInWord: Bool) {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inWord = false
        var quote: Unicode.Scalar?
        var escape = false
        for ch in line.unicodeScalars {
            if escape {
                current.append(ch)
                escape = false
                continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(String(current)); current = String.UnicodeScalarView(); inWord = false }
            case "'", "\"":
                quote = ch
                inWord = true
            case "\\" where words.isEmpty && !inWord:
                // psql's meta-commands (`\x`, `\o FILE`): a backslash that begins the line is kept.
                current.append(ch)
                inWord = true
            case "\\":
                escape = true
                inWord = true
            default:
                current.append(ch)
                inWord = true
            }
        }
        if let q = quote, !lenient { throw TokenizeError.unterminatedQuote(Character(q)) }
        if inWord { words.append(String(current)) }
        return (words, inWord)
    }

    /// Quotes a word for display or history so it splits back to itself.
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, !word.unicodeScalars.contains(where: { " \t\n\r'\"\\".unicodeScalars.contains($0) }) { return word }
        // Scalar by scalar, like the split: a Character-wise replace would miss a quote followed by a combining mark.
        var out = String.UnicodeScalarView()
        out.append("'")
        for scalar in word.unicodeScalars {
            if scalar == "'" { out.append(contentsOf: "'\\''".unicodeScalars) } else { out.append(scalar) }
        }
        out.append("'")
        return String(out)
    }
}
