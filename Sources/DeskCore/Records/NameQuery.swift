/// A name search as the service asks it (SPEC §3, §4): the folded words, the words as written, and whether
/// exact-diacritic matches come first. How an engine turns this into index queries is the storage's business.
public struct NameQuery: Sendable, Equatable {
    /// Folded words (lowercase, no diacritics); the last may be the start of a word.
    public var words: [String]
    /// The words as written (lowercase, NFC), for ranking exact-diacritic matches first.
    public var exactWords: [String]
    /// Set when the query had diacritics: exact matches are ranked before folded ones.
    public var exactFirst: Bool
    /// The most matches counted; `NamePage.capped` says when there were more.
    public var cap: Int

    public init(words: [String], exactWords: [String], exactFirst: Bool, cap: Int) {
        self.words = words
        self.exactWords = exactWords
        self.exactFirst = exactFirst
        self.cap = cap
    }

    /// The word as an index sees it: letters and digits only.
    public static func clean(_ word: String) -> String { word.filter { $0.isLetter || $0.isNumber } }

    /// Whether any word has a letter or digit to search for.
    public var isSearchable: Bool { words.contains { !Self.clean($0).isEmpty } }

    /// Whether every query word is a word of `name` (the last may be the start of one), compared as written
    /// (lowercase, NFC): how exact-diacritic matches already in hand are picked out.
    public static func containsWords(_ query: [String], in name: String) -> Bool {
        let words = name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        let wanted = query.map(clean).filter { !$0.isEmpty }
        guard let last = wanted.last else { return false }
        for w in wanted.dropLast() where !words.contains(where: { $0 == w }) { return false }
        return words.contains { $0.hasPrefix(last) }
    }
}

/// The tier a name matched in (SPEC §4), in rank order: the spelling as typed, the folded spelling, the spelling
/// as heard over the phone.
public enum NameMatch: String, Sendable, Comparable {
    case exact, folded, heard

    var rank: Int { self == .exact ? 0 : self == .folded ? 1 : 2 }
    public static func < (a: NameMatch, b: NameMatch) -> Bool { a.rank < b.rank }
}

extension NameQuery {
    /// Which tier `fullName` matched this query in. `loose`: the store matched every word as a prefix.
    public func tier(of fullName: String, loose: Bool = false) -> NameMatch {
        func contains(_ query: [String], in name: String) -> Bool {
            guard loose else { return Self.containsWords(query, in: name) }
            let words = name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            return query.map(Self.clean).filter { !$0.isEmpty }.allSatisfy { w in words.contains { $0.hasPrefix(w) } }
        }
        if contains(exactWords, in: fullName) { return .exact }
        return contains(words, in: Folding.fold(fullName)) ? .folded : .heard
    }
}

/// One page of a name search: the registrations in rank order and how many matched (counting stops at the cap).
public struct NamePage: Sendable {
    public var registrations: [Registration]
    public var total: Int
    public var capped: Bool
    /// The storage fell back to matching every word as a prefix ("nguy van duc"): the extract is searched so too.
    public var loose: Bool

    public init(registrations: [Registration], total: Int, capped: Bool, loose: Bool) {
        self.registrations = registrations
        self.total = total
        self.capped = capped
        self.loose = loose
    }
}
