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
        let c = shell.catalog
        var lines = [c.text("backup.wrote", ["path": .text(r.path), "kb": .int(r.summary.bytes / 1024), "summary": .text(describe(r.summary, c)),
                                             "seconds": .decimal(r.seconds, places: 1)])]
        lines.append(r.keyPath.map { c.text("backup.key", ["key": .text($0)]) } ?? c.text("backup.noKey"))
        return CommandOutput(json: json(r), lines: lines)
    }

    static func restore(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard inv.positional.count == 1 else { throw inv.usage() }
        let r = try BackupService(session: shell.session).restore(from: inv.positional[0])
        let c = shell.catalog
        var lines = [c.text("restore.done", ["path": .text(r.path), "summary": .text(describe(r.summary, c)), "kept": .text(r.keptAs ?? "-")])]
        if r.keyPath == nil { lines.append(c.text("restore.noKey")) }
        if !r.checksummed { lines.append(c.text("restore.noChecksum")) }
        return CommandOutput(json: json(r), lines: lines)
    }

    static func describe(_ s: BackupSummary, _ c: Catalog) -> String {
        c.text("backup.counts", ["registrations": .int(s.counts["registrations"] ?? 0), "tickets": .int(s.counts["tickets"] ?? 0),
                                 "audit": .int(s.counts["audit"] ?? 0)])
            + (s.auditHead.map { c.text("backup.head", ["head": .text(String($0.prefix(16)))]) } ?? "")
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
