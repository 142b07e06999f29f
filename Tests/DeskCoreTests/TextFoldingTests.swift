import Foundation
import Testing
@testable import DeskCore

struct VowelRow: Sendable, CustomTestStringConvertible {
    let base: String  // the vowel without tone (a ă â e ê i o ô ơ u ư y)
    let folded: String  // its ASCII letter
    let forms: String  // no tone, huyền, sắc, hỏi, ngã, nặng
    var testDescription: String { base }
}

@Suite("Text: Vietnamese folding")
struct TextFoldingTests {
    static let name = "Nguyễn Văn Đức"

    @Test(arguments: [
        "nguyen van duc",
        "NGUYEN VAN DUC",
        "Nguyen Van Duc",
        "Nguyễn Văn Đức",
        "Nguyễn Văn Đức".decomposedStringWithCanonicalMapping,
        "NGUYỄN VĂN ĐỨC",
        "NGUYỄN VĂN ĐỨC".decomposedStringWithCanonicalMapping,
        "nguyễn văn đức",
        "  Nguyễn   Văn  Đức  ",
        "Nguyễn\tVăn\nĐức",
        "Nguyễn-Văn, Đức.",
        "(Nguyễn) Văn Đức!!",
        "Nguyễn\u{00A0}Văn\u{2003}Đức",
        "Nguy\u{00AD}ễn Văn Đức",  // soft hyphen inside a word
        "Nguyễn Văn Đ\u{200B}ức",  // zero-width space inside a word
        "\u{FEFF}Nguyễn Văn Đức",  // byte-order mark from a CSV
        "Nguyễn Văn \u{00D0}ức",  // U+00D0 (eth), a common look-alike of Đ
    ])
    func spellingsFoldToTheSameKey(text: String) {
        #expect(Folding.fold(text) == "nguyen van duc")
        #expect(Folding.words(text) == ["nguyen", "van", "duc"])
    }

    @Test(arguments: [
        ("đ", "d"), ("Đ", "d"), ("đđ", "dd"), ("Đặng", "dang"), ("ĐẶNG", "dang"), ("Đỗ", "do"), ("Đinh", "dinh"),
        ("đường", "duong"), ("Dương", "duong"), ("\u{00F0}", "d"), ("\u{00D0}", "d"), ("\u{0189}", "d"), ("\u{0256}", "d"),
    ])
    func dStrokeFoldsToD(text: String, key: String) {
        #expect(Folding.fold(text) == key)
        #expect(Folding.fold(text.decomposedStringWithCanonicalMapping) == key)
    }

    static let vowels: [VowelRow] = [
        VowelRow(base: "a", folded: "a", forms: "aàáảãạ"),
        VowelRow(base: "ă", folded: "a", forms: "ăằắẳẵặ"),
        VowelRow(base: "â", folded: "a", forms: "âầấẩẫậ"),
        VowelRow(base: "e", folded: "e", forms: "eèéẻẽẹ"),
        VowelRow(base: "ê", folded: "e", forms: "êềếểễệ"),
        VowelRow(base: "i", folded: "i", forms: "iìíỉĩị"),
        VowelRow(base: "o", folded: "o", forms: "oòóỏõọ"),
        VowelRow(base: "ô", folded: "o", forms: "ôồốổỗộ"),
        VowelRow(base: "ơ", folded: "o", forms: "ơờớởỡợ"),
        VowelRow(base: "u", folded: "u", forms: "uùúủũụ"),
        VowelRow(base: "ư", folded: "u", forms: "ưừứửữự"),
        VowelRow(base: "y", folded: "y", forms: "yỳýỷỹỵ"),
    ]

    /// huyền, sắc, hỏi, ngã, nặng
    static let toneMarks: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    @Test(arguments: vowels)
    func everyToneOfEveryVowelFoldsToItsBase(row: VowelRow) {
        let forms = Array(row.forms)
        #expect(forms.count == 6, "the table lists the toneless vowel and 5 tones")
        #expect(Set(forms).count == 6)
        for ch in forms {
            for variant in [String(ch), String(ch).uppercased()] {
                #expect(variant.unicodeScalars.count == 1, "\(variant) is precomposed")
                #expect(Folding.fold(variant) == row.folded, "\(variant)")
                #expect(Folding.fold(variant.decomposedStringWithCanonicalMapping) == row.folded, "NFD \(variant)")
                #expect(Folding.fold("x" + variant + "x") == "x" + row.folded + "x", "inside a word: \(variant)")
            }
        }
        // The same forms built from the base and each combining tone mark.
        for (i, mark) in Self.toneMarks.enumerated() {
            var scalars = String.UnicodeScalarView(row.base.unicodeScalars)
            scalars.append(mark)
            let composed = String(scalars).nfc
            #expect(composed == String(forms[i + 1]), "\(row.base) + U+\(String(mark.value, radix: 16))")
            #expect(Folding.fold(String(scalars)) == row.folded)
            #expect(Folding.fold(composed.uppercased()) == row.folded)
        }
    }

    @Test(arguments: [
        ("", ""), ("   ", ""), ("...", ""), ("-", ""),
        ("a  b", "a b"), (" a b ", "a b"), ("a.b,c;d", "a b c d"), ("a\n\tb", "a b"),
        ("Phòng 12A", "phong 12a"), ("Quận 6", "quan 6"), ("Thừa Thiên Huế", "thua thien hue"),
        ("Bà Rịa - Vũng Tàu", "ba ria vung tau"), ("Hồ Chí Minh", "ho chi minh"), ("Lý Thị Ánh", "ly thi anh"),
        ("Ngô Thị Ngọc Ánh", "ngo thi ngoc anh"), ("Trương Quốc Khánh", "truong quoc khanh"),
        ("Huỳnh Thị Thuỷ", "huynh thi thuy"), ("Huỳnh Thị Thủy", "huynh thi thuy"), ("Ông Ích Khiêm", "ong ich khiem"),
        ("Ê-đê", "e de"), ("O'Neil", "o neil"), ("Müller", "muller"), ("Señor", "senor"), ("Çağ", "cag"),
        ("Straße", "stra?e"), ("北京", "??"), ("Lê 李", "le ?"),
    ])
    func keys(text: String, key: String) {
        #expect(Folding.fold(text) == key)
    }

    @Test(arguments: ["Nguyễn Văn Đức", "  Đặng — Thị  Hằng ", "Straße 北京", "NGUYỄN".decomposedStringWithCanonicalMapping, ""])
    func foldIsIdempotentAndASCII(text: String) {
        let key = Folding.fold(text)
        if !key.contains("?") {  // `?` marks a letter with no Latin base; folding it again makes it a separator
            #expect(Folding.fold(key) == key)
        }
        #expect(key.utf8.allSatisfy { $0 < 0x80 })
        #expect(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "))
    }

    @Test(arguments: [
        ("Lê", true), ("Đặng", true), ("đ", true), ("Nguyễn Văn Đức", true), ("Le Văn", true), ("\u{00D0}ặng", true),
        ("Lê".decomposedStringWithCanonicalMapping, true),
        ("Đặng".decomposedStringWithCanonicalMapping, true),
        ("Nguyễn".decomposedStringWithCanonicalMapping, true),
        ("Le Van", false), ("nguyen van duc", false), ("", false), ("0901234567", false), ("Le\u{00A0}Van", false),
        ("O'Neil - 12", false), ("北京", false), ("Straße", false),
    ])
    func hasDiacritics(text: String, expected: Bool) {
        #expect(Folding.hasDiacritics(text) == expected)
    }

    @Test func wordsSplitTheFoldedKey() {
        #expect(Folding.words("  Nguyễn   Văn-Đức ") == ["nguyen", "van", "duc"])
        #expect(Folding.words("") == [])
        #expect(Folding.words("…") == [])
    }
}

@Suite("Text: NFC")
struct TextNFCTests {
    @Test(arguments: ["Nguyễn Văn Đức", "Thừa Thiên Huế", "Ưng Hoàng Phúc", "ĐẶNG THỊ HẰNG"])
    func nfdComesBackToNFC(text: String) {
        let nfd = text.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > text.unicodeScalars.count)
        #expect(nfd.nfc.unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(text.nfc.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test(arguments: [
        ("  Nguyễn   Văn  Đức  ", "Nguyễn Văn Đức"),
        ("Nguyễn\tVăn\nĐức", "Nguyễn Văn Đức"),
        ("Nguyễn\u{00A0}Văn", "Nguyễn Văn"),
        ("", ""),
        ("   ", ""),
        ("Đức", "Đức"),
    ])
    func nfcCollapsed(text: String, expected: String) {
        #expect(text.nfcCollapsed.unicodeScalars.elementsEqual(expected.unicodeScalars))
        let nfd = text.decomposedStringWithCanonicalMapping.nfcCollapsed
        #expect(nfd.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }
    @Test func unusualSpacesAreNeverMissedByTheByteCheck() {
        for v in String.unusualSpaces {
            let s = "Nguyễn" + String(Character(Unicode.Scalar(v)!)) + "Văn"
            #expect(String.mayHoldUnusualSpace(s), "U+\(String(v, radix: 16))")
        }
        for name in ["Nguyễn Văn Đức", "Huỳnh Thị Ánh Tuyết", "Lê Ngọc Ẩn", "Trương Ưng Ơn", "Phạm Thị Ỷ", "Đặng Hữu Phước"] {
            #expect(!String.mayHoldUnusualSpace(name), "\(name)")
        }
    }
}
