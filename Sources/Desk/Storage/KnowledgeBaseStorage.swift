import DeskCore

/// The knowledge-base articles and their search index.
public protocol KnowledgeBaseStorage: AnyObject {
    /// Every article id, sorted.
    func ids() throws -> [String]
    /// Every article, by id.
    func list() throws -> [KBArticle]
    /// The article `id`, if there is one.
    func get(_ id: String) throws -> KBArticle?
    /// Replaces every article and its index, in the caller's transaction; `fold` makes the search keys. Ranking a
    /// question is the service's (`ArticleRanker`, over `list()`), the same whatever stores the articles.
    func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws
}
