/// One queued or delivered SMS (SPEC §6 `sms_outbox`).
public struct OutboxMessage: Sendable {
    public var id: Int
    public var toPhone: String
    public var body: String
    public var status: String
    public var attempts: Int
    public var lastError: String?
    public var createdAt: String
    public var sentAt: String?
    public var nextAttemptAt: String?
    public var bhxhCode: String?
    public var ticketID: Int?

    public init(id: Int, toPhone: String, body: String, status: String, attempts: Int, lastError: String? = nil,
                createdAt: String, sentAt: String? = nil, nextAttemptAt: String? = nil, bhxhCode: String? = nil,
                ticketID: Int? = nil) {
        self.id = id
        self.toPhone = toPhone
        self.body = body
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.nextAttemptAt = nextAttemptAt
        self.bhxhCode = bhxhCode
        self.ticketID = ticketID
    }
}

/// Where an SMS is: a queued message a newer resend replaces becomes `superseded` (SPEC §6).
public enum OutboxStatus: String, Sendable, CaseIterable {
    case queued, sent, failed, superseded
    public static var names: [String] { allCases.map(\.rawValue) }
}
