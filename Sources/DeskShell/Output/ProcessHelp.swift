/// `vssdesk --help`: the process's own options, in the catalog's language (SPEC §14), from the same list as the man
/// page's OPTIONS section. swift-argument-parser still reads the odd forms of the command line (main.swift), but its
/// help and its messages are English, so neither is shown.
public enum ProcessHelp {
    public struct Option: Sendable {
        public let names: String
        public let value: String?
        public let help: TextKey
    }

    /// The options `PlainArguments` and main.swift read, in the order they are listed.
    public static let options: [Option] = [
        Option(names: "--db", value: "PATH", help: "process.option.db"),
        Option(names: "--format", value: "FORMAT", help: "process.option.format"),
        Option(names: "--as", value: "LOGIN", help: "process.option.as"),
        Option(names: "-c", value: "COMMAND", help: "process.option.c"),
        Option(names: "-f", value: "FILE", help: "process.option.f"),
        Option(names: "--on-error", value: "stop|continue", help: "process.option.onError"),
        Option(names: "--no-color", value: nil, help: "process.option.noColor"),
        Option(names: "-h, --help", value: nil, help: "process.option.help"),
    ]

    public static let synopsis = "vssdesk [--db PATH] [--format table|vertical|csv|json|auto] [--as LOGIN] [-c COMMAND]... [-f FILE] "
        + "[--on-error stop|continue] [--no-color] [COMMAND ARGS...]"

    public static func render(_ catalog: Catalog) -> String {
        let width = options.map { $0.names.count + ($0.value.map { $0.count + 1 } ?? 0) }.max()! + 2
        var lines = ["vssdesk — " + catalog.text("man.name"), "", catalog.text("process.usage") + " " + synopsis, "",
                     catalog.text("process.description"), "", catalog.text("process.options")]
        for o in options {
            let name = o.names + (o.value.map { " " + $0 } ?? "")
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + catalog.text(o.help))
        }
        lines += ["", catalog.text("process.environment") + " " + catalog.text("man.environment"),
                  catalog.text("process.exit") + " " + catalog.text("man.exit")]
        return lines.joined(separator: "\n") + "\n"
    }
}
