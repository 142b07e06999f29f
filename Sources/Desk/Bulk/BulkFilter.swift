import DeskCore

/// `--where status=approved,sms=failed,rule=SMS_FAILED,submitted-before=2025-03-01` (SPEC §9).
public struct BulkFilter: Sendable {
    public var registration = RegistrationFilter()
    public var rule: String?
    /// Ticket terms, for `bulk close-tickets`.
    public var tickets = TicketFilter()

    public static let registrationKeys = ["status", "sms", "agency", "kind", "rule", "submitted-before", "submitted-after"]
    public static let ticketKeys = ["status", "category", "line", "operator", "opened-before", "opened-after",
                                    "submitted-before", "submitted-after"]

    public static func parse(_ raw: String, forTickets: Bool) throws -> BulkFilter {
        var f = BulkFilter()
        let terms = raw.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        guard !terms.isEmpty else { throw DeskError.usage("--where needs at least one key=value term") }
        for term in terms {
            let kv = term.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[1].isEmpty else { throw DeskError.usage("--where term \"\(term)\" must be key=value") }
            let (key, value) = (kv[0], kv[1])
            let keys = forTickets ? ticketKeys : registrationKeys
            guard keys.contains(key) else {
                throw DeskError.usage("--where: unknown key \(key) (keys: \(keys.joined(separator: ", ")))")
            }
            func date() throws -> String {
                guard let d = DateText.parseInstant(value) else { throw DeskError.usage("--where \(key): \"\(value)\" is not a date") }
                return DateText.format(d)
            }
            if forTickets {
                switch key {
                case "status":
                    guard ["open", "pending", "resolved", "closed"].contains(value) else { throw DeskError.usage("--where status must be a ticket status") }
                    f.tickets.statuses = [value]
                case "category": f.tickets.category = value
                case "line":
                    guard let n = Int(value), HotlineLine.isValid(n) else { throw DeskError.usage("--where line must be \(HotlineLine.rangeText)") }
                    f.tickets.line = n
                case "operator": f.tickets.operatorLogin = value
                case "opened-before", "submitted-before": f.tickets.to = try date()
                default: f.tickets.from = try date()
                }
                continue
            }
            switch key {
            case "status":
                guard Registration.Status(rawValue: value) != nil else { throw DeskError.usage("--where status: unknown status \(value)") }
                f.registration.status = value
            case "sms":
                guard Registration.SMSStatus(rawValue: value) != nil else { throw DeskError.usage("--where sms must be none, queued, sent or failed") }
                f.registration.smsStatus = value
            case "agency": f.registration.agency = value
            case "kind":
                guard Registration.Kind(rawValue: value) != nil else { throw DeskError.usage("--where kind must be self or child") }
                f.registration.kind = value
            case "rule":
                guard Diagnosis.ruleCodes.contains(value) else { throw DeskError.usage("--where rule: unknown rule \(value)") }
                f.rule = value
            case "submitted-before": f.registration.submittedBefore = try date()
            default: f.registration.submittedAfter = try date()
            }
        }
        return f
    }
}
