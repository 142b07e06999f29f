/// One knowledge-base article as stored.
public struct KBArticle: Sendable, Equatable {
    public var id: String
    public var title: String
    public var tags: [String]
    public var rules: [String]
    public var body: String
    public var path: String

    public init(id: String, title: String, tags: [String], rules: [String], body: String, path: String) {
        self.id = id
        self.title = title
        self.tags = tags
        self.rules = rules
        self.body = body
        self.path = path
    }
}
