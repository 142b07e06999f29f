import Crypto
import Foundation
import DeskCore

/// `resend`: verify the caller, make a new temporary password, queue the credentials SMS (SPEC §6).
public struct CredentialService {
    let session: Session
    public init(session: Session) { self.session = session }

    public static let validHours = 72
    public static let maxFailedVerifications = 5

    public struct Result {
        public var bhxhCode: String
        public var smsID: Int
        public var to: String
        public var status: String
        /// Still-queued earlier messages this resend replaced (their bodies wiped, status `superseded`).
        public var superseded: [Int] = []
        /// A message to the same registration delivered in the last `recentMinutes`: the caller may have it already.
        public var recentlySent: OutboxMessage?
    }

    /// A message delivered this recently may still be on its way to the phone; the operator is told before the
    /// caller is given yet another password (SPEC §6).
    public static let recentMinutes = 15

    var dailyLimit: Int { get throws { try session.settings.int(.resendDailyLimit) } }

    /// The SMS, without diacritics so it fits one message, in the style of BHXH's own texts.
    static func smsBody(code: String, password: String) -> String {
        "BHXH VN: Tai khoan VssID \(code). Mat khau tam thoi: \(password) (hieu luc \(validHours) gio). Khong cung cap mat khau cho bat ky ai."
    }

    /// The body with the password blanked, for display and for what is kept after delivery.
    public static func wipe(_ body: String) -> String {
        guard let r = body.range(of: "Mat khau tam thoi: ") else { return body }
        let rest = body[r.upperBound...]
        let end = rest.firstIndex(of: " ") ?? rest.endIndex
        return String(body[..<r.upperBound]) + "********" + String(rest[end...])
    }

    /// When `maxFailedVerifications` failed verifications fall within one hour, resends are locked for an hour from the
    /// last of them; nil when not locked. (Counting only the failures of the last hour would free the lock as soon as
    /// the first of them is an hour old, however recent the fifth.)
    func lockedUntil(code: String, now: Date) throws -> Date? {
        let n = Self.maxFailedVerifications
        let since = DateText.format(now.addingTimeInterval(-2 * 3600))
        let times = try session.storage.audit.list(operator: nil, target: code, from: since, to: nil, action: "verify_failed", limit: 1000)
            .compactMap { DateText.parseInstant($0.at) }.sorted()
        guard times.count >= n else { return nil }
        var until: Date?
        for i in (n - 1)..<times.count where times[i].timeIntervalSince(times[i - n + 1]) <= 3600 {
            let end = times[i].addingTimeInterval(3600)
            if end > now { until = max(until ?? end, end) }
        }
        return until
    }

    public func resend(code: String, verify raw: String?, key: SymmetricKey? = nil) throws -> Result {
        guard let raw else {
            throw DeskError.usage(.resendNeedsVerify)
        }
        let verification = try Verification.parse(raw)
        let storage = session.storage
        guard let r = try storage.registrations.get(code) else { throw DeskError.notFound(.noRegistration, ["code": .text(code)]) }
        let now = session.clock.now
        if let until = try lockedUntil(code: code, now: now) {
            let locked = TimelineDetail.make([("reason", "locked")])
            try session.audit("resend_refused", target: code, detail: locked, timeline: locked)
            throw DeskError.invalid(.resendLocked, ["code": .text(code), "failures": .int(Self.maxFailedVerifications),
                                                    "until": .time(DateText.format(until))])
        }

        // Whose identity the caller must prove: the applicant's, or for a child the parent's.
        let subjectCode = r.kind == .child ? (r.parentBhxhCode ?? "") : code
        let subject = r.kind == .child ? try storage.registrations.get(subjectCode) : r
        let subjectInsured = try storage.insured.get(subjectCode)
        let verified = verification.matches(dob: subject?.dob, id: subject?.idNumber)
            || verification.matches(dob: subjectInsured?.dob, id: subjectInsured?.idNumber)
        guard verified else {
            try session.audit("verify_failed", target: code, detail: TimelineDetail.make([("reason", "mismatch")]),
                              timeline: "✗")
            throw DeskError.invalid(.verificationFailed)
        }

        guard [.approved, .credentialsSent, .active].contains(r.status) else {
            let findings = (try? DiagnosisService(session: session).diagnose(code, audit: false).1) ?? []
            let why = findings.filter { $0.severity == .error }.map {
                DeskMessage(ServiceText.findingLine, ["rule": .text($0.rule), "message": .message($0.message)])
            }
            throw DeskError.invalid(.noCredentialsYet, ["code": .text(code), "status": .value(group: "status", raw: r.status.rawValue),
                                                        "why": .list(why, .lines)])
        }
        let phone = (r.kind == .child ? subject?.phone ?? r.phone : r.phone) ?? ""
        guard Phone(phone).isMobile else {
            throw DeskError.invalid(.phoneCannotReceiveSMS, ["phone": .text(Masking.phone(phone))])
        }

        let key = try key ?? InstallKey.load(for: storage)
        let dayAgo = DateText.format(now.addingTimeInterval(-86400))
        let limit = try dailyLimit
        let recentSince = DateText.format(now.addingTimeInterval(-Double(Self.recentMinutes) * 60))
        let (smsID, superseded, recent): (Int, [Int], OutboxMessage?) = try storage.transaction {
            // Counted inside the write transaction (BEGIN IMMEDIATE), so two operators racing cannot both pass.
            let times = try storage.outbox.createdTimes(code: code, since: dayAgo)
            guard times.count < limit else {
                // The oldest of the messages that fill the window leaves it 24 hours after it was queued.
                let next = times.compactMap(DateText.parseInstant).dropLast(limit - 1).last.map { $0.addingTimeInterval(86400) }
                throw DeskError.invalid(.resendDailyLimit, ["code": .text(code), "limit": .int(limit),
                                                            "next": next.map { .time(DateText.format($0)) } ?? .message(DeskMessage(ServiceText.laterTime))])
            }
            let recent = try storage.outbox.sent(code: code, since: recentSince).first
            let (id, superseded) = try Self.issueSuperseding(storage: storage, code: code, phone: phone, key: key, at: now,
                                                             operator: session.actor.login, eventKind: "resend",
                                                             ticketID: session.openTicketID)
            try session.audit("resend", target: code,
                              detail: TimelineDetail.make([("sms", "#\(id)"), ("to", Masking.phone(phone)),
                                                           ("superseded", superseded.isEmpty ? nil : superseded.map { "#\($0)" }.joined(separator: ","))]),
                              timeline: TimelineDetail.make([("code", code), ("sms", "#\(id)"), ("to", Masking.phone(phone)),
                                                             ("superseded", superseded.isEmpty ? nil : superseded.map { "#\($0)" }.joined(separator: ","))]))
            return (id, superseded, recent)
        }
        // The superseded passwords' page images are in the log: fold it, as delivery does (SPEC §13).
        if !superseded.isEmpty { OutboxService.foldLog(session) }
        return Result(bhxhCode: code, smsID: smsID, to: Masking.phone(phone), status: "queued", superseded: superseded, recentlySent: recent)
    }

    /// Makes a new temporary password, keeps only its keyed hash, queues the SMS and records the event, in the
    /// caller's transaction; `resend` and `bulk resend` share it. Returns the SMS id.
    static func issue(storage: any DeskStorage, code: String, phone: String, key: SymmetricKey, at now: Date, operator login: String,
                      eventKind: String, ticketID: Int?) throws -> Int {
        try issueSuperseding(storage: storage, code: code, phone: phone, key: key, at: now, operator: login, eventKind: eventKind,
                             ticketID: ticketID).id
    }

    /// `issue`, returning also the still-queued earlier messages of the registration it superseded: each carries a
    /// password the new one replaces, so it is wiped and never delivered (a caller never gets two passwords of which
    /// only the last works, SPEC §6).
    static func issueSuperseding(storage: any DeskStorage, code: String, phone: String, key: SymmetricKey, at now: Date,
                                 operator login: String, eventKind: String, ticketID: Int?) throws -> (id: Int, superseded: [Int]) {
        var superseded: [Int] = []
        for old in try storage.outbox.queued(code: code) where try storage.outbox.supersede(old.id, wipedBody: wipe(old.body)) {
            superseded.append(old.id)
        }
        let password = TemporaryPassword.generate()
        let salt = TemporaryPassword.salt()
        let nowText = DateText.format(now)
        try storage.credentials.save(code: code, salt: salt, hash: TemporaryPassword.hash(password, salt: salt, key: key),
                                   createdAt: nowText, expiresAt: DateText.format(now.addingTimeInterval(Double(validHours) * 3600)))
        let id = try storage.outbox.enqueue(to: phone, body: smsBody(code: code, password: password), at: nowText,
                                          bhxhCode: code, ticketID: ticketID)
        try storage.registrations.markCredentialsQueued(code, at: nowText)
        // Words-free, so the history reads the same in every language: the event's kind is named on screen.
        try storage.registrations.addEvent(code: code, at: nowText, operator: login, kind: eventKind,
                                         detail: "SMS #\(id) → \(Masking.phone(phone))"
                                             + (superseded.isEmpty ? "" : "; ✗ " + superseded.map { "#\($0)" }.joined(separator: ", ")))
        return (id, superseded)
    }
}
