import Foundation
import DeskCore

/// The time source, passed in so tests and `VSSDESK_NOW` replays control it.
public struct Clock: Sendable {
    private let fixed: Date?
    public init(fixed: Date? = nil) { self.fixed = fixed }
    public var now: Date { fixed ?? Date() }
    public var nowText: String { DateText.format(now) }
    public var today: String { DateText.deskDate(now) }
}
