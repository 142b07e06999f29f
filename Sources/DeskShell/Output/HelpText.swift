import Desk

/// `help` and `help COMMAND`, generated from the command table.
enum HelpText {
    /// An unknown topic is a usage error (exit 2), like an unknown command.
    static func render(topic: String?, commands: [CommandSpec]) throws -> CommandOutput {
        if let topic {
            // `help \x` reaches here as `x` (the backslash escaped it): psql's aliases are found without it too.
            let matches = commands.filter { $0.name == topic || $0.name.hasPrefix(topic + " ") || $0.name == "\\" + topic }
            guard !matches.isEmpty else {
                let hint = Suggest.nearest(topic, in: commands.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
                throw DeskError.usage("no command \"\(topic)\"\(hint); type `help` for the list")
            }
            var lines: [String] = []
            for c in matches {
                lines.append("\(c.synopsis)")
                lines.append("  \(c.summary)")
                for f in c.flags {
                    let name = f.value.map { "\(f.name) \($0)" } ?? f.name
                    lines.append("    " + name.padding(toLength: max(name.count, 22), withPad: " ", startingAt: 0) + "  " + f.help)
                }
                lines.append("  Example: \(c.example)")
                lines.append("")
            }
            let json = JSONValue.array(matches.map { c in
                .object([("name", .string(c.name)), ("synopsis", .string(c.synopsis)), ("summary", .string(c.summary)),
                         ("flags", .array(c.flags.map { .string($0.name) })), ("example", .string(c.example))])
            })
            return CommandOutput(json: .object([("commands", json)]), lines: lines)
        }
        var lines: [String] = []
        let nameWidth = (commands.map(\.name.count).max() ?? 16) + 2
        for group in CommandGroup.allCases {
            let cs = commands.filter { $0.group == group }
            guard !cs.isEmpty else { continue }
            lines.append(group.rawValue + ":")
            for c in cs { lines.append("  " + c.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + c.summary) }
            lines.append("")
        }
        lines.append("`help COMMAND` shows flags and an example. Tab completes commands, flags and values.")
        let json = JSONValue.object([("commands", .array(commands.map {
            .object([("name", .string($0.name)), ("group", .string($0.group.rawValue)), ("summary", .string($0.summary))])
        }))])
        return CommandOutput(json: json, lines: lines)
    }
}
