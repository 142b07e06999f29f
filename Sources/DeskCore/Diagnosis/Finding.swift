/// One thing diagnosis found wrong (or worth knowing) about a registration.
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case error, warning, info
        var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// `error` < `warning` < `info`, so sorting ascending puts the most severe first.
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// The stable rule code of SPEC §4 (e.g. `PHONE_INVALID`).
    public var rule: String
    public var severity: Severity
    /// What is wrong, for the operator to read out (said by the shell's catalog, `finding.*`).
    public var message: DeskMessage
    /// The next action, a vssdesk command where one exists.
    public var action: DeskMessage
    /// The knowledge-base article id that explains the fix.
    public var kb: String

    public init(rule: String, severity: Severity, message: DeskMessage, action: DeskMessage, kb: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.action = action
        self.kb = kb
    }
}

/// Everything a rule may look at: the registration and what the store knows around it.
public struct DiagnosisSnapshot: Sendable {
    public var registration: Registration
    /// The insured-registry row with the same mã số BHXH, if any.
    public var insured: InsuredPerson?
    /// Whether the insured extract has been loaded at all (NOT_IN_REGISTRY only fires then).
    public var insuredLoaded: Bool
    /// For a child registration: the parent's registration, if there is one.
    public var parent: Registration?
    /// For a child registration: the parent's insured row (for the parent's CCCD and date of birth), if any.
    public var parentInsured: InsuredPerson?
    /// Other `self` registrations declaring the same phone (excluding this one).
    public var sharedPhoneCodes: [String]

    public init(registration: Registration, insured: InsuredPerson? = nil, insuredLoaded: Bool = false,
                parent: Registration? = nil, parentInsured: InsuredPerson? = nil, sharedPhoneCodes: [String] = []) {
        self.registration = registration
        self.insured = insured
        self.insuredLoaded = insuredLoaded
        self.parent = parent
        self.parentInsured = parentInsured
        self.sharedPhoneCodes = sharedPhoneCodes
    }
}

/// What rules need from the world, passed in so they stay pure.
public struct DiagnosisContext: Sendable {
    /// The desk's calendar date (`YYYY-MM-DD`, Asia/Ho_Chi_Minh).
    public var today: String
    /// Now, as stored instants are (`…Z`), for comparisons with `submitted_at` etc.
    public var now: String
    public var deskAgency: String
    /// Review deadline in working days (default 3).
    public var reviewWorkingDays: Int
    /// Public holidays (`YYYY-MM-DD`) that are not working days.
    public var holidays: Set<String>
    /// Days after which credentials never used count as NEVER_LOGGED_IN (default 7).
    public var neverLoggedInDays: Int

    public init(today: String, now: String, deskAgency: String = "07916", reviewWorkingDays: Int = 3,
                holidays: Set<String> = [], neverLoggedInDays: Int = 7) {
        self.today = today
        self.now = now
        self.deskAgency = deskAgency
        self.reviewWorkingDays = reviewWorkingDays
        self.holidays = holidays
        self.neverLoggedInDays = neverLoggedInDays
    }
}
