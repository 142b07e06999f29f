import DeskCore

/// The heard keys of every folded word in an indexed name (SPEC §4's third tier): a word typed as heard ("toang",
/// "cham", "nguyn") is looked up by its keys here and turned into the indexed words it may stand for, which the FTS
/// index then matches like any other words. Built from `name_terms`, so it holds a few thousand words' keys (about
/// nine rows a word), not one row per registration.
public final class HeardTermStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    /// The most indexed words one heard word is turned into.
    public static let maxAlternatives = 24

    /// The indexed words that `word` (folded) may be a hearing of, itself excluded, best first (same sound before
    /// one slip), at most `maxAlternatives`.
    public func alternatives(of word: String) throws -> [String] {
        let keys = HeardName.lookupKeys(word)
        guard !keys.isEmpty else { return [] }
        let marks = keys.indices.map { "?\($0 + 1)" }.joined(separator: ",")
        let found = try db.query("SELECT DISTINCT term FROM heard_terms WHERE key IN (\(marks))", keys.map { .text($0) })
            .compactMap { $0.string(0) }
        let sound = HeardName.sound(word)
        return found.filter { $0 != word && HeardName.matches(word, $0) }
            .sorted { (HeardName.sound($0) == sound ? 0 : 1, $0) < (HeardName.sound($1) == sound ? 0 : 1, $1) }
            .prefix(Self.maxAlternatives).map { $0 }
    }

    /// Keys the words of `name_terms` not keyed yet (after a bulk load, and by the migration that made the table).
    static func keyNewWords(_ db: Database) throws {
        let fresh = try db.query("""
            SELECT n.term FROM name_terms n
            WHERE NOT EXISTS (SELECT 1 FROM heard_terms h WHERE h.key = 't:' || n.term AND h.term = n.term)
            """).compactMap { $0.string(0) }
        for term in fresh { try key(term, db) }
    }

    /// Keys one word of `name_terms` (folded ASCII words only; the as-written ones are just marked).
    static func key(_ term: String, _ db: Database) throws {
        var keys = ["t:" + term]
        if term.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { keys += HeardName.indexKeys(term) }
        for k in keys { try db.run("INSERT OR IGNORE INTO heard_terms(key, term) VALUES (?, ?)", [.text(k), .text(term)]) }
    }
}
