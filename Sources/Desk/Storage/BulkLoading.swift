/// A many-row load in one transaction (import, demo): the storage may defer index work to `finish`.
public protocol BulkLoading: AnyObject {
    /// Brings every index up to date; before the transaction commits.
    func finish() throws
}

/// The two tables a bulk load fills.
public enum BulkTable: String, Sendable {
    case registrations, insured
}
