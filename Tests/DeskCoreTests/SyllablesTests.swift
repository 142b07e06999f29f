import Foundation
import Testing
@testable import DeskCore

@Suite struct SyllablesTests {
    @Test(arguments: [
        ("khoá", "khóa"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("KHÓA", "khóa"),
        ("kho\u{0301}a", "khóa"),  // NFD input
    ])
    func bothTonePlacementsAreOneSurface(_ a: String, _ b: String) {
        let x = Syllable.phrases(a)[0][0], y = Syllable.phrases(b)[0][0]
        #expect(x.surface == y.surface)
        #expect(x.key == "khoa" || x.key == "hoa" || x.key == "thuy")
        #expect(x.matches(y) && y.matches(x))
    }

    @Test(arguments: [
        ("ảnh", "anh", false), ("anh", "anh", true), ("tải", "tại", false), ("tai", "tại", true),
        ("hỏng", "hông", false), ("hong", "hông", true), ("giá", "giả", false), ("đc", "dc", false), ("dc", "dc", true),
    ])
    func anAccentedWordMatchesOnlyItsOwnSpelling(_ typed: String, _ listed: String, _ expected: Bool) {
        #expect(Syllable.phrases(typed)[0][0].matches(Syllable.phrases(listed)[0][0]) == expected)
    }

    @Test func punctuationEndsAPhraseAndWordsSplitIntoSyllables() {
        let p = Syllable.phrases("Quên mật khẩu, bị khóa! (e-mail) 1900 25 25 10")
        #expect(p.map { $0.map(\.key) } == [["quen", "mat", "khau"], ["bi", "khoa"], ["e", "mail"], ["1900", "25", "25", "10"]])
        #expect(p[0].map(\.accented) == [true, true, true])
        #expect(p[2].map(\.accented) == [false, false])
        #expect(Syllable.phrases("").isEmpty && Syllable.phrases(" ,.;").isEmpty)
        #expect(Syllable.phrases("Đăng ký")[0].map(\.key) == ["dang", "ky"])
        #expect(Syllable.phrases("日本 vssid")[0].map(\.key) == ["vssid"])
    }
}
