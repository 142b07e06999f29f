import Desk
import DeskCore

final class PGAuditStore: AuditStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func record(at: String, operator login: String, action: String, target: String?, detail: String?, ticketID: Int?, codes: [String]) throws { throw PGStoreError.notImplemented("record") }
    func head() throws -> (rows: Int, hash: String) { throw PGStoreError.notImplemented("head") }
    func triggerProblems() throws -> (missing: [String], altered: [String]) { throw PGStoreError.notImplemented("triggerProblems") }
    func count(action: String, target: String, since: String) throws -> Int { throw PGStoreError.notImplemented("count") }
    func list(operator login: String?, target: String?, from: String?, to: String?, action: String?, limit: Int) throws -> [AuditEntry] { throw PGStoreError.notImplemented("list") }
    func list(operator login: String?, code: String?, from: String?, to: String?, action: String?, limit: Int) throws -> [AuditEntry] { throw PGStoreError.notImplemented("list") }
    func walkChain(keptHead: String?) throws -> AuditChainWalk { throw PGStoreError.notImplemented("walkChain") }
}
