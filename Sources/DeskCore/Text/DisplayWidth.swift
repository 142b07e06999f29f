/// Terminal column width of text, so Vietnamese names (precomposed or with combining marks) and wide characters
/// line up in tables.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth.txt, the blocks that occur in practice).
    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F680...0x1F6FF).contains(v) || (0x1F900...0x1F9FF).contains(v) || (0x1FA70...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` padded with spaces to `width` columns (left-aligned), or cut with `…` when wider.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let w = of(text)
        if w == width { return text }
        if w < width {
            let fill = String(repeating: " ", count: width - w)
            return alignRight ? fill + text : text + fill
        }
        return truncate(text, to: width)
    }

    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width, width > 0 else { return of(text) > width ? "" : text }
        var out = ""
        var used = 0
        for ch in text {
            let cw = of(String(ch))
            if used + cw > width - 1 { break }
            out.append(ch)
            used += cw
        }
        return out + "…" + String(repeating: " ", count: max(0, width - 1 - used))
    }

    /// Splits `text` into lines no wider than `width`, breaking at spaces; line breaks in `text` are kept, and a
    /// word wider than `width` on its own is cut between characters (never inside a letter and its marks).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var pieces = chunks(String(word), width: width)
                let first = pieces.removeFirst()
                let firstWidth = of(first)
                if line.isEmpty {
                    (line, lineWidth) = (first, firstWidth)
                } else if lineWidth + 1 + firstWidth <= width {
                    line += " " + first
                    lineWidth += 1 + firstWidth
                } else {
                    lines.append(line)
                    (line, lineWidth) = (first, firstWidth)
                }
                for piece in pieces {
                    lines.append(line)
                    (line, lineWidth) = (piece, of(piece))
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `word` cut into pieces no wider than `width` (a single character wider than `width` stays whole).
    private static func chunks(_ word: String, width: Int) -> [String] {
        if of(word) <= width { return [word] }
        var pieces: [String] = []
        var piece = ""
        var used = 0
        for ch in word {
            let cw = of(String(ch))
            if used + cw > width, !piece.isEmpty {
                pieces.append(piece)
                (piece, used) = ("", 0)
            }
            piece.append(ch)
            used += cw
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
