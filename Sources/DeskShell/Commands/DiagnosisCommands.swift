import Desk
import DeskCore

enum DiagnosisCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("diagnose", group: .registrations, synopsis: "diagnose [CODE] | diagnose --stuck [--rule R] [--agency C] [--limit N]",
                        summary: "command.diagnose",
                        flags: [FlagSpec("--stuck", "flag.stuck", role: .supervisor),
                                FlagSpec("--rule", value: "R", "flag.rule", completion: .ruleCode, role: .supervisor),
                                FlagSpec("--agency", value: "C", "flag.agency.diagnose", completion: .agency, role: .supervisor),
                                FlagSpec("--limit", value: "N", "flag.limit.diagnose", role: .supervisor)],
                        example: "diagnose 7912345678", run: diagnose),
        ]
    }

    static func diagnose(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let service = DiagnosisService(session: shell.session)
        if inv.has("--stuck") {
            let report = try service.stuck(rule: inv.value("--rule"), agency: inv.value("--agency"), limit: try inv.int("--limit", default: 50))
            let json = JSONValue.object([
                ("total", .int(report.total)),
                ("counts", .object(report.countsByRule.map { ($0.rule, .int($0.count)) })),
                ("results", .array(report.rows.map { row in
                    .object([("bhxh_code", .string(row.registration.bhxhCode)), ("full_name", .string(row.registration.fullName)),
                             ("status", .string(row.registration.status.rawValue)), ("agency_code", .str(row.registration.agencyCode)),
                             ("rules", .array(row.findings.map { .string($0.rule) })),
                             ("findings", .array(row.findings.map { DiagnosisBridge.json($0, shell.catalog) }))])
                })),
            ])
            let c = shell.catalog
            let counts = CommandOutput.Table(title: c.text("stuck.byRule"), columns: [c.text("stats.by.rule"), c.text("stats.column.registrations")],
                                             rows: report.countsByRule.filter { $0.count > 0 }.map { [$0.rule, c.number($0.count)] }, numeric: [1])
            let list = CommandOutput.Table(title: c.text("stuck.title", ["shown": .int(report.rows.count), "total": .int(report.total)]),
                                           columns: RegistrationViews.columns(["bhxh_code", "full_name", "status", "rules"], c),
                                           rows: report.rows.map { [$0.registration.bhxhCode, $0.registration.fullName,
                                                                    shell.catalog.name($0.registration.status), $0.findings.map(\.rule).joined(separator: ", ")] },
                                           records: "results")
            return CommandOutput(json: json, tables: [counts, list])
        }
        let code = try RegistrationService(session: shell.session).resolveCode(inv.positional.first)
        let (r, findings) = try service.diagnose(code)
        let json = JSONValue.object([("bhxh_code", .string(r.bhxhCode)), ("status", .string(r.status.rawValue)),
                                     ("findings", .array(findings.map { DiagnosisBridge.json($0, shell.catalog) }))])
        var lines = ["\(r.bhxhCode) — \(r.fullName) — \(shell.catalog.name(r.status))"]
        lines += DiagnosisBridge.lines(findings, width: shell.terminalWidth(), catalog: shell.catalog)
        return CommandOutput(json: json, lines: lines)
    }
}
