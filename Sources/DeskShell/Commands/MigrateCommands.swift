import Desk
import DeskCore
import DeskEngines

/// `migrate --to URI` (admins; SPEC §15, README "PostgreSQL").
enum MigrateCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("migrate", group: .settings, role: .admin, synopsis: "migrate --to URI",
                        summary: "command.migrate",
                        flags: [FlagSpec("--to", value: "URI", "flag.to.migrate")],
                        example: "migrate --to 'postgresql://db.bhxh-hcm/vssdesk?target_session_attrs=read-write'", run: migrate),
        ]
    }

    static func migrate(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.isEmpty, let uri = inv.value("--to") else { throw inv.usage() }
        let r = try DeskMigration.copy(shell.session, to: uri)
        let c = shell.catalog
        let count = { (t: String) in r.counts.first { $0.table == t }?.rows ?? 0 }
        let shown = PostgresDisplay.uri(uri)
        return CommandOutput(
            json: .object([("to", .string(shown)),
                           ("counts", .object(r.counts.map { ($0.table, .int($0.rows)) })),
                           ("audit_rows", .int(r.auditRows)), ("audit_head", .string(r.auditHead)),
                           ("roles", .array(r.roles.map { .string($0) }))]),
            lines: [c.text("migrate.done", ["to": .text(shown), "registrations": .int(count("registrations")),
                                            "tickets": .int(count("tickets")), "audit": .int(r.auditRows),
                                            "head": .text(String(r.auditHead.prefix(16))), "roles": .int(r.roles.count)]),
                    c.text("migrate.next", ["to": .text(shown)])])
    }
}
