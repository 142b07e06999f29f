/// What a verified copy holds.
public struct BackupSummary: Equatable, Sendable {
    public var counts: [String: Int]
    public var schemaVersion: Int
    public var bytes: Int
    /// The audit chain's length and head, when the copy's schema has the chain.
    public var auditRows: Int?
    public var auditHead: String?

    public init(counts: [String: Int], schemaVersion: Int, bytes: Int, auditRows: Int?, auditHead: String?) {
        self.counts = counts
        self.schemaVersion = schemaVersion
        self.bytes = bytes
        self.auditRows = auditRows
        self.auditHead = auditHead
    }
}
