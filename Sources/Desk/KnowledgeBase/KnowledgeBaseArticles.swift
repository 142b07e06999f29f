import DeskCore

/// Reading the articles as stored (`kb list`, `kb show`, Tab completion of ids).
extension KnowledgeBase {
    /// Every article, by id.
    public func articles() throws -> [KBArticle] { try session.storage.knowledgeBase.list() }

    /// The article `id`, if there is one.
    public func article(_ id: String) throws -> KBArticle? { try session.storage.knowledgeBase.get(id) }

    /// Every article id, sorted.
    public func ids() throws -> [String] { try session.storage.knowledgeBase.ids() }
}
