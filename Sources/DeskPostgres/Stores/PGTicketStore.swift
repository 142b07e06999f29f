import Desk
import DeskCore

final class PGTicketStore: TicketStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?, bhxhCode: String?, category: String, summary: String, priority: String, synthetic: Bool) throws -> Int { throw PGStoreError.notImplemented("create") }
    func get(_ id: Int) throws -> TicketSummary? { throw PGStoreError.notImplemented("get") }
    func notes(_ id: Int) throws -> [TicketNote] { throw PGStoreError.notImplemented("notes") }
    func addNote(ticketID: Int, at: String, operator login: String, kind: String, detail: String, countsAsResponse: Bool) throws { throw PGStoreError.notImplemented("addNote") }
    func forCode(_ code: String, limit: Int) throws -> [TicketSummary] { throw PGStoreError.notImplemented("forCode") }
    func list(_ f: TicketFilter, limit: Int) throws -> [TicketSummary] { throw PGStoreError.notImplemented("list") }
    func lastNote(_ id: Int, kinds: [String]) throws -> String? { throw PGStoreError.notImplemented("lastNote") }
    func liveCallOperator(ticketID id: Int) throws -> String? { throw PGStoreError.notImplemented("liveCallOperator") }
    func fold(_ id: Int, into target: Int) throws { throw PGStoreError.notImplemented("fold") }
    func recent(phone: String?, code: String?, since: String, excluding id: Int?) throws -> [TicketSummary] { throw PGStoreError.notImplemented("recent") }
    func update(_ t: TicketSummary) throws { throw PGStoreError.notImplemented("update") }
    func openIDs(limit: Int) throws -> [Int] { throw PGStoreError.notImplemented("openIDs") }
    func openCall(operator login: String) throws -> (ticketID: Int, bhxhCode: String?)? { throw PGStoreError.notImplemented("openCall") }
    func setOpenCall(operator login: String, ticketID: Int, bhxhCode: String?, at: String) throws { throw PGStoreError.notImplemented("setOpenCall") }
    func clearOpenCall(operator login: String) throws { throw PGStoreError.notImplemented("clearOpenCall") }
    func forEachTicket(from: String?, to: String?, _ body: (TicketSummary) throws -> Void) throws { throw PGStoreError.notImplemented("forEachTicket") }
}
