import Crypto
import Foundation
import DeskCore

/// Bulk fixes (SPEC §9): a dry run shows what would change; a real run commits in chunks with an audit row per
/// change, can be interrupted between chunks (what was committed stays, and is skipped on a re-run) and ends with a
/// summary.
public struct BulkService {
    let session: Session
    public init(session: Session) { self.session = session }

    public enum Action: String, CaseIterable {
        case resend, setStatus = "set-status", setAgency = "set-agency", closeTickets = "close-tickets"
    }

    /// SPEC §9. A dry run changes nothing: `changed` is 0 and `wouldChange` counts what a real run would change
    /// (a real run's `wouldChange` equals its `changed`), so a script that reads `changed` never takes a preview for
    /// work done.
    public struct Summary {
        public var action: String
        public var dryRun: Bool
        public var matched = 0
        public var changed = 0
        public var wouldChange = 0
        public var skipped = 0
        /// Why matching rows were left alone: `SkipReason` raw values and how many rows each.
        public var skippedReasons: [String: Int] = [:]
        public var interrupted = false
        public var sample: [String] = []

        /// Whether a resend replaced a still-queued message (whose wiped password is still in the log).
        var supersededPasswords = false

        mutating func skip(_ reason: SkipReason) {
            skipped += 1
            skippedReasons[reason.rawValue, default: 0] += 1
        }

        mutating func change(_ id: String) {
            if sample.count < 20 { sample.append(id) }
            wouldChange += 1
            if !dryRun { changed += 1 }
        }
    }

    /// The machine values of `skipped_reasons` (the same in every language, like the other JSON values).
    public enum SkipReason: String, CaseIterable {
        /// resend: not approved yet (or rejected): there is no account to send credentials for.
        case notApproved = "not_approved"
        /// resend: the registered phone cannot receive an SMS.
        case noMobile = "no_mobile"
        /// resend: an SMS was made in the last 24 hours (so a re-run never double-sends).
        case sentLast24h = "sent_last_24h"
        /// set-status, set-agency: already has the new value.
        case unchanged
        /// close-tickets: the ticket's status cannot go to closed.
        case notClosable = "not_closable"
    }

    public static let chunkSize = 1000
    public var progress: ((Int, Int) -> Void)?

    /// Matching registrations, in keyset pages; a `rule=` term is confirmed by the pure rules.
    func forEachRegistration(_ filter: BulkFilter, _ body: ([Registration]) throws -> Bool) throws {
        let diagnosis = DiagnosisService(session: session)
        let ctx = try diagnosis.context()
        var after: String?
        while true {
            var page: [Registration]
            if let rule = filter.rule, session.storage.registrations.stuckRules.contains(rule) {
                page = try session.storage.registrations.stuckCandidates(try diagnosis.stuckCriteria(ctx), rule: rule,
                                                                         agency: filter.registration.agency, after: after,
                                                                         limit: Self.chunkSize)
                page = page.filter { r in
                    (filter.registration.status == nil || r.status.rawValue == filter.registration.status)
                        && (filter.registration.smsStatus == nil || r.smsStatus.rawValue == filter.registration.smsStatus)
                        && (filter.registration.kind == nil || r.kind.rawValue == filter.registration.kind)
                        && (filter.registration.submittedBefore == nil || (r.submittedAt ?? "") < filter.registration.submittedBefore!)
                        && (filter.registration.submittedAfter == nil || (r.submittedAt ?? "") >= filter.registration.submittedAfter!)
                }
            } else {
                page = try session.storage.registrations.list(filter.registration, afterCode: after, limit: Self.chunkSize)
            }
            let last = page.last?.bhxhCode
            if let rule = filter.rule {
                page = try page.filter { r in Diagnosis.run(try diagnosis.snapshot(r), ctx).contains { $0.rule == rule } }
            }
            if last == nil { return }
            after = last
            if !page.isEmpty, try !body(page) { return }
        }
    }

    public func run(_ action: Action, filter raw: String, value: String?, reason: String?, dryRun: Bool) throws -> Summary {
        try session.require(.supervisor, for: "bulk \(action.rawValue)")
        let filter = try BulkFilter.parse(raw, forTickets: action == .closeTickets)
        var summary = Summary(action: action.rawValue, dryRun: dryRun)
        switch action {
        case .setStatus:
            let statuses = Registration.Status.allCases.map(\.rawValue).joined(separator: "|")
            guard let value else { throw DeskError.usage(.bulkNeedsTo, ["action": "set-status", "values": .text(statuses)]) }
            guard let status = Registration.Status(rawValue: value) else {
                throw DeskError.usage(.bulkBadStatus, ["value": .text(value), "values": .text(statuses)])
            }
            if status == .rejected && (reason ?? "").isEmpty { throw DeskError.usage(.bulkRejectNeedsReason) }
        case .setAgency:
            guard let value else { throw DeskError.usage(.bulkNeedsTo, ["action": "set-agency", "values": "07916"]) }
            guard AgencyCode(value) != nil else {
                throw DeskError.usage(.bulkBadAgency, ["value": .text(value)])
            }
        default: break
        }
        if action == .closeTickets {
            try closeTickets(filter, &summary)
        } else {
            let key: SymmetricKey? = action == .resend && !dryRun ? try InstallKey.load(for: session.storage) : nil
            try forEachRegistration(filter) { page in
                if !dryRun && session.isCancelled() { summary.interrupted = true; return false }
                try apply(action, page, value: value, reason: reason, dryRun: dryRun, key: key, &summary)
                progress?(summary.matched, summary.changed)
                return true
            }
        }
        // Superseded passwords' page images are in the log: fold it, as a single resend and delivery do (SPEC §13).
        if summary.supersededPasswords { OutboxService.foldLog(session) }
        try session.audit("bulk_\(action.rawValue)", target: raw,
                          detail: TimelineDetail.make([("dry_run", dryRun ? "1" : nil), ("matched", String(summary.matched)),
                                                        (dryRun ? "would_change" : "changed", String(dryRun ? summary.wouldChange : summary.changed)),
                                                        ("skipped", String(summary.skipped)), ("interrupted", summary.interrupted ? "1" : nil)]))
        return summary
    }

    func apply(_ action: Action, _ page: [Registration], value: String?, reason: String?, dryRun: Bool, key: SymmetricKey?,
               _ s: inout Summary) throws {
        let storage = session.storage
        let now = session.clock.now
        let nowText = DateText.format(now)
        let dayAgo = DateText.format(now.addingTimeInterval(-86400))
        var local = s
        try storage.transaction {
            for r in page {
                local.matched += 1
                let skip: SkipReason?
                switch action {
                case .resend:
                    // Idempotent: a registration already sent something in the last 24 hours is skipped, so a re-run
                    // after an interruption never double-sends; the 3-a-day limit is honoured the same way.
                    if ![.approved, .credentialsSent, .active].contains(r.status) { skip = .notApproved }
                    else if !Phone(r.phone ?? "").isMobile { skip = .noMobile }
                    else if try storage.outbox.countSince(code: r.bhxhCode, since: dayAgo) > 0 { skip = .sentLast24h }
                    else { skip = nil }
                case .setStatus: skip = r.status.rawValue == value ? .unchanged : nil
                case .setAgency: skip = r.agencyCode == value ? .unchanged : nil
                case .closeTickets: skip = .unchanged
                }
                if let skip { local.skip(skip); continue }
                local.change(r.bhxhCode)
                if dryRun { continue }
                switch action {
                case .resend:
                    let (id, superseded) = try CredentialService.issueSuperseding(
                        storage: storage, code: r.bhxhCode, phone: r.phone!, key: key!, at: now, operator: session.actor.login,
                        eventKind: "bulk_resend", ticketID: nil)
                    if !superseded.isEmpty { local.supersededPasswords = true }
                    try session.audit("bulk_resend", target: r.bhxhCode, detail: TimelineDetail.make([
                        ("sms", "#\(id)"), ("superseded", superseded.isEmpty ? nil : superseded.map { "#\($0)" }.joined(separator: ","))]))
                case .setStatus:
                    try storage.registrations.setStatus(r.bhxhCode, status: value!, smsStatus: nil, rejectReason: reason, at: nowText,
                                                      operator: session.actor.login, eventKind: "bulk_set_status",
                                                      detail: "\(r.status.rawValue) → \(value!)" + (reason.map { ": \($0)" } ?? ""))
                    try session.audit("bulk_set_status", target: r.bhxhCode, detail: "\(r.status.rawValue) → \(value!)")
                case .setAgency:
                    try storage.registrations.setAgency(r.bhxhCode, agency: value!, at: nowText, operator: session.actor.login)
                    try session.audit("bulk_set_agency", target: r.bhxhCode, detail: "\(r.agencyCode ?? "-") → \(value!)")
                case .closeTickets: break
                }
            }
        }
        s = local
    }

    func closeTickets(_ filter: BulkFilter, _ s: inout Summary) throws {
        var f = filter.tickets
        if f.statuses == nil { f.statuses = ["resolved"] }
        let tickets = TicketService(session: session)
        let rows = try session.storage.tickets.list(f, limit: 10_000_000)
        for chunk in stride(from: 0, to: rows.count, by: Self.chunkSize).map({ Array(rows[$0..<min($0 + Self.chunkSize, rows.count)]) }) {
            if !s.dryRun && session.isCancelled() { s.interrupted = true; return }
            var local = s
            try session.storage.transaction {
                for t in chunk {
                    local.matched += 1
                    guard TicketService.transitions[t.status]?.contains("closed") == true else { local.skip(.notClosable); continue }
                    local.change("#\(t.id)")
                    if !local.dryRun { _ = try tickets.transition(t.id, to: "closed") }
                }
            }
            s = local
            progress?(s.matched, s.changed)
        }
    }
}
