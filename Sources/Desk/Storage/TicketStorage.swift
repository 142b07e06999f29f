import DeskCore

/// Tickets, their timelines and the operators' open calls.
public protocol TicketStorage: AnyObject {
    /// A new ticket's id.
    func create(openedAt: String, operator login: String, line: Int, callerPhone: String?, callerName: String?,
                bhxhCode: String?, category: String, summary: String, priority: String, synthetic: Bool) throws -> Int
    /// The ticket `id`.
    func get(_ id: Int) throws -> TicketSummary?
    /// A ticket's timeline, oldest first.
    func notes(_ id: Int) throws -> [TicketNote]
    /// Appends to a ticket's timeline; `countsAsResponse` sets the first response time.
    func addNote(ticketID: Int, at: String, operator login: String, kind: String, detail: String,
                 countsAsResponse: Bool) throws
    /// Tickets about a registration, newest first.
    func forCode(_ code: String, limit: Int) throws -> [TicketSummary]
    /// Newest first, by the filter.
    func list(_ f: TicketFilter, limit: Int) throws -> [TicketSummary]
    /// The detail of the newest note of these kinds.
    func lastNote(_ id: Int, kinds: [String]) throws -> String?
    /// The operator whose open call this ticket is, if any.
    func liveCallOperator(ticketID id: Int) throws -> String?
    /// Moves a ticket's timeline into `target` (a repeat call folded into the first).
    func fold(_ id: Int, into target: Int) throws
    /// Tickets about this phone or code opened since `since`.
    func recent(phone: String?, code: String?, since: String, excluding id: Int?) throws -> [TicketSummary]
    /// Writes a ticket's changed fields.
    func update(_ t: TicketSummary) throws
    /// Ids of open and pending tickets (Tab completion).
    func openIDs(limit: Int) throws -> [Int]
    /// The call an operator has open, if any (resumed at the next start).
    func openCall(operator login: String) throws -> (ticketID: Int, bhxhCode: String?)?
    /// Records the call an operator has open.
    func setOpenCall(operator login: String, ticketID: Int, bhxhCode: String?, at: String) throws
    /// The operator's call is over.
    func clearOpenCall(operator login: String) throws
    /// Every ticket opened in [from, to), streamed.
    func forEachTicket(from: String?, to: String?, _ body: (TicketSummary) throws -> Void) throws
}
