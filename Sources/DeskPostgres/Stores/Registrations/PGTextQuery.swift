import DeskCore

/// The `tsquery` text of a name search over `name_lexemes` (see `vssdesk_name_lexemes` in schema v1): built only
/// from word characters, each lexeme quoted, sent as a parameter — quotes, `&`, `|`, `!`, `:*` or `<->` typed by a
/// user are data, never syntax (https://www.postgresql.org/docs/current/datatype-textsearch.html#DATATYPE-TSQUERY).
///
/// A search is a list of slots, every one of which a name must fill with one of its words: a query word, the whole
/// words it may stand for (`name_terms`, `heard_terms`), or a prefix. That is what SQLite's FTS5 query says, and
/// what `singles` says here. Said that way, GIN reads the posting list of every word to the end — "nguyen" and
/// "thi" are in a third of all names — so the same condition is said a second way, by pairs: a name fills slots i
/// and j exactly when it has words a of i and b of j, that is the lexeme `+a+b` (or a itself, when a can fill
/// both). The pairs of "nguyen thi nhi" have a few hundred rows each. A name too long for its pairs to be indexed
/// carries the marker `+` instead and is matched by the singles, so a search is `pairs OR (singles & '+')`:
/// equivalent to the singles alone, and read from short lists. The two go to the index as two conditions (a
/// BitmapOr): in one tsquery GIN would advance every long single-word list to each candidate of the pairs, even
/// though the marker already rules them out (5.3 ms against 0.85 ms for "nguyen hong anh" on a million names).
/// The words as written (the exact tier) are said the same way with their own lexemes (`=a`, `+=a+b`, `+=`).
enum PGTextQuery {
    /// Past this many lexemes, a pair condition is left out (the slots it would join are then said by singles).
    static let maxPairLexemes = 64

    /// The lexemes of one kind of word: folded, or as written (`vssdesk_name_lexemes`).
    struct Lexicon {
        let single: String, pair: String, marker: String
        static let folded = Lexicon(single: "", pair: "+", marker: "+")
        static let written = Lexicon(single: "=", pair: "+=", marker: "+=")

        func word(_ w: String, prefix: Bool = false) -> String { lexeme(single + w, prefix: prefix) }
        func pair(_ a: String, _ b: String, prefix: Bool = false) -> String { lexeme(pair + a + "+" + b, prefix: prefix) }
    }

    /// What may fill one slot: whole words, or every word that begins with a prefix.
    enum Slot: Equatable {
        case words([String])
        case prefix(String)

        /// A query's last word: its whole-word alternatives (always itself first), or a prefix when nil (too many).
        static func last(_ word: String, alternatives: [String]?) -> Slot {
            alternatives.map { .words(PGTextQuery.unique([word] + $0.map(NameQuery.clean))) } ?? .prefix(word)
        }

        func accepts(_ w: String) -> Bool {
            switch self {
            case .words(let ws): return ws.contains(w)
            case .prefix(let p): return w.hasPrefix(p)
            }
        }

        func condition(_ l: Lexicon) -> String {
            switch self {
            case .words(let ws): return any(ws.map { l.word($0) })
            case .prefix(let p): return l.word(p, prefix: true)
            }
        }
    }

    /// A lexeme as tsquery text: quoted, `'` doubled and `\` escaped; `prefix` adds `:*`.
    static func lexeme(_ s: String, prefix: Bool = false) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'" + (prefix ? ":*" : "")
    }

    static func any(_ options: [String]) -> String {
        options.count == 1 ? options[0] : "(" + options.joined(separator: " | ") + ")"
    }

    static func unique(_ words: [String]) -> [String] {
        var out: [String] = []
        for w in words where !w.isEmpty && !out.contains(w) { out.append(w) }
        return out
    }

    /// Every slot filled, said by single words.
    static func singles(_ slots: [Slot], _ l: Lexicon) -> String {
        slots.map { $0.condition(l) }.joined(separator: " & ")
    }

    /// "Slots a and b both filled" as pairs, or nil when that takes too many lexemes (or two prefixes).
    static func pair(_ a: Slot, _ b: Slot, _ l: Lexicon) -> String? {
        switch (a, b) {
        case (.words(let xs), .words(let ys)):
            guard xs.count * ys.count <= maxPairLexemes else { return nil }
            return any(xs.flatMap { x in ys.compactMap { y in x == y ? nil : l.pair(x, y) } } + xs.filter { b.accepts($0) }.map { l.word($0) })
        case (.words(let xs), .prefix(let p)), (.prefix(let p), .words(let xs)):
            guard xs.count <= maxPairLexemes else { return nil }
            return any(xs.map { l.pair($0, p, prefix: true) } + xs.filter { $0.hasPrefix(p) }.map { l.word($0) })
        case (.prefix, .prefix):
            return nil
        }
    }

    /// A search for the index: `main`, or also `longNames` (the singles of names marked too long for pairs).
    struct Search: Equatable {
        var main: String
        var longNames: String?
    }

    /// Whether one word can fill both slots (then their pair condition needs a single word, a long list).
    static func overlaps(_ a: Slot, _ b: Slot) -> Bool {
        switch (a, b) {
        case (.words(let xs), _): return xs.contains { b.accepts($0) }
        case (_, .words(let ys)): return ys.contains { a.accepts($0) }
        case (.prefix(let p), .prefix(let q)): return p.hasPrefix(q) || q.hasPrefix(p)
        }
    }

    /// The slots as a search: pairs joining every slot (those where one word can fill both only where a slot has
    /// no other pair), or the singles alone when no pair can be said.
    static func query(_ slots: [Slot], _ l: Lexicon = .folded) -> Search? {
        guard !slots.isEmpty else { return nil }
        var pairs: [String] = []
        var covered = Set<Int>()
        for overlapping in [false, true] {
            for i in slots.indices {
                for j in slots.indices where j > i && overlaps(slots[i], slots[j]) == overlapping {
                    guard !overlapping || !covered.contains(i) || !covered.contains(j), let p = pair(slots[i], slots[j], l) else { continue }
                    pairs.append(p)
                    covered.formUnion([i, j])
                }
            }
        }
        guard !pairs.isEmpty else { return Search(main: singles(slots, l)) }
        let uncovered = slots.indices.filter { !covered.contains($0) }.map { slots[$0].condition(l) }
        // A repeated word ("nguyen minh minh") gives the same pair twice: said twice, the planner takes it for two
        // independent conditions, expects a few hundred rows instead of 440,000 at 10M and builds a bitmap of all of
        // them (130 ms) where a scan would find the first hundred in 2 ms.
        return Search(main: unique(pairs + uncovered).joined(separator: " & "), longNames: singles(slots, l) + " & " + lexeme(l.marker))
    }

    static func cleaned(_ words: [String]) -> [String] { words.map(NameQuery.clean).filter { !$0.isEmpty } }

    /// Every word but the last whole, the last as `alternatives` (from `name_terms`) or a prefix when nil (FTS5's
    /// `withLastWord`).
    static func strict(_ words: [String], alternatives: [String]?) -> Search? {
        let words = cleaned(words)
        guard let last = words.last else { return nil }
        return query(unique(Array(words.dropLast())).map { .words([$0]) } + [.last(last, alternatives: alternatives)])
    }

    /// Every word as the start of a word (the loose fallback, "nguy van duc"): each as the whole words it may begin,
    /// `completions[i]` from `name_terms` (as SQLite's strict query already says its last word), or as a prefix
    /// where there are too many.
    static func loose(_ words: [String], completions: [[String]?]) -> Search? {
        query(zip(cleaned(words), completions).map { Slot.last($0, alternatives: $1) })
    }

    /// Each group's whole words, every group required (the heard tier).
    static func alternatives(_ groups: [[String]]) -> Search? {
        query(groups.map { unique($0.map(NameQuery.clean)) }.filter { !$0.isEmpty }.map { .words($0) })
    }

    /// The words as written, the last as `alternatives` or a prefix: the same query over the written lexemes.
    static func exact(_ exactWords: [String], alternatives: [String]?) -> Search? {
        let words = cleaned(exactWords)
        guard let last = words.last else { return nil }
        return query(unique(Array(words.dropLast())).map { .words([$0]) } + [.last(last, alternatives: alternatives)], .written)
    }
}
