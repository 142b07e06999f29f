import Foundation
import DeskCore

/// `outbox send` and `outbox list` (SPEC §6): delivery with retries and exponential backoff; a delivered
/// message's password is wiped in the same transaction that marks it sent.
public struct OutboxService {
    let session: Session
    public init(session: Session) { self.session = session }

    public static let maxAttempts = 5
    public static let baseBackoffSeconds = 30.0

    public struct Report {
        public var attempted = 0
        public var sent = 0
        public var failed = 0
        public var retrying = 0
    }

    public func gatewayTemplate(override: String?) throws -> String {
        if let override { return override }
        return try session.settings.value(.smsGateway)
    }

    /// Supervisors and admins deliver; only an admin may name another gateway program, since it receives every
    /// queued password (SPEC §13).
    public func send(gateway override: String?, limit: Int = 1000, timeout: TimeInterval = 15) throws -> Report {
        try session.require(.supervisor, for: "outbox send")
        if override != nil { try session.require(.admin, for: "outbox send --gateway") }
        var wiped = 0
        // The wiped passwords' older page images are in the log until it is checkpointed: fold and truncate it so
        // none is left in the -wal file (with secure_delete, none in the database file either).
        defer { if wiped > 0 { Self.foldLog(session) } }
        let gateway = Gateway(template: try gatewayTemplate(override: override), timeout: timeout)
        _ = try gateway.argv(to: "", body: "")
        var report = Report()
        let due = try session.storage.outbox.due(at: session.clock.nowText, limit: limit)
        for m in due {
            if session.isCancelled() { break }
            // Two senders at once (a supervisor and a cron job) must not deliver one message twice.
            let lease = DateText.format(session.clock.now.addingTimeInterval(timeout + 60))
            guard try session.storage.transaction({
                try session.storage.outbox.claim(m.id, at: session.clock.nowText, leaseUntil: lease)
            }) else { continue }
            report.attempted += 1
            let outcome = gateway.send(to: m.toPhone, body: m.body)
            let now = session.clock.now
            try session.storage.transaction {
                switch outcome {
                case .delivered:
                    try session.storage.outbox.markSent(m.id, at: DateText.format(now), wipedBody: CredentialService.wipe(m.body))
                    wiped += 1
                    if let code = m.bhxhCode { try session.storage.registrations.setSMSStatus(code, "sent") }
                    try session.audit("sms_sent", target: m.bhxhCode, detail: TimelineDetail.make([("sms", "#\(m.id)"), ("to", Masking.phone(m.toPhone))]))
                    report.sent += 1
                case .failed(let error):
                    let attempts = m.attempts + 1
                    let giveUp = attempts >= Self.maxAttempts
                    let next = giveUp ? nil : DateText.format(now.addingTimeInterval(Self.baseBackoffSeconds * pow(2, Double(attempts - 1))))
                    try session.storage.outbox.markAttemptFailed(m.id, error: error, nextAttemptAt: next, giveUp: giveUp)
                    if giveUp, let code = m.bhxhCode {
                        try session.storage.registrations.setSMSStatus(code, "failed")
                        try session.storage.outbox.wipeBody(m.id, body: CredentialService.wipe(m.body))
                        wiped += 1
                    }
                    try session.audit(giveUp ? "sms_failed" : "sms_retry", target: m.bhxhCode, detail: TimelineDetail.make([("sms", "#\(m.id)"), ("attempt", String(attempts))], free: ("error", error)))
                    if giveUp { report.failed += 1 } else { report.retrying += 1 }
                }
            }
        }
        return report
    }

    /// Readers of other consoles may hold the log for a moment; try a few times, then leave it to the next send.
    static func foldLog(_ session: Session) {
        for attempt in 0..<5 {
            if session.storage.purgeOverwrittenContent() { return }
            usleep(useconds_t(50_000 * (attempt + 1)))
        }
    }

    public func list(status: String?, limit: Int) throws -> [OutboxMessage] {
        try session.require(.operatorRole, for: "outbox list")
        let rows = try session.storage.outbox.list(status: status, limit: limit)
        try session.audit("outbox_list", target: nil, detail: TimelineDetail.make([("messages", String(rows.count))]))
        return rows
    }
}
