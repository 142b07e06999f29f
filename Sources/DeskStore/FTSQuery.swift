import DeskCore

/// FTS5 query text built only from word characters, each word quoted, so quotes, `*`, `-`, `NEAR`, `OR` and other
/// operators typed by a user are data, never syntax (https://sqlite.org/fts5.html#full_text_query_syntax).
enum FTSQuery {
    /// `prefixAll: false` makes every word but the last a whole term: FTS5 can then skip through the long doclists
    /// of common names ("nguyen", "van") instead of merging every prefix expansion, which is 5× faster on a million
    /// names. Search falls back to all-prefix matching when that finds nothing ("nguy van duc").
    static func prefixAll(_ words: [String], column: String, prefixAll: Bool = true) -> String? {
        let cleaned = words.map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        let terms = cleaned.enumerated().map { i, w -> String in
            prefixAll || i == cleaned.count - 1 ? "\"\(w)\"*" : "\"\(w)\""
        }
        guard !terms.isEmpty else { return nil }
        return "\(column) : (\(terms.joined(separator: " AND ")))"
    }

    /// Each group of whole words as one term (`("toan" OR "toang")`), all groups required.
    static func alternatives(_ groups: [[String]], column: String) -> String? {
        let terms = groups.map { $0.map(clean).filter { !$0.isEmpty } }.filter { !$0.isEmpty }.map { g in
            g.count == 1 ? "\"\(g[0])\"" : "(" + g.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
        }
        guard !terms.isEmpty else { return nil }
        return "\(column) : (\(terms.joined(separator: " AND ")))"
    }

    /// The word as FTS5 sees it: letters and digits only.
    static func clean(_ word: String) -> String { NameQuery.clean(word) }

    /// Every word but the last as a whole term; the last as the whole words it may be the start of
    /// (`alternatives`, from `name_terms`, always including itself), or FTS5's own prefix match when `alternatives`
    /// is nil (too many to list). An OR of whole terms streams; a long prefix is merged in memory first.
    static func withLastWord(_ words: [String], column: String, alternatives: [String]?) -> String? {
        let cleaned = words.map(clean).filter { !$0.isEmpty }
        guard let last = cleaned.last else { return nil }
        var terms = cleaned.dropLast().map { "\"\($0)\"" }
        if let alternatives {
            var options = [last]
            for a in alternatives.map(clean) where !a.isEmpty && !options.contains(a) { options.append(a) }
            terms.append(options.count == 1 ? "\"\(last)\"" : "(" + options.map { "\"\($0)\"" }.joined(separator: " OR ") + ")")
        } else {
            terms.append("\"\(last)\"*")
        }
        return "\(column) : (\(terms.joined(separator: " AND ")))"
    }
}
