import Foundation
import CLineShim
import CReadline
import Desk

/// The interactive prompt: GNU readline editing, persistent history without secrets, Tab completion from the
/// command table, Ctrl-C cancels the line or the running command, Ctrl-D and SIGTERM/SIGHUP exit cleanly.
/// All readline use stays on the main thread; its globals are reached through the inline setters of CReadline.
final class REPL {
    let shell: Shell
    let historyPath: String

    /// Readline calls completion through a C function pointer, which cannot capture; the REPL is a singleton.
    nonisolated(unsafe) static var current: REPL?

    init(shell: Shell) {
        self.shell = shell
        historyPath = (ProcessInfo.processInfo.environment["HOME"] ?? ".") + "/.vssdesk_history"
    }

    func run() -> Int32 {
        REPL.current = self
        shell.interactive = true
        shell.usePager = true
        // Asked of the terminal at each use, not readline's copy from the last prompt: `format auto` follows a resize.
        shell.terminalWidth = { max(20, Int(vss_terminal_columns() > 0 ? vss_terminal_columns() : vss_screen_width())) }
        shell.terminalHeight = { Int(vss_terminal_rows() > 0 ? vss_terminal_rows() : vss_screen_height()) }
        vss_set_readline_name("vssdesk")
        // Words break at spaces and `=` (filter terms); not at a backslash, which starts psql's `\x`, `\o` ….
        // Readline keeps the pointer, so the text is copied once for the life of the process.
        vss_set_word_breaks(strdup(" \t\n="))
        vss_set_completion(REPL.completionCallback)
        using_history()
        read_history(historyPath)
        stifle_history(2000)
        shell.writeErr(shell.catalog.text("repl.greeting") + "\n")
        reading: while !shell.wantsExit {
            shell.session.storage.idle()
            let line: String
            switch LineReader.read(prompt: prompt()) {
            case .cancelled: continue  // Ctrl-C: line cancelled
            case .terminated: break reading  // SIGTERM / SIGHUP
            case .endOfInput:  // Ctrl-D
                shell.writeOut("\n")
                break reading
            case .line(let l): line = l
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            remember(trimmed)
            _ = vss_take_interrupt()
            shell.execute(trimmed)
            if vss_take_interrupt() != 0 { shell.writeErr("^C " + shell.catalog.text("repl.interrupted") + "\n") }
            if vss_was_terminated() != 0 { break }
        }
        saveHistory()
        return 0
    }

    func prompt() -> String {
        let a = shell.session.actor
        var parts = [a.login]
        if let line = a.line { parts.append(String(line)) }
        if let t = shell.session.openTicketID {
            parts.append("#\(t)")
            // The prompt is short: `SLA 12p` / `SLA 12m`, the unit's first letter in the operator's language.
            if let left = slaMinutesLeft(t), left < 15 { parts.append(left < 0 ? "SLA!" : shell.catalog.text("repl.slaLeft", ["n": .int(left)])) }
        }
        let text = "vssdesk[\(parts.joined(separator: " "))]> "
        // \u{1} and \u{2} tell readline the escape codes take no columns.
        return shell.color ? "\u{1}\u{1B}[1;36m\u{2}" + text + "\u{1}\u{1B}[0m\u{2}" : text
    }

    /// Office minutes before the open call's nearest SLA target (negative once breached).
    func slaMinutesLeft(_ ticket: Int) -> Int? {
        let s = shell.session
        guard let t = try? s.storage.tickets.get(ticket) else { return nil }
        return (try? SLAPolicy.load(s.settings, today: s.clock.today))?.state(t, now: s.clock.now).minutesLeft
    }

    func remember(_ line: String) {
        let safe = HistoryFilter.sanitize(line)
        add_history(safe)
        saveHistory()
    }

    func saveHistory() {
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { close(fd) }
        chmod(historyPath, 0o600)
        write_history(historyPath)
    }

    static let completionCallback: vss_completion_fn = { text, start, end in
        guard let repl = REPL.current else { return nil }
        let line = String(cString: vss_line_buffer())
        let completer = Completer(commands: repl.shell.commands, dynamic: repl.dynamicCompletions(), role: repl.shell.session.actor.role)
        let cursorChars = String(decoding: Array(line.utf8.prefix(Int(vss_point()))), as: UTF8.self).count
        let typed = text.map { String(cString: $0) } ?? ""
        switch completer.replacements(line: line, cursor: cursorChars, typed: typed) {
        case .files:
            vss_completion_over(0)
            return nil
        case .words(let matches):
            vss_completion_over(1)
            guard !matches.isEmpty else { return nil }
            // A template to fill in (`dob=YYYY-MM-DD,id=`) or a `key=` goes on without a space after it.
            if matches.count == 1, let last = matches[0].last, "=,".contains(last) { vss_set_append_character(0) }
            return REPL.cArray(matches)
        }
    }

    func dynamicCompletions() -> Completer.Dynamic {
        var d = Completer.Dynamic()
        let store = shell.session.storage
        d.kbIDs = { (try? store.knowledgeBase.ids()) ?? [] }
        d.openTickets = { ((try? store.tickets.openIDs()) ?? []).map(String.init) }
        return d
    }

    /// The array readline expects: [common prefix, match1, …, NULL], all malloc'd.
    static func cArray(_ matches: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        var prefix = matches[0]
        for m in matches.dropFirst() {
            while !m.hasPrefix(prefix) { prefix.removeLast() }
        }
        let list = matches.count == 1 ? [matches[0]] + matches : [prefix] + matches
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: list.count + 1)
        for (i, s) in list.enumerated() { array[i] = strdup(s) }
        array[list.count] = nil
        if matches.count == 1 {
            free(array[1])
            array[1] = nil
        }
        return array
    }
}
