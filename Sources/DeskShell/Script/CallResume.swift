import Foundation
import Desk
import DeskCore

/// If this operator's console died during a call, the next start picks the call up again (SPEC §5).
enum CallResume {
    static func restore(_ shell: Shell) {
        let screen = shell.interactive || isattyStdin
        guard let info = try? TicketService(session: shell.session).resumeCall(screen: screen) else { return }
        let ticket = info.ticket
        if screen {
            // The call screen again, short: whom the call is about and why it is stuck, so the operator picks up where
            // the console died. Everything taken from the data is escaped for the terminal.
            let about = TerminalSafe.cell(ticket.summary.isEmpty ? ticket.callerPhone ?? "" : ticket.summary, maxWidth: Renderer.cellWidth)
            var text = shell.catalog.text("call.resume", ["id": .text(String(ticket.id)), "about": .text(about)]) + "\n"
            for r in info.registrations {
                let w = info.worst[r.bhxhCode]
                let name = TerminalSafe.cell(r.fullName, maxWidth: Renderer.cellWidth)
                let worst = w.map { " — \($0.rule) (\(shell.catalog.name($0.severity)))" } ?? ""
                text += "  \(r.bhxhCode) — \(name) — \(shell.catalog.name(r.status)), SMS \(shell.catalog.name(r.smsStatus))\(worst)\n"
            }
            for line in CallCommands.registrationFooter(info, width: shell.terminalWidth(), catalog: shell.catalog) { text += TerminalSafe.escape(line) + "\n" }
            shell.writeErr(text)
        }
    }

    private static var isattyStdin: Bool { isatty(0) == 1 }
}
