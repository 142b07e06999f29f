import Foundation
import Desk
import DeskCore

enum BulkCommands {
    static let flags = [
        FlagSpec("--where", value: "FILTER", "flag.where"),
        FlagSpec("--dry-run", "flag.dry-run"),
        FlagSpec("--yes", "flag.yes"),
    ]

    static var specs: [CommandSpec] {
        [
            CommandSpec("bulk resend", group: .bulk, role: .supervisor, synopsis: "bulk resend --where FILTER [--dry-run] [--yes]",
                        summary: "command.bulk.resend",
                        flags: flags, example: "bulk resend --where sms=failed --dry-run", run: { try run(.resend, $0, $1) }),
            CommandSpec("bulk set-status", group: .bulk, role: .supervisor, synopsis: "bulk set-status --where FILTER --to STATUS [--reason TEXT] [--dry-run] [--yes]",
                        summary: "command.bulk.set-status",
                        flags: flags + [FlagSpec("--to", value: "STATUS", "flag.to.bulk.set-status", completion: .status),
                                        FlagSpec("--reason", value: "TEXT", "flag.reason")],
                        example: "bulk set-status --where status=submitted,rule=WRONG_AGENCY --to rejected --reason 'Sai cơ quan' --dry-run",
                        run: { try run(.setStatus, $0, $1) }),
            CommandSpec("bulk set-agency", group: .bulk, role: .supervisor, synopsis: "bulk set-agency --where FILTER --to AGENCY [--dry-run] [--yes]",
                        summary: "command.bulk.set-agency",
                        flags: flags + [FlagSpec("--to", value: "AGENCY", "flag.to.bulk.set-agency", completion: .agency)],
                        example: "bulk set-agency --where agency=079 --to 07916 --dry-run", run: { try run(.setAgency, $0, $1) }),
            CommandSpec("bulk close-tickets", group: .bulk, role: .supervisor, synopsis: "bulk close-tickets --where FILTER [--dry-run] [--yes]",
                        summary: "command.bulk.close-tickets",
                        flags: flags, example: "bulk close-tickets --where status=resolved,opened-before=2025-01-01 --yes",
                        run: { try run(.closeTickets, $0, $1) }),
        ]
    }

    static func run(_ action: BulkService.Action, _ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard let filter = inv.value("--where") else { throw ShellError.usage(shell.catalog.text("usage.bulkWhere", ["action": .text(action.rawValue)])) }
        var dryRun = inv.has("--dry-run")
        var service = BulkService(session: shell.session)
        if !dryRun && !inv.has("--yes") {
            guard shell.interactive && isatty(0) == 1 else {
                throw ShellError.usage(shell.catalog.text("usage.bulkYes", ["action": .text(action.rawValue)]))
            }
            let preview = try service.run(action, filter: filter, value: inv.value("--to"), reason: inv.value("--reason"), dryRun: true)
            // Nothing to change, nothing to confirm: the preview is the answer.
            guard preview.wouldChange > 0 else {
                return CommandOutput(json: summaryJSON(preview, dryRun: true),
                                     lines: [shell.catalog.text("confirm.nothingToChange", ["matched": .int(preview.matched)])] + skippedLines(preview, shell.catalog))
            }
            let sample = TerminalSafe.escape(preview.sample.prefix(5).joined(separator: ", "))
            shell.writeErr(shell.catalog.text("confirm.preview", ["change": .int(preview.wouldChange), "matched": .int(preview.matched),
                                                                  "sample": .text(sample)]) + "\n")
            // SPEC §9: Ctrl-C or Ctrl-D at the question cancels the bulk fix and returns to the prompt.
            switch shell.ask(shell.catalog.text("confirm.question")) {
            case .line(let answer) where Confirmation.accepts(answer):
                dryRun = false
            case .line:
                return .message(shell.catalog.text("confirm.refused"), json: summaryJSON(preview, dryRun: true))
            case .cancelled, .endOfInput, .terminated:
                return .message(shell.catalog.text("confirm.cancelled"), json: summaryJSON(preview, dryRun: true))
            }
        }
        let bar = !dryRun && shell.interactive && isatty(2) == 1 ? ProgressBar(label: "bulk", catalog: shell.catalog, write: shell.writeErr) : nil
        service.progress = { matched, _ in bar?.update(done: matched, total: max(matched, 1), rows: matched) }
        defer { bar?.finish() }
        let s = try service.run(action, filter: filter, value: inv.value("--to"), reason: inv.value("--reason"), dryRun: dryRun)
        let c = shell.catalog
        var lines = [c.text(dryRun ? "bulk.summary.dry" : "bulk.summary", ["action": .text(action.rawValue), "matched": .int(s.matched),
                                                                         "changed": .int(dryRun ? s.wouldChange : s.changed), "skipped": .int(s.skipped)])]
        lines += skippedLines(s, c)
        if !s.sample.isEmpty { lines.append(c.text("bulk.sample", ["sample": .text(s.sample.prefix(10).joined(separator: ", "))])) }
        var notices: [String] = []
        if s.interrupted { notices.append(c.text("bulk.interrupted", ["n": .int(s.changed)])) }
        return CommandOutput(json: summaryJSON(s, dryRun: dryRun), lines: lines, notices: notices)
    }

    static func skippedLines(_ s: BulkService.Summary, _ c: Catalog) -> [String] {
        s.skippedReasons.isEmpty ? [] : [c.text("bulk.skipped", ["list": .text(s.skippedReasons.sorted { $0.key < $1.key }
            .map { "\(c.value("skip", $0.key)) \(c.number($0.value))" }.joined(separator: ", "))])]
    }

    /// SPEC §9: `{"action", "dry_run", "matched", "changed", "would_change", "skipped", "skipped_reasons"}`, then
    /// whether the run was interrupted and a sample of what (would have) changed.
    static func summaryJSON(_ s: BulkService.Summary, dryRun: Bool) -> JSONValue {
        .object([("action", .string(s.action)), ("dry_run", .bool(dryRun)), ("matched", .int(s.matched)), ("changed", .int(s.changed)),
                 ("would_change", .int(s.wouldChange)), ("skipped", .int(s.skipped)),
                 ("skipped_reasons", .object(s.skippedReasons.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                 ("interrupted", .bool(s.interrupted)), ("sample", .array(s.sample.map { .string($0) }))])
    }
}
