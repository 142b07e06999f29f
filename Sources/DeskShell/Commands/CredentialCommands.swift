import Foundation
import Desk
import DeskCore

enum CredentialCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("resend", group: .calls, synopsis: "resend [CODE] --verify dob=YYYY-MM-DD,id=NUMBER",
                        summary: "command.resend",
                        flags: [FlagSpec("--verify", value: "dob=…,id=…", "flag.verify",
                                         completion: .choices(["dob=YYYY-MM-DD,id="]))],
                        example: "resend 7912345678 --verify dob=1990-05-17,id=079090001234", run: resend),
            CommandSpec("outbox send", group: .supervisors, role: .supervisor, synopsis: "outbox send [--gateway TEMPLATE] [--timeout S]",
                        summary: "command.outbox.send",
                        flags: [FlagSpec("--gateway", value: "TEMPLATE", "flag.gateway", role: .admin),
                                FlagSpec("--timeout", value: "S", "flag.timeout")],
                        example: "outbox send", run: send),
            CommandSpec("outbox list", group: .supervisors, synopsis: "outbox list [--status S] [--limit N]",
                        summary: "command.outbox.list",
                        flags: [FlagSpec("--status", value: "S", "flag.status.outbox.list", completion: .choices(["queued", "sent", "failed", "superseded"])),
                                FlagSpec("--limit", value: "N", "flag.limit.ticket.list")],
                        example: "outbox list --status failed", run: list),
        ]
    }

    static func resend(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let code = try RegistrationService(session: shell.session).resolveCode(inv.positional.first)
        let r = try CredentialService(session: shell.session).resend(code: code, verify: inv.value("--verify"))
        let recent = r.recentlySent.map { m -> JSONValue in
            .object([("sms_id", .int(m.id)), ("sent_at", .str(m.sentAt))])
        }
        let json = JSONValue.object([("bhxh_code", .string(r.bhxhCode)), ("sms_id", .int(r.smsID)), ("to", .string(r.to)),
                                     ("status", .string(r.status)), ("superseded", .array(r.superseded.map { .int($0) })),
                                     ("recently_sent", recent ?? .null)])
        let c = shell.catalog
        var lines: [String] = []
        if let m = r.recentlySent {
            lines.append(c.text("resend.recent", ["id": .text(String(m.id)), "to": .text(r.to), "at": .text(DateText.deskDisplay(m.sentAt)),
                                                  "minutes": .text(c.minutes(CredentialService.recentMinutes))]))
        }
        if !r.superseded.isEmpty {
            lines.append(c.text("resend.superseded", ["ids": .text(r.superseded.map { "#\($0)" }.joined(separator: ", "))]))
        }
        lines += [c.text("resend.queued", ["id": .text(String(r.smsID)), "hours": .int(CredentialService.validHours), "to": .text(r.to)]),
                  c.text("resend.tell", ["code": .text(r.bhxhCode)])]
        return CommandOutput(json: json, lines: lines)
    }

    static func send(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let timeout = TimeInterval(try inv.int("--timeout", default: 15))
        let r = try OutboxService(session: shell.session).send(gateway: inv.value("--gateway"), timeout: timeout)
        return .message(shell.catalog.text("outbox.sent", ["tried": .int(r.attempted), "sent": .int(r.sent), "retrying": .int(r.retrying), "failed": .int(r.failed)]),
                        json: .object([("attempted", .int(r.attempted)), ("sent", .int(r.sent)), ("retrying", .int(r.retrying)),
                                       ("failed", .int(r.failed))]))
    }

    static func list(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let rows = try OutboxService(session: shell.session).list(status: inv.value("--status"), limit: try inv.int("--limit", default: 50))
        let json = JSONValue.object([("results", .array(rows.map {
            .object([("id", .int($0.id)), ("to_phone", .string(Masking.phone($0.toPhone))), ("body", .string(CredentialService.wipe($0.body))),
                     ("status", .string($0.status)), ("attempts", .int($0.attempts)), ("last_error", .str($0.lastError)),
                     ("created_at", .string($0.createdAt)), ("sent_at", .str($0.sentAt)), ("bhxh_code", .str($0.bhxhCode)),
                     ("ticket_id", .num($0.ticketID))])
        }))])
        let c = shell.catalog
        return CommandOutput(json: json, tables: [CommandOutput.Table(columns: ["#"] + RegistrationViews.columns(["to", "status", "attempts", "created_at", "sent_at",
                                                                                                             "bhxh_code", "last_error"], c),
                                                                      rows: rows.map { ["\($0.id)", Masking.phone($0.toPhone), c.value("outbox", $0.status), "\($0.attempts)",
                                                                                        DateText.deskDisplay($0.createdAt), DateText.deskDisplay($0.sentAt),
                                                                                        $0.bhxhCode ?? "", $0.lastError.map { AuditView.gatewayFailure($0, c) } ?? ""] }, wrapped: [7])])
    }
}
