/// The settings an admin may change (`config set`), with their defaults and validation. The same check runs when a
/// value is written and when it is read (SPEC §13): a value put into the database behind vssdesk's back is reported
/// with its key, never acted on (a review deadline of 2^63−1 working days would walk the calendar forever).
public enum Setting: String, CaseIterable, Sendable {
    case deskAgency = "desk_agency"
    case reviewWorkingDays = "review_working_days"
    case holidays
    case smsGateway = "sms_gateway"
    case slaFirstResponseMin = "sla_first_response_min"
    case slaResolutionMin = "sla_resolution_min"
    case resendDailyLimit = "resend_daily_limit"
    /// The desk's language (SPEC §14); `VSSDESK_LANG`, when set, overrides it for one user.
    case language

    public var key: String { rawValue }

    public var defaultValue: String {
        switch self {
        case .deskAgency: return "07916"
        case .reviewWorkingDays: return "3"
        case .holidays: return ""
        case .smsGateway: return "gammu-smsd-inject TEXT {to} -unicode"
        case .slaFirstResponseMin: return "low=480,normal=120,high=60,urgent=15"
        case .slaResolutionMin: return "low=2400,normal=960,high=480,urgent=120"
        case .resendDailyLimit: return "3"
        case .language: return Language.default.rawValue
        }
    }

    /// Settings that decide who or what is trusted; changing them is an admin's act (all settings are today).
    public var changesTrust: Bool { self == .smsGateway }

    /// What is wrong with a value, said by the shell's catalog (`setting.*`).
    public enum Problem: String, MessageKey {
        case tooLong = "setting.tooLong"
        case controlCharacters = "setting.controlCharacters"
        case agencyShape = "setting.agencyShape"
        case wholeNumber = "setting.wholeNumber"
        case notADate = "setting.notADate"
        case gatewayNeedsTo = "setting.gatewayNeedsTo"
        case slaShape = "setting.slaShape"
        case language = "setting.language"
    }

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var key: String
        public var problem: DeskMessage
        public init(key: String, problem: DeskMessage) {
            self.key = key
            self.problem = problem
        }
        public var description: String { "\(key): \(problem)" }
    }

    public static var priorities: [String] { TicketPriority.names }
    /// A month of office minutes: any SLA target beyond it is a typo, not a policy.
    public static let maxSLAMinutes = 60 * 24 * 31
    public static let maxValueLength = 1_000

    /// Checks `value` for this key; the message names the key and what is expected.
    public func validate(_ value: String) throws {
        func fail(_ problem: Problem, _ arguments: [String: DeskMessage.Argument] = [:]) -> Invalid {
            Invalid(key: key, problem: DeskMessage(problem, arguments))
        }
        guard value.utf8.count <= Self.maxValueLength else { throw fail(.tooLong, ["max": .int(Self.maxValueLength)]) }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw fail(.controlCharacters)
        }
        switch self {
        case .deskAgency:
            guard AgencyCode(value) != nil else { throw fail(.agencyShape) }
        case .reviewWorkingDays, .resendDailyLimit:
            guard let n = Int(value), (1...60).contains(n) else { throw fail(.wholeNumber, ["min": 1, "max": 60]) }
        case .holidays:
            for d in value.split(whereSeparator: { $0 == "," || $0 == " " }) where DateText.parseDate(String(d)) == nil {
                throw fail(.notADate, ["value": .text(String(d))])
            }
        case .smsGateway:
            guard value.contains("{to}") else { throw fail(.gatewayNeedsTo) }
        case .slaFirstResponseMin, .slaResolutionMin:
            _ = try Self.parseSLA(value, key: key)
        case .language:
            guard Language(rawValue: value) != nil else { throw fail(.language, ["value": .text(value), "choices": .text(Language.choices)]) }
        }
    }

    /// `low=480,normal=120,high=60,urgent=15` → minutes per priority; each priority at most once, 1 minute to a month.
    public static func parseSLA(_ value: String, key: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for part in value.split(separator: ",") {
            let kv = part.split(separator: "=", omittingEmptySubsequences: false)
            let name = kv.first.map { String($0).trimmingSpaces } ?? ""
            guard kv.count == 2, priorities.contains(name), out[name] == nil,
                  let n = Int(String(kv[1]).trimmingSpaces), (1...maxSLAMinutes).contains(n) else {
                throw Invalid(key: key, problem: DeskMessage(Problem.slaShape, ["max": .int(maxSLAMinutes)]))
            }
            out[name] = n
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
