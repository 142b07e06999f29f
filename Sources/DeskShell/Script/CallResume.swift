import Foundation
import Desk

/// If this operator's console died during a call, the next start picks the call up again (SPEC §5).
enum CallResume {
    static func restore(_ shell: Shell) {
        let s = shell.session
        guard let open = try? s.store.tickets.openCall(operator: s.actor.login),
              let ticket = try? s.store.tickets.get(open.ticketID), ticket.status == "open" || ticket.status == "pending" else { return }
        s.openTicketID = open.ticketID
        s.callRegistration = open.bhxhCode
        if shell.interactive || isattyStdin {
            shell.writeErr("Resuming your open call #\(ticket.id) (\(ticket.summary.isEmpty ? ticket.callerPhone ?? "" : ticket.summary)); `done …` or `hold` to finish it.\n")
        }
    }

    private static var isattyStdin: Bool { isatty(0) == 1 }
}
