import DeskCore

/// The `tsquery` text of a name search over `name_lexemes` (see `vssdesk_name_lexemes` in schema v1): built only
/// from word characters, each lexeme quoted, sent as a parameter — quotes, `&`, `|`, `!`, `:*` or `<->` typed by a
/// user are data, never syntax (https://www.postgresql.org/docs/current/datatype-textsearch.html#DATATYPE-TSQUERY).
///
/// Each query is the conjunction SQLite's FTS5 query would be — every word present, the last one as its
/// alternatives or as a prefix — plus *pair* conditions that the word conditions already imply: a name with words
/// a and b has the lexeme `+a+b`. They change nothing in what matches and make the index read the short posting list
/// of a pair ("van"+"duc") instead of the long ones of "nguyen" and "van" (see PGNameSearch for the figures).
enum PGTextQuery {
    /// Past this many alternatives of a word, its pair conditions are left out (the word conditions suffice).
    static let maxPairOptions = 16

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

    /// The last word of a search: its whole-word alternatives (always itself first), or a prefix when there are
    /// too many to list.
    enum Last {
        case words([String])
        case prefix(String)

        init(_ last: String, alternatives: [String]?) {
            if let alternatives { self = .words(PGTextQuery.unique([last] + alternatives.map(NameQuery.clean))) } else { self = .prefix(last) }
        }

        /// Whether a name word `w` satisfies this last word by itself.
        func accepts(_ w: String) -> Bool {
            switch self {
            case .words(let ws): return ws.contains(w)
            case .prefix(let p): return w.hasPrefix(p)
            }
        }

        func condition(marker: String = "") -> String {
            switch self {
            case .words(let ws): return any(ws.map { lexeme(marker + $0) })
            case .prefix(let p): return lexeme(marker + p, prefix: true)
            }
        }

        /// `+w+x` for each alternative x (or the prefix), or nil when that is too many lexemes to be worth it.
        func pairs(with w: String) -> String? {
            switch self {
            case .words(let ws):
                guard ws.count <= maxPairOptions else { return nil }
                return any(ws.map { lexeme("+" + w + "+" + $0) } + [lexeme("+")])
            case .prefix(let p):
                return any([lexeme("+" + w + "+" + p, prefix: true), lexeme("+")])
            }
        }
    }

    /// `+a+b`, or the marker `+` of a name too long for its pairs to be indexed.
    static func pair(_ a: String, _ b: String) -> String { any([lexeme("+" + a + "+" + b), lexeme("+")]) }

    /// Every word but the last whole, the last as `alternatives` (from `name_terms`) or a prefix when nil (FTS5's
    /// `withLastWord`).
    static func strict(_ words: [String], alternatives: [String]?) -> String? {
        let cleaned = words.map(NameQuery.clean).filter { !$0.isEmpty }
        guard let last = cleaned.last else { return nil }
        return conjunction(whole: unique(Array(cleaned.dropLast())), last: Last(last, alternatives: alternatives))
    }

    static func conjunction(whole: [String], last: Last, marker: String = "") -> String {
        var terms = whole.map { lexeme(marker + $0) } + [last.condition(marker: marker)]
        guard marker.isEmpty else { return terms.joined(separator: " & ") }
        for (i, a) in whole.enumerated() {
            for b in whole[(i + 1)...] { terms.append(pair(a, b)) }
            if !last.accepts(a), let p = last.pairs(with: a) { terms.append(p) }
        }
        return terms.joined(separator: " & ")
    }

    /// Every word as a prefix (the loose fallback, "nguy van duc"): word conditions only, since a pair cannot
    /// have two prefixes.
    static func prefixAll(_ words: [String]) -> String? {
        let cleaned = words.map(NameQuery.clean).filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { return nil }
        return cleaned.map { lexeme($0, prefix: true) }.joined(separator: " & ")
    }

    /// Each group's whole words OR'ed, every group required (the heard tier), with pair conditions between groups
    /// small and disjoint enough to list.
    static func alternatives(_ groups: [[String]]) -> String? {
        let groups = groups.map { unique($0.map(NameQuery.clean)) }.filter { !$0.isEmpty }
        guard !groups.isEmpty else { return nil }
        var terms = groups.map { any($0.map { lexeme($0) }) }
        for (i, g) in groups.enumerated() {
            for h in groups[(i + 1)...] where g.count * h.count <= maxPairOptions * 4 && Set(g).isDisjoint(with: h) {
                terms.append(any(g.flatMap { a in h.map { lexeme("+" + a + "+" + $0) } } + [lexeme("+")]))
            }
        }
        return terms.joined(separator: " & ")
    }

    /// The words as written (`=` lexemes) with the last as `alternatives` or a prefix, narrowed by the folded
    /// conditions they imply (a word written "đức" is the folded word "duc"; an alternative of "hà" folds to
    /// something that begins with "ha"), so the index reads pairs here too. A word whose folded form is not a single
    /// folded word narrows nothing.
    static func exact(_ exactWords: [String], alternatives: [String]?) -> String? {
        let cleaned = exactWords.map(NameQuery.clean).filter { !$0.isEmpty }
        guard let last = cleaned.last else { return nil }
        var query = conjunction(whole: unique(Array(cleaned.dropLast())), last: Last(last, alternatives: alternatives), marker: "=")
        func folded(_ w: String) -> String? {
            let f = Folding.fold(w)
            return !f.isEmpty && f.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) ? f : nil
        }
        let whole = unique(cleaned.dropLast().compactMap(folded))
        if let lastFolded = folded(last) {
            query += " & " + conjunction(whole: whole, last: .prefix(lastFolded))
        } else if !whole.isEmpty {
            query += " & " + whole.map { lexeme($0) }.joined(separator: " & ")
        }
        return query
    }
}
