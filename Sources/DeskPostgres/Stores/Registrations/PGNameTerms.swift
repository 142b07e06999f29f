import DeskCore

/// `name_terms` and `heard_terms` as on SQLite (DeskStore's NameTermStore and HeardTermStore): every word of an
/// indexed name, folded and as written, so a search's unfinished last word becomes the few whole words it may begin;
/// and the heard keys of each folded word (HeardName), the third match tier. Both tables only grow; single writes
/// note their words at once, bulk loads at `PGBulkLoad.finish`.
final class PGNameTerms {
    let db: PGConnection
    /// Words known to be in `name_terms` (committed outside any transaction), so single writes of common names send
    /// nothing. A word noted inside a transaction is not remembered: a rollback takes it out again.
    private var known = Set<String>()

    init(_ db: PGConnection) { self.db = db }

    /// The most words a prefix is expanded to; beyond that, the index's own prefix match is used (as on SQLite).
    static let maxExpansion = 64
    /// The most indexed words one heard word is turned into (as on SQLite).
    static let maxAlternatives = 24

    /// The words of a name as both indexes see them: the folded ones (runs of a–z, 0–9, as `vssdesk_name_lexemes`
    /// splits `name_folded`) and the lowercase ones as written (letters and digits).
    static func tokens(fullName: String, folded: String) -> Set<String> {
        var out = Set<String>()
        for w in folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) { out.insert(String(w)) }
        for w in fullName.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }) { out.insert(String(w)) }
        return out
    }

    /// The indexed words a search's last word may be the start of (nil: more than `maxExpansion`, match the prefix).
    func completions(of word: String?) throws -> [String]? {
        guard let word else { return nil }
        let prefix = NameQuery.clean(word)
        guard !prefix.isEmpty else { return nil }
        let found = try words(startingWith: prefix, limit: Self.maxExpansion + 1)
        return found.count > Self.maxExpansion ? nil : found
    }

    /// The indexed words that start with `prefix`, at most `limit`, in byte order (`term` is COLLATE "C"): the range
    /// from the prefix to the prefix followed by the highest code point, which sorts after every longer word.
    func words(startingWith prefix: String, limit: Int) throws -> [String] {
        guard !prefix.isEmpty else { return [] }
        return try db.query("SELECT term FROM name_terms WHERE term >= $1 AND term < $2 ORDER BY term LIMIT $3",
                            [.text(prefix), .text(prefix + "\u{10FFFF}"), .int(Int64(limit))]).compactMap { $0.string(0) }
    }

    /// Whether `word` is a whole word of some indexed name.
    func contains(_ word: String) throws -> Bool {
        if known.contains(word) { return true }
        return try db.queryOne("SELECT 1 FROM name_terms WHERE term = $1", [.text(word)]) != nil
    }

    /// Records the words of a name; the new ones get their heard keys at once.
    func note(fullName: String, folded: String) throws {
        let fresh = Self.tokens(fullName: fullName, folded: folded).subtracting(known)
        guard !fresh.isEmpty else { return }
        try record(fresh)
        if !db.inTransaction { known.formUnion(fresh) }
    }

    /// Adds `words` to `name_terms` and keys those that were new.
    func record(_ words: Set<String>) throws {
        guard !words.isEmpty else { return }
        let added = try db.query("INSERT INTO name_terms(term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING term",
                                 [PGSQL.textArray(words.sorted())]).compactMap { $0.string(0) }
        try key(added)
    }

    /// Keys the words of `name_terms` not keyed yet (after a bulk load; words written there by hand).
    func keyNewWords() throws {
        let fresh = try db.query("""
            SELECT n.term FROM name_terms n
            WHERE NOT EXISTS (SELECT 1 FROM heard_terms h WHERE h.key = 't:' || n.term AND h.term = n.term)
            """).compactMap { $0.string(0) }
        try key(fresh)
    }

    /// Writes the heard keys of `terms` (folded ASCII words get their sound and slip keys; every word the `t:` mark
    /// that says it was keyed), in one statement.
    func key(_ terms: [String]) throws {
        var keys: [String] = [], owners: [String] = []
        for term in terms {
            var k = ["t:" + term]
            if term.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { k += HeardName.indexKeys(term) }
            keys += k
            owners += Array(repeating: term, count: k.count)
        }
        guard !keys.isEmpty else { return }
        try db.run("INSERT INTO heard_terms(key, term) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
                   [PGSQL.textArray(keys), PGSQL.textArray(owners)])
    }

    /// The indexed words that `word` (folded) may be a hearing of, itself excluded, best first (same sound before one
    /// slip), at most `maxAlternatives`.
    func heardAlternatives(of word: String) throws -> [String] {
        let keys = HeardName.lookupKeys(word)
        guard !keys.isEmpty else { return [] }
        let found = try db.query("SELECT DISTINCT term FROM heard_terms WHERE key = ANY($1::text[])", [PGSQL.textArray(keys)])
            .compactMap { $0.string(0) }
        let sound = HeardName.sound(word)
        return found.filter { $0 != word && HeardName.matches(word, $0) }
            .sorted { (HeardName.sound($0) == sound ? 0 : 1, $0) < (HeardName.sound($1) == sound ? 0 : 1, $1) }
            .prefix(Self.maxAlternatives).map { $0 }
    }
}
