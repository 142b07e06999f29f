/// What `diagnose --stuck`, `stats --by rule` and `bulk … rule=` ask the storage to narrow by: the settings the
/// error rules read. The storage answers with candidates; the pure rules confirm each one.
public struct StuckCriteria: Sendable, Equatable {
    public var deskAgency: String
    /// YYYY-MM-DD, desk time.
    public var today: String
    /// Whether the insured extract is loaded (NOT_IN_REGISTRY only fires then).
    public var insuredLoaded: Bool

    public init(deskAgency: String, today: String, insuredLoaded: Bool) {
        self.deskAgency = deskAgency
        self.today = today
        self.insuredLoaded = insuredLoaded
    }
}
