import Foundation

/// One written Vietnamese syllable (or an abbreviation, a number) as search sees it.
///
/// `key` is the folded form (`Folding`), which is what matching uses. `surface` is the lowercased spelling with its
/// diacritics, the tone mark moved to the end so that both accent placements ("khoá" / "khóa", "hoà" / "hòa") are one
/// surface: it lets a reviewed word list tell "ảnh" (photo) from "anh" (you, sir) and "tải" (download) from "tại" (at)
/// when the caller typed the diacritics, while an unaccented "anh" may still be either.
public struct Syllable: Hashable, Sendable {
    public var key: String
    public var surface: String
    public var accented: Bool

    public init(key: String, surface: String, accented: Bool) {
        self.key = key
        self.surface = surface
        self.accented = accented
    }

    /// Whether this syllable is what `pattern` (an entry of a reviewed word list) spells: the same surface, or, when
    /// the syllable was typed without diacritics, the same folded key.
    public func matches(_ pattern: Syllable) -> Bool {
        surface == pattern.surface || (!accented && key == pattern.key)
    }

    /// The syllables of `text`, in phrases: punctuation (`. , ; : ! ? ( ) " |` and line breaks) ends a phrase, so
    /// adjacent pairs never straddle a sentence, a list item or a tag.
    public static func phrases(_ text: String) -> [[Syllable]] {
        var out: [[Syllable]] = []
        for piece in text.split(whereSeparator: { phraseBreaks.contains($0) || $0.isNewline }) {
            let words = piece.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).flatMap(syllables)
            if !words.isEmpty { out.append(words) }
        }
        return out
    }

    /// The syllables of one word (a word may fold to several, e.g. "e-mail" or "SĐ-GD"); letters with no Latin
    /// base are left out, as they match nothing in the articles.
    static func syllables(_ word: Substring) -> [Syllable] {
        let lower = String(word).lowercased()
        let keys = Folding.words(lower)
        guard keys.count == 1 else {
            return keys.filter { !$0.contains("?") }.map { Syllable(key: $0, surface: $0, accented: false) }
        }
        guard !keys[0].contains("?") else { return [] }
        return [Syllable(key: keys[0], surface: toneLast(lower), accented: Folding.hasDiacritics(lower))]
    }

    private static let phraseBreaks: Set<Character> = [".", ",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "|", "…", "[", "]"]

    /// The five tone marks (grave, acute, hook above, tilde, dot below); vowel marks (breve, circumflex, horn) stay.
    private static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0309, 0x0303, 0x0323]

    /// NFD with the tone mark moved after the letters, back in NFC: one spelling whatever vowel carries the tone.
    static func toneLast(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var letters = String.UnicodeScalarView()
        var tones = String.UnicodeScalarView()
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if toneMarks.contains(s.value) { tones.append(s) } else { letters.append(s) }
        }
        return (String(letters) + String(tones)).precomposedStringWithCanonicalMapping
    }
}
