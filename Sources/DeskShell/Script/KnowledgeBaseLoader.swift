import Desk
import DeskCore

/// Keeps the KB index in step with `kb/` at start-up (one stat per file when nothing changed).
enum KnowledgeBaseLoader {
    static func refreshIfNeeded(_ shell: Shell) {
        guard !shell.knowledgeBaseChecked else { return }
        shell.knowledgeBaseChecked = true
        do {
            let report = try KnowledgeBase(session: shell.session).refresh()
            if report.rebuilt { for p in report.problems { shell.writeErr("kb: \(TerminalSafe.escape(shell.catalog.say(p)))\n") } }
        } catch {
            // On a server only admins may rewrite the articles (SPEC §15 GRANTs): an operator's console keeps the
            // ones there until an admin's console (or `kb reindex`) brings them up to date.
            if Shell.classify(error, catalog: shell.catalog).0 == ExitCode.notAllowed { return }
            shell.writeErr("kb: " + shell.catalog.text("kb.refreshFailed", ["reason": .text(TerminalSafe.escape(Shell.classify(error, catalog: shell.catalog).1))]) + "\n")
        }
    }
}
