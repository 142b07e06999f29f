import Desk
import DeskCore

/// The settings an admin may change, with their defaults and validation.
enum ConfigKeys {
    static let defaults: [(String, String)] = [
        ("desk_agency", "07916"),
        ("review_working_days", "3"),
        ("holidays", ""),
        ("sms_gateway", "gammu-smsd-inject TEXT {to} -unicode -text {body}"),
        ("sla_first_response_min", "low=480,normal=120,high=60,urgent=15"),
        ("sla_resolution_min", "low=2400,normal=960,high=480,urgent=120"),
        ("resend_daily_limit", "3"),
    ]
    static var all: [String] { defaults.map(\.0) }

    static func value(_ key: String, session: Session) throws -> String {
        guard let def = defaults.first(where: { $0.0 == key }) else {
            throw DeskError.usage("unknown setting \"\(key)\"; settings: \(all.joined(separator: ", "))")
        }
        return try session.store.config.get(key) ?? def.1
    }

    static func validate(_ key: String, _ value: String) throws {
        guard all.contains(key) else { throw DeskError.usage("unknown setting \"\(key)\"; settings: \(all.joined(separator: ", "))") }
        switch key {
        case "desk_agency":
            guard AgencyCode(value) != nil else { throw DeskError.invalid("desk_agency must be an agency code like 07916") }
        case "review_working_days", "resend_daily_limit":
            guard let n = Int(value), (1...60).contains(n) else { throw DeskError.invalid("\(key) must be a whole number 1–60") }
        case "holidays":
            for d in value.split(whereSeparator: { $0 == "," || $0 == " " }) where DateText.parseDate(String(d)) == nil {
                throw DeskError.invalid("holidays: \"\(d)\" is not a date (YYYY-MM-DD)")
            }
        case "sms_gateway":
            guard value.contains("{to}"), value.contains("{body}") else {
                throw DeskError.invalid("sms_gateway must contain {to} and {body}")
            }
        default: break
        }
    }
}
