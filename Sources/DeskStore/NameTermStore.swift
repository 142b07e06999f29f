import DeskCore

/// Every word that occurs in an indexed name (folded and as written), so a name search can turn the last, possibly
/// unfinished word into the few whole words it can stand for.
///
/// Why: FTS5 answers a prefix query (`"nguyen"*`) longer than its prefix indexes by merging the whole doclist of
/// every matching term in memory before returning a row — 20 ms for "nguyen" on a million names — whereas
/// `("nguyen")` or `("phuc" OR "phuoc")` streams and stops at the LIMIT (0.2 ms). Vietnamese names use a few thousand
/// distinct syllables, so the table stays tiny (https://sqlite.org/fts5.html#prefix_queries_and_prefix_indexes).
///
/// The table only ever grows (a renamed person leaves an unused word behind, which matches nothing); single writes
/// note their words here, bulk loads note theirs at `BulkLoad.finish`, and migration v2 filled it from the indexes.
public final class NameTermStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    /// The most words a prefix is expanded to; beyond that, FTS5's own prefix matching is used.
    public static let maxExpansion = 64

    /// The indexed words a search's last word may be the start of (nil: too many to list, let FTS5 match the prefix).
    public func completions(of word: String?) throws -> [String]? {
        guard let word else { return nil }
        let prefix = NameQuery.clean(word)
        guard !prefix.isEmpty else { return nil }
        let found = try words(startingWith: prefix, limit: Self.maxExpansion + 1)
        return found.count > Self.maxExpansion ? nil : found
    }

    /// The indexed words that start with `prefix`, at most `limit`, in byte order.
    public func words(startingWith prefix: String, limit: Int) throws -> [String] {
        guard !prefix.isEmpty else { return [] }
        return try db.query("SELECT term FROM name_terms WHERE term >= ?1 AND term < ?1 || x'ff' ORDER BY term LIMIT ?2",
                            [.text(prefix), .int(Int64(limit))]).compactMap { $0.string(0) }
    }

    /// Whether `word` is a whole word of some indexed name.
    public func contains(_ word: String) throws -> Bool {
        try db.queryOne("SELECT 1 FROM name_terms WHERE term = ?", [.text(word)]) != nil
    }

    /// Records a name's words now, or leaves them to the bulk load under way (which records them at its end).
    func record(fullName: String, folded: String, bulk: BulkLoad?) throws {
        if let bulk { bulk.note(fullName: fullName, folded: folded) } else { try note(fullName: fullName, folded: folded) }
    }

    /// Records the words of a name, as FTS5's unicode61 tokenizer splits them (letters and digits, lowercase).
    public func note(fullName: String, folded: String) throws {
        for word in Self.tokens(fullName: fullName, folded: folded) {
            // A word new to the index gets its heard keys at once (HeardTermStore).
            if try db.run("INSERT OR IGNORE INTO name_terms(term) VALUES (?)", [.text(word)]) > 0 {
                try HeardTermStore.key(word, db)
            }
        }
    }

    static func tokens(fullName: String, folded: String) -> Set<String> {
        var out = Set<String>()
        for w in folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) { out.insert(String(w)) }
        for w in fullName.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { out.insert(String(w)) }
        return out
    }
}
