import Foundation
import DeskCore

/// Who is acting, on which database, at what time: what every service needs. One per process.
public final class Session {
    /// The data, through the protocols of `Storage/` only.
    public let storage: any DeskStorage
    public let actor: Operator
    public let clock: Clock
    /// Set by Ctrl-C; long-running services check it between chunks and roll back.
    public var isCancelled: @Sendable () -> Bool = { false }
    /// The ticket of the operator's open call, to which lookups and actions attach themselves.
    public var openTicketID: Int?
    /// The registration the open call is about (so `show`, `diagnose`, `resend` may omit the code).
    public var callRegistration: String?
    /// Writes a message in the operator's language, for the few texts a service itself puts in a file a person
    /// reads (the reason column of `--skip-bad`). The shell sets it from its catalog; the default is the message's key.
    public var say: @Sendable (DeskMessage) -> String = { $0.description }

    public init(storage: any DeskStorage, actor: Operator, clock: Clock) {
        self.storage = storage
        self.actor = actor
        self.clock = clock
    }

    public var deskAgency: String { (try? settings.value(.deskAgency)) ?? AgencyCode.desk.value }

    /// `what` is the command refused, as typed (`config set`), the same in every language.
    public func require(_ role: Operator.Role, for what: String) throws {
        guard actor.role >= role else {
            throw DeskError.notAllowed(.roleNeeded, ["what": .text(what), "role": .value(group: "role", raw: role.rawValue),
                                                     "login": .text(actor.login), "actual": .value(group: "role", raw: actor.role.rawValue)])
        }
    }

    /// Appends to the audit trail (and to the open call's timeline when `timeline` is set).
    public func audit(_ action: String, target: String?, detail: String? = nil, timeline: String? = nil,
                      codes: [String] = []) throws {
        try storage.audit.record(at: clock.nowText, operator: actor.login, action: action, target: target, detail: detail,
                               ticketID: openTicketID, codes: codes)
        if let ticket = openTicketID, let timeline {
            try storage.tickets.addNote(ticketID: ticket, at: clock.nowText, operator: actor.login, kind: action,
                                      detail: timeline, countsAsResponse: ["resend", "note"].contains(action))
        }
    }
}
