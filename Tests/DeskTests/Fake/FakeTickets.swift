import Foundation
import Desk
import DeskCore

/// Tickets and the outbox of `InMemoryStorage`: what a registration's detail view and the supervisors' figures read.
final class FakeTickets: TicketStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    static func unsupported() -> Error { InMemoryStorage.Unsupported(what: "tickets beyond reading") }

    func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?, bhxhCode: String?,
                category: String, summary: String, priority: String, synthetic: Bool) throws -> Int {
        let id = (s.state.tickets.keys.max() ?? 0) + 1
        s.state.tickets[id] = TicketSummary(id: id, openedAt: openedAt, operatorLogin: login, line: line, callerPhone: callerPhone,
                                            callerName: callerName, bhxhCode: bhxhCode, category: category, summary: summary,
                                            status: "open", priority: priority, pausedMinutes: 0)
        return id
    }
    func get(_ id: Int) throws -> TicketSummary? { s.state.tickets[id] }
    func notes(_ id: Int) throws -> [TicketNote] { s.state.notes[id] ?? [] }
    func addNote(ticketID: Int, at: String, operator login: String, kind: String, detail: String, countsAsResponse: Bool) throws {
        s.state.notes[ticketID, default: []].append(TicketNote(at: at, operatorLogin: login, kind: kind, detail: detail))
        if countsAsResponse, s.state.tickets[ticketID]?.firstResponseAt == nil { s.state.tickets[ticketID]?.firstResponseAt = at }
    }
    func forCode(_ code: String, limit: Int) throws -> [TicketSummary] {
        Array(s.state.tickets.values.filter { $0.bhxhCode == code }.sorted { $0.id > $1.id }.prefix(limit))
    }
    /// The filters a supervisor's figures use (statuses, dates, keyset paging); any other one is unsupported.
    func list(_ f: TicketFilter, limit: Int) throws -> [TicketSummary] {
        guard f.operatorLogin == nil, f.line == nil, f.category == nil, f.callerPhone == nil, f.bhxhCode == nil, f.assignee == nil,
              f.involving == nil else { throw Self.unsupported() }
        return Array(s.state.tickets.values.filter { t in
            (f.statuses.map { $0.contains(t.status) } ?? true) && (f.from.map { t.openedAt >= $0 } ?? true)
                && (f.to.map { t.openedAt < $0 } ?? true) && (f.beforeID.map { t.id < $0 } ?? true)
        }.sorted { $0.id > $1.id }.prefix(limit))
    }
    func lastNote(_ id: Int, kinds: [String]) throws -> String? { s.state.notes[id]?.last { kinds.contains($0.kind) }?.detail }
    func liveCallOperator(ticketID id: Int) throws -> String? { s.state.openCalls.first { $0.value.ticketID == id }?.key }
    func fold(_ id: Int, into target: Int) throws { throw Self.unsupported() }
    func recent(phone: String?, code: String?, since: String, excluding id: Int?) throws -> [TicketSummary] { throw Self.unsupported() }
    func update(_ t: TicketSummary) throws { s.state.tickets[t.id] = t }
    func openIDs(limit: Int) throws -> [Int] { Array(s.state.tickets.keys.sorted().prefix(limit)) }
    func openCall(operator login: String) throws -> (ticketID: Int, bhxhCode: String?)? { s.state.openCalls[login] }
    func setOpenCall(operator login: String, ticketID: Int, bhxhCode: String?, at: String) throws {
        s.state.openCalls[login] = (ticketID, bhxhCode)
    }
    func clearOpenCall(operator login: String) throws { s.state.openCalls[login] = nil }
    func forEachTicket(from: String?, to: String?, _ body: (TicketSummary) throws -> Void) throws {
        for t in s.state.tickets.values.sorted(by: { $0.id < $1.id })
        where (from.map { t.openedAt >= $0 } ?? true) && (to.map { t.openedAt < $0 } ?? true) { try body(t) }
    }
}

final class FakeOutbox: OutboxStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }
    static func unsupported() -> Error { InMemoryStorage.Unsupported(what: "the SMS outbox beyond reading") }

    func enqueue(to: String, body: String, at: String, bhxhCode: String?, ticketID: Int?) throws -> Int { throw Self.unsupported() }
    func forCode(_ code: String, limit: Int) throws -> [OutboxMessage] {
        Array(s.state.outbox.filter { $0.bhxhCode == code }.reversed().prefix(limit))
    }
    func list(status: String?, limit: Int) throws -> [OutboxMessage] {
        Array(s.state.outbox.filter { status == nil || $0.status == status }.reversed().prefix(limit))
    }
    func due(at: String, limit: Int) throws -> [OutboxMessage] { throw Self.unsupported() }
    func claim(_ id: Int, at now: String, leaseUntil: String) throws -> Bool { throw Self.unsupported() }
    func markSent(_ id: Int, at: String, wipedBody: String) throws { throw Self.unsupported() }
    func markAttemptFailed(_ id: Int, error: String, nextAttemptAt: String?, giveUp: Bool) throws { throw Self.unsupported() }
    func countSince(code: String, since: String) throws -> Int { s.state.outbox.filter { $0.bhxhCode == code && $0.createdAt >= since }.count }
    func createdTimes(code: String, since: String) throws -> [String] {
        s.state.outbox.filter { $0.bhxhCode == code && $0.createdAt >= since }.map(\.createdAt)
    }
    func queued(code: String) throws -> [OutboxMessage] { s.state.outbox.filter { $0.bhxhCode == code && $0.status == "queued" } }
    func sent(code: String, since: String) throws -> [OutboxMessage] {
        s.state.outbox.filter { $0.bhxhCode == code && $0.status == "sent" && ($0.sentAt ?? "") >= since }
    }
    func supersede(_ id: Int, wipedBody: String) throws -> Bool { throw Self.unsupported() }
    func wipeBody(_ id: Int, body: String) throws { throw Self.unsupported() }
}
