/// `vssdesk.1`, generated from the command table (the same source as `help` and Tab completion), in the catalog's
/// language: `make install` writes the Vietnamese page and the English one (`vssdesk.en.1`).
enum ManPage {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }.joined(separator: "\n")
    }

    /// The first line tells man's preconv the page is UTF-8 (it would otherwise guess Latin-1 and print "QuEADn 6").
    static let encodingLine = "'\\\" -*- coding: UTF-8 -*-"

    static func render(_ commands: [CommandSpec], catalog: Catalog) -> String {
        func t(_ key: TextKey) -> String { escape(catalog.text(key)) }
        var out = """
        \(encodingLine)
        .TH VSSDESK 1 "2026" "vssdesk" "\(t("man.title"))"
        .SH \(t("man.section.name"))
        vssdesk \\- \(t("man.name"))
        .SH \(t("man.section.synopsis"))
        .B vssdesk
        \(escape(String(ProcessHelp.synopsis.dropFirst("vssdesk ".count))))
        .SH \(t("man.section.description"))
        \(t("man.description"))
        .SH \(t("man.section.options"))
        \(ProcessHelp.options.map { ".TP\n\\fB\(escape($0.names))\\fR\($0.value.map { " " + escape($0) } ?? "")\n\(t($0.help))" }.joined(separator: "\n"))
        .SH \(t("man.section.exit"))
        \(t("man.exit"))
        .SH \(t("man.section.environment"))
        \(t("man.environment"))
        .SH \(t("man.section.commands"))

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
                out += ".br\n\(t("man.example")) \\fB\(escape(c.example))\\fR\n"
            }
        }
        return out
    }
}
