/// Text taken from data or input, made safe to send to a terminal (SPEC §10): a value such as `\u{1B}]0;…\u{7}` (an
/// OSC sequence), a backspace or a bidi override would otherwise re-title the window, hide what precedes it or make
/// a row read backwards. Such characters are shown visibly escaped (`\x1b`, `\u{202e}`) instead of being removed, so
/// the operator sees that the data holds them.
public enum TerminalSafe {
    /// Whether `scalar` must not reach a terminal as it is: C0 controls, DEL, C1 controls (U+0080–U+009F, which some
    /// terminals obey like ESC sequences), and the bidi marks, embeddings, overrides and isolates (U+200E–U+200F,
    /// U+202A–U+202E, U+2066–U+2069), which no Vietnamese name or address needs.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(v)
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with every unsafe character escaped. With `keepLineBreaks`, line feeds and tabs pass unchanged (free
    /// text spread over lines); a carriage return never does, as it lets a value overwrite what was printed before it.
    /// Works on the UTF-8 bytes: every unsafe scalar is recognisable from its first bytes, and a 50 MB value must not
    /// cost a String operation per character.
    public static func escape(_ text: String, keepLineBreaks: Bool = false) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var length = 0
            var value: UInt32 = 0
            if b < 0x20 || b == 0x7F {
                if !(keepLineBreaks && (b == 0x0A || b == 0x09)) { (length, value) = (1, UInt32(b)) }
            } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                (length, value) = (2, UInt32(bytes[i + 1]))
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81 {
                let v = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                if isBidiControl(v) { (length, value) = (3, v) }
            }
            if length == 0 {
                out.append(b)
                i += 1
            } else {
                appendVisible(value, to: &out)
                i += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the escape shown for one unsafe character: `\\n`, `\\r`, `\\t`, `\\x1b` below U+0080, `\\u{9b}` above.
    static func appendVisible(_ v: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        switch v {
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case ..<0x80:
            out += [UInt8(ascii: "x"), hexDigits[Int(v >> 4)], hexDigits[Int(v & 0xF)]]
        default:
            out += Array("u{".utf8)
            var digits: [UInt8] = []
            var rest = v
            while rest > 0 { digits.append(hexDigits[Int(rest & 0xF)]); rest >>= 4 }
            out += digits.reversed()
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `text` escaped and then cut to at most `width` display columns, ending in `…` when cut, so one huge value
    /// cannot blow up a table.
    public static func cell(_ text: String, maxWidth width: Int) -> String {
        clip(escape(text), to: width)
    }

    /// `text` cut to at most `width` display columns (with `…` when cut), without padding. Stops reading once the
    /// width is exceeded, so a 50 MB value costs no more than a short one.
    public static func clip(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var cut: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let w = DisplayWidth.of(String(text[i]))
            if cut == nil, used + w > width - 1 { cut = i }
            used += w
            if used > width { return String(text[..<(cut ?? i)]) + "…" }
            i = text.index(after: i)
        }
        return text
    }
}
