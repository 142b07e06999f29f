import DeskCore

/// Articles and their FTS5 index (folded title, tags and body). Ranking a caller's question is not done here but
/// over `list()` by the knowledge-base service (`ArticleRanker`), so it stays the same whatever stores the articles.
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
}
