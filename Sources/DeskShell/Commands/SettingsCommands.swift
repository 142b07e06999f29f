import Foundation
import Desk
import DeskCore

enum SettingsCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("help", group: .settings, synopsis: "help [COMMAND]", summary: "command.help",
                        positional: .choices([]), example: "help search", run: help),
            CommandSpec("format", group: .settings, synopsis: "format table|vertical|csv|json|auto",
                        summary: "command.format", positional: .format,
                        example: "format auto", run: setFormat),
            CommandSpec("timing", group: .settings, synopsis: "timing on|off", summary: "command.timing",
                        positional: .choices(["on", "off"]), example: "timing on", run: setTiming),
            CommandSpec("quit", group: .settings, synopsis: "quit", summary: "command.quit",
                        example: "quit", run: quit),
            CommandSpec("exit", group: .settings, synopsis: "exit", summary: "command.exit", example: "exit", run: quit),
            // psql's habits (SPEC §11), in the table like every command so that help, Tab and the man page know them.
            CommandSpec("\\x", group: .settings, synopsis: "\\x [on|off|auto]", summary: "command.backslash.x",
                        positional: .choices(["on", "off", "auto"]), example: "\\x", run: toggleVertical),
            CommandSpec("\\q", group: .settings, synopsis: "\\q", summary: "command.backslash.q", example: "\\q", run: quit),
            CommandSpec("\\o", group: .settings, synopsis: "\\o [FILE]", summary: "command.backslash.o",
                        positional: .file, example: "\\o ket-qua.txt", run: redirectResults),
            CommandSpec("\\timing", group: .settings, synopsis: "\\timing [on|off]", summary: "command.backslash.timing",
                        positional: .choices(["on", "off"]), example: "\\timing", run: setTiming),
            CommandSpec("manpage", group: .settings, synopsis: "manpage", summary: "command.manpage",
                        example: "manpage > vssdesk.1", run: { _, shell in
                            let page = ManPage.render(shell.commands, catalog: shell.catalog)
                            return CommandOutput(json: .object([("manpage", .string(page))]), lines: [page])
                        }),
            CommandSpec("whoami", group: .settings, synopsis: "whoami", summary: "command.whoami",
                        example: "whoami", run: whoami),
            CommandSpec("operator add", group: .settings, role: .admin, synopsis: "operator add LOGIN [--name NAME] [--line N] [--role R]",
                        summary: "command.operator.add",
                        flags: [FlagSpec("--name", value: "NAME", "flag.name.operator.add"),
                                FlagSpec("--line", value: "N", "flag.line.operator.add", completion: .line),
                                FlagSpec("--role", value: "R", "flag.role", completion: .role)],
                        example: "operator add hoa --name 'Trần Thị Hoa' --line 121", run: operatorAdd),
            CommandSpec("operator list", group: .settings, role: .admin, synopsis: "operator list", summary: "command.operator.list",
                        example: "operator list", run: operatorList),
            CommandSpec("operator disable", group: .settings, role: .admin, synopsis: "operator disable LOGIN", summary: "command.operator.disable",
                        example: "operator disable hoa", run: operatorDisable),
            CommandSpec("config get", group: .settings, synopsis: "config get KEY", summary: "command.config.get",
                        positional: .choices(ConfigKeys.all), example: "config get desk_agency", run: configGet),
            CommandSpec("config set", group: .settings, role: .admin, synopsis: "config set KEY VALUE", summary: "command.config.set",
                        positional: .choices(ConfigKeys.all), example: "config set review_working_days 3", run: configSet),
            CommandSpec("config list", group: .settings, synopsis: "config list", summary: "command.config.list",
                        example: "config list", run: configList),
            CommandSpec("audit", group: .supervisors, role: .supervisor, synopsis: "audit [--operator U] [--code C] [--action A] [--from D] [--to D] [--limit N]",
                        summary: "command.audit",
                        flags: [FlagSpec("--operator", value: "U", "flag.operator.audit"), FlagSpec("--code", value: "C", "flag.code.audit"),
                                FlagSpec("--action", value: "A", "flag.action"), FlagSpec("--from", value: "D", "flag.from.audit"),
                                FlagSpec("--to", value: "D", "flag.to.audit"), FlagSpec("--limit", value: "N", "flag.limit.audit")],
                        // `audit` is a command and a group word (`audit verify`): Tab offers the sub-command here.
                        positional: .choices(["verify"]), example: "audit --code 7912345678", run: audit),
        ]
    }

    static func help(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        try HelpText.render(topic: inv.positional.isEmpty ? nil : inv.rest, commands: shell.commands, catalog: shell.catalog)
    }

    static func setFormat(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        if let given = inv.positional.first, OutputFormat(rawValue: given) == nil {
            throw ShellError.usage(shell.catalog.text("usage.format", ["value": .text(given)]))
        }
        guard let f = inv.positional.first.flatMap(OutputFormat.init(rawValue:)) else {
            return .message(shell.catalog.text("format.current", ["format": .text(shell.format.rawValue)]),
                            json: .object([("format", .string(shell.format.rawValue))]))
        }
        shell.format = f
        return .message(shell.catalog.text("format.set", ["format": .text(f.rawValue)]), json: .object([("format", .string(f.rawValue))]))
    }

    static func setTiming(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        switch inv.positional.first {
        case "on": shell.timing = true
        case "off": shell.timing = false
        case nil: shell.timing.toggle()
        default: throw inv.usage()
        }
        return .message(shell.catalog.text(shell.timing ? "timing.on" : "timing.off"), json: .object([("timing", .bool(shell.timing))]))
    }

    /// `\x`: vertical on (remembering the format it replaces), off (back to that format), or `auto`.
    static func toggleVertical(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let on: Bool
        switch inv.positional.first {
        case nil: on = shell.format != .vertical
        case "on": on = true
        case "off": on = false
        case "auto":
            shell.format = .auto
            return .message(shell.catalog.text("expanded.auto"), json: .object([("format", .string("auto"))]))
        default: throw inv.usage()
        }
        if on, shell.format != .vertical {
            shell.formatBeforeVertical = shell.format
            shell.format = .vertical
        } else if !on, shell.format == .vertical {
            shell.format = shell.formatBeforeVertical ?? .table
        }
        return .message(shell.catalog.text(on ? "expanded.on" : "expanded.off"), json: .object([("format", .string(shell.format.rawValue))]))
    }

    /// `\o FILE` sends the results that follow to FILE, opened with the user's own rights and never one of the
    /// desk's files (SPEC §13); a bare `\o` sends them to the terminal again. Said on stderr, not in the file.
    static func redirectResults(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        if let previous = shell.resultFile {
            try? previous.handle.close()
            shell.resultFile = nil
        }
        guard inv.positional.count <= 1 else { throw inv.usage() }
        guard let path = inv.positional.first else {
            shell.writeErr(shell.catalog.text("output.terminal") + "\n")
            return CommandOutput(json: .object([("output", .null)]))
        }
        let handle = try Files.createForWriting(path, mode: 0o600)
        shell.resultFile = (path, handle)
        shell.writeErr(shell.catalog.text("output.file", ["path": .text(TerminalSafe.escape(path))]) + "\n")
        return CommandOutput(json: .object([("output", .string(path))]))
    }

    static func quit(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        shell.wantsExit = true
        return CommandOutput(json: .object([("ok", .bool(true))]))
    }

    static func whoami(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let a = shell.session.actor
        return CommandOutput(json: .object([("login", .string(a.login)), ("display_name", .string(a.displayName)),
                                            ("role", .string(a.role.rawValue)), ("line", .num(a.line)),
                                            ("database", .string(SettingsService(session: shell.session).location)),
                                            ("open_ticket", .num(shell.session.openTicketID))]),
                             lines: [shell.catalog.text("whoami.line", ["name": .text(a.displayName), "login": .text(a.login), "role": .text(shell.catalog.name(a.role)),
                                                                 "line": .text(a.line.map(String.init) ?? "-"),
                                                                 "database": .text(SettingsService(session: shell.session).location)])])
    }

    static func operatorAdd(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        let role = try inv.value("--role").map { r -> Operator.Role in
            guard let role = Operator.Role(rawValue: r) else { throw ShellError.usage(shell.catalog.text("usage.oneOf", ["flag": "--role", "list": .text(Operator.Role.allCases.map(\.rawValue).joined(separator: ", "))])) }
            return role
        } ?? .operatorRole
        let line = try inv.value("--line").map { s -> Int in
            guard let n = Int(s) else { throw ShellError.usage(shell.catalog.text("usage.lineNumber", ["range": .text(HotlineLine.rangeText)])) }
            return n
        }
        let op = try OperatorService(session: shell.session).add(login: inv.positional[0], displayName: inv.value("--name"), line: line, role: role)
        return .message(shell.catalog.text("operator.added", ["login": .text(op.login), "name": .text(op.displayName), "role": .text(shell.catalog.name(op.role))])
                        + (op.line.map { shell.catalog.text("operator.onLine", ["line": .text(String($0))]) } ?? ""),
                        json: operatorJSON(op))
    }

    static func operatorJSON(_ o: Operator) -> JSONValue {
        .object([("login", .string(o.login)), ("display_name", .string(o.displayName)), ("line", .num(o.line)),
                 ("role", .string(o.role.rawValue)), ("active", .bool(o.active))])
    }

    static func operatorList(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let ops = try OperatorService(session: shell.session).list()
        let c = shell.catalog
        return CommandOutput(json: .object([("results", .array(ops.map(operatorJSON)))]),
                             tables: [CommandOutput.Table(columns: RegistrationViews.columns(["login", "display_name", "line", "role", "active"], c),
                                                          rows: ops.map { [$0.login, $0.displayName, $0.line.map(String.init) ?? "", c.name($0.role),
                                                                           c.text($0.active ? "value.yes" : "value.no")] })])
    }

    static func operatorDisable(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        try OperatorService(session: shell.session).disable(inv.positional[0])
        return .message(shell.catalog.text("operator.disabled", ["login": .text(inv.positional[0])]))
    }

    static func configGet(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        let key = inv.positional[0]
        let value = try ConfigKeys.value(key, session: shell.session, catalog: shell.catalog)
        return .message("\(key) = \(value)", json: .object([("key", .string(key)), ("value", .string(value))]))
    }

    static func configSet(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count >= 2 else { throw inv.usage() }
        try shell.session.require(.admin, for: "config set")
        let key = inv.positional[0]
        let value = inv.positional.dropFirst().joined(separator: " ")
        let setting = try ConfigKeys.setting(key, catalog: shell.catalog)
        try SettingsService(session: shell.session).set(setting, value)
        // The desk's new default language takes effect here at once, unless this user chose theirs.
        if setting == .language, !shell.languageFromEnvironment, let language = Language(rawValue: value) {
            shell.catalog = Catalog(language)
        }
        return .message("\(key) = \(value)", json: .object([("key", .string(key)), ("value", .string(value))]))
    }

    static func configList(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let rows = try ConfigKeys.all.map { [$0, try ConfigKeys.value($0, session: shell.session, catalog: shell.catalog)] }
        return CommandOutput(json: .object(rows.map { ($0[0], .string($0[1])) }),
                             tables: [CommandOutput.Table(columns: RegistrationViews.columns(["key", "value"], shell.catalog), rows: rows)])
    }

    static func audit(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let from = try inv.value("--from").map { try DateArg.start($0) }
        let to = try inv.value("--to").map(DateArg.endInclusive)
        let entries = try AuditLog(session: shell.session).entries(operator: inv.value("--operator"), code: inv.value("--code"), from: from,
                                                                  to: to, action: inv.value("--action"), limit: try inv.int("--limit", default: 100))
        let json = JSONValue.object([("results", .array(entries.map {
            .object([("id", .int($0.id)), ("at", .string($0.at)), ("operator", .string($0.operatorLogin)), ("action", .string($0.action)),
                     ("target", .str($0.target)), ("detail", .str($0.detail)), ("ticket_id", .num($0.ticketID))])
        }))])
        let c = shell.catalog
        return CommandOutput(json: json, tables: [CommandOutput.Table(columns: ["#"] + RegistrationViews.columns(["at", "who", "audit_action", "target", "detail", "ticket"], c),
                                                                      rows: entries.map { ["\($0.id)", DateText.deskDisplay($0.at), $0.operatorLogin, c.value("action", $0.action),
                                                                                           AuditView.target(action: $0.action, $0.target, c),
                                                                                           AuditView.detail(action: $0.action, $0.detail, c),
                                                                                           $0.ticketID.map { "#\($0)" } ?? ""] }, wrapped: [5])])
    }
}

/// Dates typed on the command line (`2025-03-01` or `01/03/2025`), as stored instants at desk midnight.
enum DateArg {
    static func start(_ s: String) throws -> String {
        guard let d = DateText.parseInstant(s) else { throw DeskError.usage(DeskMessage(ShellText.notADate, ["value": .text(s)])) }
        return DateText.format(d)
    }

    /// The end of a `--to` day: the next day's desk midnight when only a date was given.
    static func endInclusive(_ s: String) throws -> String {
        if let day = DateText.parseDate(s), let d = DateText.parseInstant(DateText.addDays(day, 1)) { return DateText.format(d) }
        return try start(s)
    }
}

/// The shell's refusals that are found where no catalog is at hand (a date argument), said when they are reported.
enum ShellText: String, MessageKey {
    case notADate = "usage.notADate"
}
