import Desk
import DeskCore

/// The knowledge-base articles (`kb_articles`), as on SQLite: tags and rules kept `|`-separated, the folded title,
/// tags and body beside them. Ranking a question is the service's (`ArticleRanker`, over `list()`), so no search
/// index is kept here: the articles are few and ranked in memory, the same on both engines.
final class PGKnowledgeBaseStore: KnowledgeBaseStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    static func article(_ r: PGRow) -> KBArticle {
        KBArticle(id: r.string(0)!, title: r.string(1)!, tags: r.string(2)!.split(separator: "|").map(String.init),
                  rules: r.string(3)!.split(separator: "|").map(String.init), body: r.string(4)!, path: r.string(5)!)
    }

    func ids() throws -> [String] {
        try db.query("SELECT id FROM kb_articles ORDER BY id").map { $0.string(0)! }
    }

    func list() throws -> [KBArticle] {
        try db.query("SELECT id, title, tags, rules, body, path FROM kb_articles ORDER BY id").map(Self.article)
    }

    func get(_ id: String) throws -> KBArticle? {
        try db.queryOne("SELECT id, title, tags, rules, body, path FROM kb_articles WHERE id = $1", [.text(id)]).map(Self.article)
    }

    /// `pg_advisory_xact_lock` key that serialises rebuilds ("VSKB"): consoles that start together after the KB
    /// files changed each rebuild; without it the second one's DELETE, whose snapshot predates the first one's
    /// commit, would miss the new rows and its INSERTs would collide with them.
    static let rebuildLockKey = 0x5653_4B42

    /// Replaces every article in the caller's transaction (a transaction of its own when there is none), so that a
    /// console reading the KB meanwhile sees the old set or the new one, never a mix.
    func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws {
        try db.transaction {
            try db.run("SELECT pg_advisory_xact_lock($1)", [.of(Self.rebuildLockKey)])
            try db.run("DELETE FROM kb_articles")
            for a in articles {
                try db.run("""
                    INSERT INTO kb_articles(id, title, tags, rules, body, path, title_folded, tags_folded, body_folded)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    """, [.text(a.id), .text(a.title), .text(a.tags.joined(separator: "|")), .text(a.rules.joined(separator: "|")),
                          .text(a.body), .text(a.path), .text(fold(a.title)), .text(fold(a.tags.joined(separator: " | "))),
                          .text(fold(a.body))])
            }
        }
    }
}
