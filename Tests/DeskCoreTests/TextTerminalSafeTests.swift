import Testing
import DeskCore

@Suite struct TextTerminalSafeTests {
    @Test(arguments: [
        ("Nguyễn Văn Đức", "Nguyễn Văn Đức"),
        ("a\u{1B}[2Jb", "a\\x1b[2Jb"),
        ("\u{1B}]0;owned\u{07}", "\\x1b]0;owned\\x07"),
        ("abc\u{08}\u{08}xyz", "abc\\x08\\x08xyz"),
        ("csi \u{9B}31m", "csi \\u{9b}31m"),
        ("del\u{7F}", "del\\x7f"),
        ("nul\u{0}", "nul\\x00"),
        ("line\nbreak\ttab\rcr", "line\\nbreak\\ttab\\rcr"),
        ("evil\u{202E}txt.exe", "evil\\u{202e}txt.exe"),
        ("\u{2066}iso\u{2069}", "\\u{2066}iso\\u{2069}"),
        ("rlm\u{200F}lrm\u{200E}", "rlm\\u{200f}lrm\\u{200e}"),
        ("zero\u{200B}width stays", "zero\u{200B}width stays"),
        ("50.000₫ — “đồng” … ⁰", "50.000₫ — “đồng” … ⁰"),
        ("\\x1b stays as typed", "\\x1b stays as typed"),
    ])
    func escapes(input: String, shown: String) {
        #expect(TerminalSafe.escape(input) == shown)
        #expect(!TerminalSafe.escape(input).unicodeScalars.contains(where: TerminalSafe.isUnsafe))
    }

    @Test(arguments: [
        ("hai\ndòng\tvà tab", "hai\ndòng\tvà tab"),
        ("cr\r\nlf", "cr\\r\nlf"),
        ("\u{1B}[31m", "\\x1b[31m"),
    ])
    func freeTextKeepsLineBreaks(input: String, shown: String) {
        #expect(TerminalSafe.escape(input, keepLineBreaks: true) == shown)
    }

    @Test(arguments: [
        ("ngắn", 10, "ngắn"),
        ("0123456789", 10, "0123456789"),
        ("0123456789A", 10, "012345678…"),
        ("漢字漢字漢字", 7, "漢字漢…"),
        ("Nguyễn Văn Đức".decomposedStringWithCanonicalMapping, 6, "Nguyễ…".decomposedStringWithCanonicalMapping),
        ("abc", 0, ""),
    ])
    func clipsByDisplayWidth(input: String, width: Int, shown: String) {
        let out = TerminalSafe.clip(input, to: width)
        #expect(out == shown)
        #expect(DisplayWidth.of(out) <= width)
    }

    @Test func hugeValueIsCutQuickly() {
        let huge = String(repeating: "Đ\u{1B}", count: 500_000)
        let out = TerminalSafe.cell(huge, maxWidth: 60)
        #expect(DisplayWidth.of(out) == 60 && out.hasSuffix("…") && !out.contains("\u{1B}"))
    }
}
