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
        guard !terms.isEmpty else { throw DeskError.usage(.whereEmpty) }
        for term in terms {
            let kv = term.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, !kv[1].isEmpty else { throw DeskError.usage(.whereNotKeyValue, ["term": .text(term)]) }
            let (key, value) = (kv[0], kv[1])
            let keys = forTickets ? ticketKeys : registrationKeys
            guard keys.contains(key) else {
                throw DeskError.usage(.whereUnknownKey, ["key": .text(key), "keys": .text(keys.joined(separator: ", "))])
            }
            func date() throws -> String {
                guard let d = DateText.parseInstant(value) else { throw DeskError.usage(.whereNotADate, ["key": .text(key), "value": .text(value)]) }
                return DateText.format(d)
            }
            if forTickets {
                switch key {
                case "status":
                    guard TicketStatus.names.contains(value) else { throw DeskError.usage(.whereOneOf, ["key": "status", "value": .text(value), "values": .text(TicketStatus.names.joined(separator: ", "))]) }
                    f.tickets.statuses = [value]
                case "category": f.tickets.category = value
                case "line":
                    guard let n = Int(value), HotlineLine.isValid(n) else { throw DeskError.usage(.whereLine, ["range": .text(HotlineLine.rangeText)]) }
                    f.tickets.line = n
                case "operator": f.tickets.operatorLogin = value
                case "opened-before", "submitted-before": f.tickets.to = try date()
                default: f.tickets.from = try date()
                }
                continue
            }
            switch key {
            case "status":
                guard Registration.Status(rawValue: value) != nil else { throw DeskError.usage(.whereOneOf, ["key": "status", "value": .text(value), "values": .text(Registration.Status.allCases.map(\.rawValue).joined(separator: ", "))]) }
                f.registration.status = value
            case "sms":
                guard Registration.SMSStatus(rawValue: value) != nil else { throw DeskError.usage(.whereOneOf, ["key": "sms", "value": .text(value), "values": .text(Registration.SMSStatus.allCases.map(\.rawValue).joined(separator: ", "))]) }
                f.registration.smsStatus = value
            case "agency": f.registration.agency = value
            case "kind":
                guard Registration.Kind(rawValue: value) != nil else { throw DeskError.usage(.whereOneOf, ["key": "kind", "value": .text(value), "values": .text(Registration.Kind.allCases.map(\.rawValue).joined(separator: ", "))]) }
                f.registration.kind = value
            case "rule":
                guard Diagnosis.ruleCodes.contains(value) else { throw DeskError.usage(.whereOneOf, ["key": "rule", "value": .text(value), "values": .text(Diagnosis.ruleCodes.joined(separator: ", "))]) }
                f.rule = value
            case "submitted-before": f.registration.submittedBefore = try date()
            default: f.registration.submittedAfter = try date()
            }
        }
        return f
    }
}
