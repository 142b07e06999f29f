/// One history entry of a registration.
public struct RegistrationEvent: Sendable {
    public var at: String
    public var operatorLogin: String?
    public var kind: String
    public var detail: String

    public init(at: String, operatorLogin: String? = nil, kind: String, detail: String) {
        self.at = at
        self.operatorLogin = operatorLogin
        self.kind = kind
        self.detail = detail
    }
}

/// Filters shared by search narrowing, `diagnose --stuck` and bulk fixes; nil means "any".
public struct RegistrationFilter: Sendable {
    public var status: String?
    public var smsStatus: String?
    public var agency: String?
    public var kind: String?
    public var submittedBefore: String?
    public var submittedAfter: String?
    public init() {}
}

/// What registrations are counted by (`stats registrations --by status|agency`, …).
public enum RegistrationField: String, Sendable, CaseIterable {
    case status, agency, kind, smsStatus
}

/// What a person of the insured extract is looked up by.
public enum InsuredKey: String, Sendable, CaseIterable {
    case bhxhCode, idNumber, phone
}
