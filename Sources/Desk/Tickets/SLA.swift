import Foundation
import DeskCore

/// SLA targets per priority, in office minutes (SPEC §5), read from settings like
/// `sla_first_response_min = low=480,normal=120,high=60,urgent=15`.
public struct SLAPolicy: Sendable {
    public var firstResponse: [String: Int]
    public var resolution: [String: Int]
    public var calendar: OfficeCalendar

    public static let defaultFirstResponse = "low=480,normal=120,high=60,urgent=15"
    public static let defaultResolution = "low=2400,normal=960,high=480,urgent=120"

    public static func parse(_ s: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in s.split(separator: ",") {
            let kv = part.split(separator: "=")
            if kv.count == 2, let n = Int(kv[1].trimmingCharacters(in: .whitespaces)) {
                out[kv[0].trimmingCharacters(in: .whitespaces)] = n
            }
        }
        return out
    }

    public static func load(_ settings: Settings, today: String) throws -> SLAPolicy {
        let first = try settings.sla(.slaFirstResponseMin)
        let resolution = try settings.sla(.slaResolutionMin)
        let configured = try settings.holidays()
        let year = Int(today.prefix(4)) ?? 2025
        let fixed = Set((year - 2...year + 1).flatMap { OfficeCalendar.vietnamFixedHolidays(year: $0) })
        return SLAPolicy(firstResponse: first, resolution: resolution, calendar: OfficeCalendar(holidays: configured.union(fixed)))
    }

    public struct State: Sendable {
        /// Office minutes the ticket has been running (pending time excluded).
        public var elapsed: Int
        /// Office minutes from opening to the first response (nil while there is none).
        public var firstResponseMinutes: Int?
        public var firstResponseDue: Int?
        public var resolutionDue: Int?
        public var firstResponseBreached: Bool
        public var resolutionBreached: Bool
        /// Office minutes left before the nearest target that is still running (nil when none runs).
        public var minutesLeft: Int?
    }

    /// Where a ticket stands against its targets at `now`.
    public func state(_ t: TicketSummary, now: Date) -> State {
        guard let opened = DateText.parseInstant(t.openedAt) else {
            return State(elapsed: 0, firstResponseMinutes: nil, firstResponseDue: nil, resolutionDue: nil, firstResponseBreached: false, resolutionBreached: false, minutesLeft: nil)
        }
        let end: Date
        if let resolved = t.resolvedAt.flatMap(DateText.parseInstant), t.status == "resolved" || t.status == "closed" {
            end = resolved
        } else {
            end = now
        }
        var paused = t.pausedMinutes
        if t.status == "pending", let since = t.pendingSince.flatMap(DateText.parseInstant) {
            paused += calendar.officeMinutes(from: since, to: end)
        }
        let elapsed = max(0, calendar.officeMinutes(from: opened, to: end) - paused)
        let firstTarget = firstResponse[t.priority]
        let resTarget = resolution[t.priority]
        let responseAt = t.firstResponseAt.flatMap(DateText.parseInstant)
        let responseMinutes = responseAt.map { calendar.officeMinutes(from: opened, to: $0) }
        let firstBreached = firstTarget.map { target in (responseMinutes ?? elapsed) > target } ?? false
        let resBreached = resTarget.map { elapsed > $0 } ?? false
        var left: [Int] = []
        let running = t.status == "open" || t.status == "pending"
        if running, responseAt == nil, let ft = firstTarget { left.append(ft - elapsed) }
        if running, let rt = resTarget { left.append(rt - elapsed) }
        return State(elapsed: elapsed, firstResponseMinutes: responseMinutes, firstResponseDue: firstTarget, resolutionDue: resTarget, firstResponseBreached: firstBreached,
                     resolutionBreached: resBreached, minutesLeft: left.min())
    }
}
