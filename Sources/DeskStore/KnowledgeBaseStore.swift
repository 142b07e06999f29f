import DeskCore
/// Articles and their FTS5 index (folded title, tags and body; BM25 weights favour title and tags).
public final class KnowledgeBaseStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func ids() throws -> [String] { try db.query("SELECT id FROM kb_articles ORDER BY id").map { $0.string(0)! } }

    static func article(_ r: Row) -> KBArticle {
        KBArticle(id: r.string(0)!, title: r.string(1)!, tags: r.string(2)!.split(separator: "|").map(String.init),
                  rules: r.string(3)!.split(separator: "|").map(String.init), body: r.string(4)!, path: r.string(5)!)
    }

    public func list() throws -> [KBArticle] {
        try db.query("SELECT id, title, tags, rules, body, path FROM kb_articles ORDER BY id").map(Self.article)
    }

    public func get(_ id: String) throws -> KBArticle? {
        try db.queryOne("SELECT id, title, tags, rules, body, path FROM kb_articles WHERE id = ?", [.text(id)]).map(Self.article)
    }

    /// Replaces every article and rebuilds the index, in the caller's transaction. `fold` makes the search keys.
    public func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws {
        try db.run("DELETE FROM kb_articles")
        try db.run("DELETE FROM kb_fts")
        for (i, a) in articles.enumerated() {
            let tags = a.tags.joined(separator: " | ")
            try db.run("""
                INSERT INTO kb_articles(id, rowid_, title, tags, rules, body, path, title_folded, tags_folded, body_folded)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(a.id), .int(Int64(i + 1)), .text(a.title), .text(a.tags.joined(separator: "|")),
                      .text(a.rules.joined(separator: "|")), .text(a.body), .text(a.path), .text(fold(a.title)),
                      .text(fold(tags)), .text(fold(a.body))])
            try db.run("INSERT INTO kb_fts(rowid, title_folded, tags_folded, body_folded) VALUES (?, ?, ?, ?)",
                       [.int(Int64(i + 1)), .text(fold(a.title)), .text(fold(tags)), .text(fold(a.body))])
        }
    }

    /// BM25-ranked matches (https://sqlite.org/fts5.html#the_bm25_function); lower bm25 is better, so the score
    /// returned is its negation.
    public func search(match: String, limit: Int) throws -> [(id: String, title: String, score: Double)] {
        try db.query("""
            SELECT a.id, a.title, -bm25(kb_fts, 8.0, 5.0, 1.0) AS score FROM kb_fts JOIN kb_articles a ON a.rowid_ = kb_fts.rowid
            WHERE kb_fts MATCH ? ORDER BY bm25(kb_fts, 8.0, 5.0, 1.0) LIMIT ?
            """, [.text(match), .int(Int64(limit))]).map { ($0.string(0)!, $0.string(1)!, $0.values[2] == .null ? 0 : Double($0.string(2)!) ?? 0) }
    }
}
