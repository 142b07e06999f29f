public final class KnowledgeBaseStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func ids() throws -> [String] { try db.query("SELECT id FROM kb_articles ORDER BY id").map { $0.string(0)! } }
}
