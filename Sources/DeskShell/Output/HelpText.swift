import Desk
import DeskCore

/// `help` and `help COMMAND`, generated from the command table, in the catalog's language.
enum HelpText {
    /// Values every help text may name (`line {range}`).
    static var common: [String: TextArgument] { ["range": .text(HotlineLine.rangeText)] }

    static func summary(_ c: CommandSpec, _ catalog: Catalog) -> String { catalog.text(c.summary, common) }
    static func help(_ f: FlagSpec, _ catalog: Catalog) -> String { catalog.text(f.help, common) }

    /// An unknown topic is a usage error (exit 2), like an unknown command.
    static func render(topic: String?, commands: [CommandSpec], catalog: Catalog) throws -> CommandOutput {
        if let topic {
            // `help \x` reaches here as `x` (the backslash escaped it): psql's aliases are found without it too.
            let matches = commands.filter { $0.name == topic || $0.name.hasPrefix(topic + " ") || $0.name == "\\" + topic }
            guard !matches.isEmpty else {
                let hint = Suggest.nearest(topic, in: commands.map(\.name)).map { catalog.text("shell.didYouMean", ["name": .text($0)]) } ?? ""
                throw ShellError.usage(catalog.text("help.unknownTopic", ["topic": .text(topic), "hint": .text(hint)]))
            }
            var lines: [String] = []
            for c in matches {
                lines.append("\(c.synopsis)")
                lines.append("  \(summary(c, catalog))")
                for f in c.flags {
                    let name = f.value.map { "\(f.name) \($0)" } ?? f.name
                    lines.append("    " + name.padding(toLength: max(name.count, 22), withPad: " ", startingAt: 0) + "  " + help(f, catalog))
                }
                lines.append("  " + catalog.text("help.example", ["example": .text(c.example)]))
                lines.append("")
            }
            let json = JSONValue.array(matches.map { c in
                .object([("name", .string(c.name)), ("synopsis", .string(c.synopsis)), ("summary", .string(summary(c, catalog))),
                         ("flags", .array(c.flags.map { .string($0.name) })), ("example", .string(c.example))])
            })
            return CommandOutput(json: .object([("commands", json)]), lines: lines)
        }
        var lines: [String] = []
        let nameWidth = (commands.map(\.name.count).max() ?? 16) + 2
        for group in CommandGroup.allCases {
            let cs = commands.filter { $0.group == group }
            guard !cs.isEmpty else { continue }
            lines.append(catalog.text(group.title) + ":")
            for c in cs { lines.append("  " + c.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + summary(c, catalog)) }
            lines.append("")
        }
        lines.append(catalog.text("help.footer"))
        let json = JSONValue.object([("commands", .array(commands.map {
            .object([("name", .string($0.name)), ("group", .string($0.group.rawValue)), ("summary", .string(summary($0, catalog)))])
        }))])
        return CommandOutput(json: json, lines: lines)
    }
}
