/// Names as an operator hears them over the phone (SPEC §4, the third match tier): Southern speech merges sounds
/// that the spelling keeps apart, and fingers slip.
///
/// - Merges, per syllable of a folded name: initial `v`/`d`/`gi` (Vân ~ Dân ~ Giân), `tr`/`ch` (Trâm ~ Châm),
///   `s`/`x` (Sương ~ Xương); final `n`/`ng` (Toàn ~ Toàng), `nh`/`n` (Minh ~ Min), `t`/`c` (Phát ~ Phác).
///   `sound(_:)` maps every spelling of one heard syllable to the same key.
/// - One slip in a word of five letters or more: a letter missing, extra or wrong, or two neighbours swapped
///   (Damerau distance 1). `slipKeys(_:)` are the word and its one-letter deletions: two words within one slip share
///   one of them (the SymSpell idea), so the match is an index lookup, then `isOneSlip` confirms it.
public enum HeardName {
    public static let minSlipLength = 5

    /// The heard key of one folded syllable (lowercase ASCII).
    public static func sound(_ syllable: String) -> String {
        var s = Array(syllable.utf8)
        guard !s.isEmpty else { return syllable }
        func starts(_ p: String) -> Bool { s.starts(with: Array(p.utf8)) }
        // Initials. `gi` before a vowel is one consonant (gia, giang); `gi` alone is that consonant and the vowel i.
        if starts("gi"), s.count == 2 || isVowel(s[2]) {
            s = Array("z".utf8) + (s.count == 2 ? Array("i".utf8) : Array(s[2...]))
        } else if starts("v") || (starts("d") && !starts("dz")) {
            s = Array("z".utf8) + Array(s[1...])
        } else if starts("tr") {
            s = Array("ch".utf8) + Array(s[2...])
        } else if starts("s") {
            s = Array("x".utf8) + Array(s[1...])
        }
        // Finals, after a vowel only (the syllable's own initial is left alone).
        func ends(_ p: String) -> Bool {
            let p = Array(p.utf8)
            return s.count > p.count && Array(s.suffix(p.count)) == p && isVowel(s[s.count - p.count - 1])
        }
        if ends("ng") || ends("nh") {
            s.removeLast()
        } else if ends("t") {
            s[s.count - 1] = UInt8(ascii: "c")
        }
        return String(decoding: s, as: UTF8.self)
    }

    /// The word itself and each of its one-letter deletions, for words long enough to have slips.
    public static func slipKeys(_ word: String) -> [String] {
        let w = Array(word.utf8)
        guard w.count >= minSlipLength - 1 else { return [] }
        var keys: Set<String> = [word]
        for i in w.indices {
            var d = w
            d.remove(at: i)
            keys.insert(String(decoding: d, as: UTF8.self))
        }
        return keys.sorted()
    }

    /// Whether `a` and `b` are one slip apart (and one of them has at least five letters).
    public static func isOneSlip(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x != y, max(x.count, y.count) >= minSlipLength, abs(x.count - y.count) <= 1 else { return false }
        if x.count == y.count {
            let diff = x.indices.filter { x[$0] != y[$0] }
            if diff.count == 1 { return true }
            return diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count && long[i] == short[i] { i += 1 }
        return Array(long[(i + 1)...]) == Array(short[i...])
    }

    /// Whether a heard `query` word stands for the folded name word `term`: the same sound, or one slip.
    public static func matches(_ query: String, _ term: String) -> Bool {
        query == term || sound(query) == sound(term) || isOneSlip(query, term)
    }

    /// The keys a folded name word is indexed under: its sound (`s:`) and its slip keys (`k:`).
    public static func indexKeys(_ term: String) -> [String] {
        ["s:" + sound(term)] + slipKeys(term).map { "k:" + $0 }
    }

    /// The keys to look a heard query word up by; candidates found are confirmed with `matches`.
    public static func lookupKeys(_ word: String) -> [String] {
        var keys = ["s:" + sound(word)]
        if word.utf8.count >= minSlipLength { keys += slipKeys(word).map { "k:" + $0 } }
        return keys
    }

    /// How far a folded name is from heard query words: per word, 0 when the name has it, 1 when it has a word that
    /// sounds the same, 2 for one slip, 3 for neither; summed. Ranks heard matches among themselves.
    public static func distance(_ query: [String], toName folded: String) -> Int {
        let words = folded.split(separator: " ").map(String.init)
        return query.reduce(0) { sum, q in
            if words.contains(q) { return sum }
            if words.contains(where: { sound($0) == sound(q) }) { return sum + 1 }
            return sum + (words.contains(where: { isOneSlip(q, $0) }) ? 2 : 3)
        }
    }

    private static func isVowel(_ c: UInt8) -> Bool { "aeiouy".utf8.contains(c) }
}
