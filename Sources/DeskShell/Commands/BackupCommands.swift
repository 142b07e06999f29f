import Foundation
import Desk
import DeskCore

/// `backup DEST` and `restore SRC` (admins; README "Backups").
enum BackupCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("backup", group: .settings, role: .admin, synopsis: "backup DEST [--replace] [--no-key]",
                        summary: "command.backup",
                        flags: [FlagSpec("--replace", "flag.replace"),
                                FlagSpec("--no-key", "flag.no-key")],
                        positional: .file, example: "backup /var/backups/vssdesk/desk-2026-12-01.sqlite", run: backup),
            CommandSpec("restore", group: .settings, role: .admin, synopsis: "restore SRC",
                        summary: "command.restore",
                        positional: .file, example: "restore /var/backups/vssdesk/desk-2026-12-01.sqlite", run: restore),
        ]
    }

    static func backup(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        let r = try BackupService(session: shell.session).backup(to: inv.positional[0], replace: inv.has("--replace"),
                                                                 withKey: !inv.has("--no-key"))
        var lines = ["Wrote \(r.path) (\(r.summary.bytes / 1024) KB, checked: integrity ok, \(describe(r.summary))) in \(String(format: "%.1f", r.seconds)) s."]
        lines.append(r.keyPath.map { "The key is in \($0); keep both together, away from this server." }
                     ?? "Without the key (--no-key): no temporary password in this copy can be checked.")
        return CommandOutput(json: json(r), lines: lines)
    }

    static func restore(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        let r = try BackupService(session: shell.session).restore(from: inv.positional[0])
        var lines = ["Restored \(r.path) (\(describe(r.summary))); the desk as it was is kept as \(r.keptAs ?? "-")."]
        if r.keyPath == nil { lines.append("No key beside the copy: the desk keeps its current key.") }
        if !r.checksummed { lines.append("No checksum file beside the copy: only SQLite's integrity check and the audit chain were checked.") }
        return CommandOutput(json: json(r), lines: lines)
    }

    static func describe(_ s: BackupSummary) -> String {
        "\(s.counts["registrations"] ?? 0) registrations, \(s.counts["tickets"] ?? 0) tickets, \(s.counts["audit"] ?? 0) audit rows"
            + (s.auditHead.map { ", audit head \($0.prefix(16))…" } ?? "")
    }

    static func json(_ r: BackupService.Result) -> JSONValue {
        .object([("file", .string(r.path)), ("bytes", .int(r.summary.bytes)), ("schema_version", .int(r.summary.schemaVersion)),
                 ("counts", .object(r.summary.counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
                 ("audit_rows", r.summary.auditRows.map { .int($0) } ?? .null),
                 ("audit_head", r.summary.auditHead.map { .string($0) } ?? .null),
                 ("key", r.keyPath.map { .string($0) } ?? .null), ("checksum_verified", .bool(r.checksummed)), ("kept_as", r.keptAs.map { .string($0) } ?? .null),
                 ("seconds", .double(r.seconds))])
    }
}
