import Desk

/// `audit verify`; reading the trail (`audit`) stays with the settings commands.
enum AuditCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("audit verify", group: .supervisors, role: .supervisor, synopsis: "audit verify [--head HASH]",
                        summary: "command.audit.verify",
                        flags: [FlagSpec("--head", value: "HASH", "flag.head")],
                        example: "audit verify", run: verify),
        ]
    }

    static func verify(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let r = try AuditVerifier(session: shell.session).verify(keptHead: inv.value("--head"))
        let json = JSONValue.object([
            ("ok", .bool(r.ok)), ("rows", .int(r.rows)), ("head", .string(r.head)), ("first_broken_id", .num(r.firstBrokenID)),
            ("problem", .str(r.problem.map(shell.catalog.say))), ("missing_triggers", .array(r.missingTriggers.map { .string($0) })),
            ("altered_triggers", .array(r.alteredTriggers.map { .string($0) })),
        ])
        let c = shell.catalog
        guard !r.ok else { return .message(c.text("audit.intact", ["n": .int(r.rows), "head": .text(r.head)]), json: json) }
        var lines: [String] = []
        if let problem = r.problem { lines.append(c.text("audit.broken", ["problem": .text(c.say(problem))])) }
        if !r.missingTriggers.isEmpty { lines.append(c.text("audit.triggersMissing", ["list": .text(r.missingTriggers.joined(separator: ", "))])) }
        if !r.alteredTriggers.isEmpty { lines.append(c.text("audit.triggersAltered", ["list": .text(r.alteredTriggers.joined(separator: ", "))])) }
        lines.append(c.text("audit.rows", ["n": .int(r.rows), "head": .text(r.head)]))
        var output = CommandOutput(json: json, lines: lines)
        output.exitCode = 1
        return output
    }
}
