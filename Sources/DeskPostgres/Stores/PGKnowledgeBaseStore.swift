import Desk
import DeskCore

final class PGKnowledgeBaseStore: KnowledgeBaseStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func ids() throws -> [String] { throw PGStoreError.notImplemented("ids") }
    func list() throws -> [KBArticle] { throw PGStoreError.notImplemented("list") }
    func get(_ id: String) throws -> KBArticle? { throw PGStoreError.notImplemented("get") }
    func replaceAll(_ articles: [KBArticle], fold: (String) -> String) throws { throw PGStoreError.notImplemented("replaceAll") }
}
