import Desk
import DeskCore

final class PGInsuredStore: InsuredStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    @discardableResult
    func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool { throw PGStoreError.notImplemented("upsert") }
    func get(_ code: String) throws -> InsuredPerson? { throw PGStoreError.notImplemented("get") }
    func countAll() throws -> Int { throw PGStoreError.notImplemented("countAll") }
    func isLoaded() throws -> Bool { throw PGStoreError.notImplemented("isLoaded") }
    func unregistered(by key: InsuredKey, value: String, limit: Int) throws -> [InsuredPerson] { throw PGStoreError.notImplemented("unregistered") }
    func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson] { throw PGStoreError.notImplemented("searchNamesUnregistered") }
}
