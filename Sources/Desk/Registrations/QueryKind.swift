import DeskCore

/// What a search query is (SPEC §4): decided from its shape alone, before touching the database.
public enum QueryKind: Equatable, Sendable {
    case bhxhCode(String)
    case card(CardNumber)
    case personalID(String)
    case phone(String)
    case name(words: [String], exactWords: [String])

    public var label: String {
        switch self {
        case .bhxhCode: return "bhxh_code"
        case .card: return "card"
        case .personalID(let s): return s.utf8.count == 12 ? "cccd" : (s.utf8.count == 9 ? "cmnd" : "passport")
        case .phone: return "phone"
        case .name: return "name"
        }
    }

    /// Longest query text considered; a caller's name is never longer, and FTS work stays bounded.
    public static let maxLength = 200

    public static func detect(_ raw: String) -> QueryKind {
        let query = String(raw.nfc.prefix(maxLength))
        let compact = query.unicodeScalars.filter { !" .-\t".unicodeScalars.contains($0) }.map(Character.init)
        let s = String(compact)
        let digits = !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && s.count == 10 {
            if s.hasPrefix("0"), Phone(s).kind == .mobile { return .phone(s) }
            return .bhxhCode(s)
        }
        if let c = CardNumber(s) { return .card(c) }
        if digits && (s.count == 12 || s.count == 9) { return .personalID(s) }
        if s.count == 8, case .passport(let p)? = PersonalID(s) { return .personalID(p) }
        if Phone.looksLikePhone(query) {
            let p = Phone(query)
            return .phone(p.kind == .oldMobile ? (p.suggestedNew ?? p.normalized) : p.normalized)
        }
        let words = Folding.words(query).filter { !$0.contains("?") || $0.count > 1 }
        let exact = query.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        return .name(words: Array(words.prefix(8)), exactWords: Array(exact.prefix(8)))
    }
}

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

    /// The word as FTS5 sees it: letters and digits only.
    static func clean(_ word: String) -> String { word.filter { $0.isLetter || $0.isNumber } }

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
