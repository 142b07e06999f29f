/// `vssdesk.1`, generated from the command table (the same source as `help` and Tab completion).
enum ManPage {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }.joined(separator: "\n")
    }

    /// English until the man page is translated (issue 15); `catalog` is the language of the command texts.
    static func render(_ commands: [CommandSpec], catalog: Catalog = .en) -> String {
        var out = """
        .TH VSSDESK 1 "2026" "vssdesk" "BHXH Quận 6 hotline console"
        .SH NAME
        vssdesk \\- console of the VssID hotline of BHXH Qu\\(u1EADn 6
        .SH SYNOPSIS
        .B vssdesk
        [\\fB\\-\\-db\\fR PATH] [\\fB\\-\\-format\\fR table|vertical|csv|json|auto] [\\fB\\-c\\fR COMMAND]... [\\fB\\-f\\fR FILE] [\\fB\\-\\-on\\-error\\fR stop|continue] [COMMAND ARGS...]
        .SH DESCRIPTION
        With no command on a terminal, vssdesk opens an interactive prompt (GNU readline, history in ~/.vssdesk_history,
        Tab completion). With \\fB\\-c\\fR, \\fB\\-f\\fR, a command, or piped input it runs without a prompt.
        .SH EXIT STATUS
        0 success, 1 a command failed, 2 usage error, 3 not allowed (role), 4 database busy or unavailable.
        .SH ENVIRONMENT
        VSSDESK_DB (database path), PAGER, NO_COLOR; for root only: VSSDESK_NOW (replaces the clock).
        .SH COMMANDS

        """
        for group in CommandGroup.allCases {
            let cs = commands.filter { $0.group == group }
            guard !cs.isEmpty else { continue }
            out += ".SS \(escape(catalog.text(group.title)))\n"
            for c in cs {
                out += ".TP\n.B \(escape(c.synopsis))\n\(escape(HelpText.summary(c, catalog)))\n"
                for f in c.flags {
                    out += ".br\n\\fB\(escape(f.name))\\fR\(f.value.map { " " + escape($0) } ?? "") \\- \(escape(HelpText.help(f, catalog)))\n"
                }
                out += ".br\nExample: \\fB\(escape(c.example))\\fR\n"
            }
        }
        return out
    }
}
