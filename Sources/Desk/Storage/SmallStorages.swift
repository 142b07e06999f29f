import DeskCore

/// The desk's operators.
public protocol OperatorStorage: AnyObject {
    func get(_ login: String) throws -> Operator?
    func list() throws -> [Operator]
    func count() throws -> Int
    func upsert(_ op: Operator, at: String) throws
    /// False when there is no such operator.
    func setActive(_ login: String, _ active: Bool) throws -> Bool
}

/// Key/value settings; validation is DeskCore's `Setting`.
public protocol SettingsStorage: AnyObject {
    func get(_ key: String) throws -> String?
    func set(_ key: String, _ value: String) throws
    func unset(_ key: String) throws
    func all() throws -> [(String, String)]
}

/// The keyed hash of each registration's current temporary password.
public protocol CredentialStorage: AnyObject {
    func save(code: String, salt: String, hash: String, createdAt: String, expiresAt: String) throws
}

/// The knowledge-base articles and their search index.
public protocol KnowledgeBaseStorage: AnyObject {
    func ids() throws -> [String]
    func list() throws -> [KBArticle]
    func get(_ id: String) throws -> KBArticle?
    /// Replaces every article and its index, in the caller's transaction; `fold` makes the search keys. Ranking a
    /// question is the service's (`ArticleRanker`, over `list()`), the same whatever stores the articles.
    func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws
}
