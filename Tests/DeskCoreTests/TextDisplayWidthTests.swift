import Foundation
import Testing
@testable import DeskCore

@Suite("Text: display width")
struct TextDisplayWidthTests {
    static let names = [
        "Nguyễn Văn Đức", "Trần Thị Ánh Tuyết", "Lê Hoàng Yến", "Phạm Quốc Bảo", "Huỳnh Thị Mỹ Hạnh",
        "Đặng Ngọc Ẩn", "Bùi Thị Hường", "Võ Thành Lộc", "Dương Quỳnh Như", "Ưng Hoàng Phúc", "Thừa Thiên Huế",
        "ĐẶNG THỊ HẰNG", "Ngô Văn Sữa",
    ]

    @Test(arguments: names)
    func vietnameseNameIsOneColumnPerLetter(name: String) {
        let nfd = name.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > name.unicodeScalars.count, "the NFD form has combining marks")
        #expect(DisplayWidth.of(name) == name.count)
        #expect(DisplayWidth.of(nfd) == name.count)
        #expect(DisplayWidth.of(nfd) == DisplayWidth.of(name))
    }

    @Test(arguments: [
        ("", 0), ("a", 1), ("abc", 3), ("Đức", 3), ("ệ", 1), ("e\u{0302}\u{0323}", 1), ("Quận 6", 6),
        ("中", 2), ("中文", 4), ("北京市", 6), ("한국", 4), ("ひらがな", 8), ("カタカナ", 8), ("ｶﾀｶﾅ", 4),
        ("Ａ", 2), ("　", 2), ("😀", 2), ("🚀", 2), ("Lê 李", 5),
        ("\u{200B}", 0), ("a\u{200D}b", 2), ("\t", 0), ("\n", 0), ("\u{7F}", 0), ("\u{FE0F}", 0),
    ])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test(arguments: [
        ("Đức", 6, "Đức   "),
        ("Nguyễn Văn Đức", 16, "Nguyễn Văn Đức  "),
        ("Nguyễn Văn Đức", 14, "Nguyễn Văn Đức"),
        ("中文", 6, "中文  "),
        ("", 3, "   "),
        ("Nguyễn Văn Đức", 8, "Nguyễn …"),
        ("中文字符", 5, "中文…"),
        ("中文字符", 4, "中… "),
    ])
    func padLeft(text: String, width: Int, expected: String) {
        let padded = DisplayWidth.pad(text, to: width)
        #expect(padded == expected)
        #expect(DisplayWidth.of(padded) == width)
        let nfd = DisplayWidth.pad(text.decomposedStringWithCanonicalMapping, to: width)
        #expect(nfd.nfc == expected)
        #expect(DisplayWidth.of(nfd) == width)
    }

    @Test(arguments: [("Đức", 6, "   Đức"), ("42", 5, "   42"), ("中文", 5, " 中文")])
    func padRight(text: String, width: Int, expected: String) {
        let padded = DisplayWidth.pad(text, to: width, alignRight: true)
        #expect(padded == expected)
        #expect(DisplayWidth.of(padded) == width)
        #expect(DisplayWidth.of(DisplayWidth.pad(text.decomposedStringWithCanonicalMapping, to: width, alignRight: true)) == width)
    }

    @Test(arguments: [
        ("Nguyễn Văn Đức", 8, "Nguyễn …"),
        ("Nguyễn Văn Đức", 7, "Nguyễn…"),
        ("Nguyễn Văn Đức", 13, "Nguyễn Văn Đ…"),
        ("Nguyễn Văn Đức", 14, "Nguyễn Văn Đức"),  // fits: unchanged
        ("Nguyễn Văn Đức", 20, "Nguyễn Văn Đức"),
        ("Nguyễn Văn Đức", 1, "…"),
        ("Nguyễn Văn Đức", 0, ""),
        ("中文字符", 5, "中文…"),
        ("中文字符", 4, "中… "),
        ("中文字符", 2, "… "),
        ("ab中", 3, "ab…"),
        ("", 0, ""),
    ])
    func truncate(text: String, width: Int, expected: String) {
        let t = DisplayWidth.truncate(text, to: width)
        #expect(t == expected)
        #expect(DisplayWidth.of(t) <= max(width, 0))
        // NFD input is cut between letters, never between a letter and its marks.
        let nfd = DisplayWidth.truncate(text.decomposedStringWithCanonicalMapping, to: width)
        #expect(nfd.nfc == expected)
        #expect(DisplayWidth.of(nfd) == DisplayWidth.of(t))
    }

    @Test func truncatedTextIsExactlyTheWidth() {
        for name in Self.names + ["中文字符串测试", "Lê 李 Đức 中文"] {
            for text in [name, name.decomposedStringWithCanonicalMapping] {
                for width in 1...20 where DisplayWidth.of(text) > width {
                    let t = DisplayWidth.truncate(text, to: width)
                    #expect(DisplayWidth.of(t) == width, "\(text) to \(width): \(t)")
                    #expect(t.hasSuffix("…") || t.hasSuffix("… "))
                    #expect(DisplayWidth.pad(text, to: width) == t)
                }
            }
        }
    }

    @Test(arguments: [
        ("Nguyễn Văn Đức", 10, ["Nguyễn Văn", "Đức"]),
        ("Nguyễn Văn Đức", 14, ["Nguyễn Văn Đức"]),
        ("Nguyễn Văn Đức", 13, ["Nguyễn Văn", "Đức"]),
        ("Nguyễn Văn Đức", 6, ["Nguyễn", "Văn", "Đức"]),
        ("Nguyễn Văn Đức", 7, ["Nguyễn", "Văn Đức"]),
        ("  Nguyễn   Văn  ", 20, ["Nguyễn Văn"]),
        ("", 10, [""]),
        ("   ", 10, [""]),
        ("中文 字符 测试", 5, ["中文", "字符", "测试"]),
        ("中文 字符 测试", 9, ["中文 字符", "测试"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),  // a word wider than the line is cut
        ("ab abcdefgh c", 4, ["ab", "abcd", "efgh", "c"]),
        ("中文字符", 3, ["中", "文", "字", "符"]),
        ("Dòng một\nDòng hai", 20, ["Dòng một", "Dòng hai"]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("a\r\nb", 5, ["a", "b"]),
    ])
    func wrap(text: String, width: Int, expected: [String]) {
        #expect(DisplayWidth.wrap(text, width: width) == expected)
        let nfd = DisplayWidth.wrap(text.decomposedStringWithCanonicalMapping, width: width)
        #expect(nfd.map(\.nfc) == expected)
    }

    @Test func wrappedLinesFitAndKeepEveryWord() {
        let text = "Hướng dẫn: người tham gia mang CCCD gắn chip đến BHXH Quận 6 để xác thực tài khoản VssID 中文 trong 10 ngày"
        for source in [text, text.decomposedStringWithCanonicalMapping] {
            for width in 2...40 {
                let lines = DisplayWidth.wrap(source, width: width)
                for line in lines {
                    #expect(DisplayWidth.of(line) <= width, "width \(width): \"\(line)\"")
                    #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
                }
                if width >= 8 {  // no word is longer than 8 columns: nothing is cut
                    #expect(lines.joined(separator: " ") == source, "width \(width)")
                }
                #expect(lines.joined().filter { $0 != " " } == source.filter { $0 != " " })
            }
        }
    }

    @Test func wrapWithNoRoomKeepsTheText() {
        #expect(DisplayWidth.wrap("Nguyễn Văn", width: 0) == ["Nguyễn Văn"])
        #expect(DisplayWidth.wrap("中", width: 1) == ["中"])  // one wide character cannot be split
    }
}
