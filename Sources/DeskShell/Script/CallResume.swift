import Foundation
import Desk
import DeskCore

/// If this operator's console died during a call, the next start picks the call up again (SPEC §5).
enum CallResume {
    static func restore(_ shell: Shell) {
        let s = shell.session
        guard let open = try? s.store.tickets.openCall(operator: s.actor.login),
              let ticket = try? s.store.tickets.get(open.ticketID), ticket.status == "open" || ticket.status == "pending" else { return }
        s.openTicketID = open.ticketID
        s.callRegistration = open.bhxhCode
        if shell.interactive || isattyStdin {
            let about = TerminalSafe.cell(ticket.summary.isEmpty ? ticket.callerPhone ?? "" : ticket.summary, maxWidth: Renderer.cellWidth)
            shell.writeErr("Resuming your open call #\(ticket.id) (\(about)); `done …` or `hold` to finish it.\n")
        }
    }

    private static var isattyStdin: Bool { isatty(0) == 1 }
}
