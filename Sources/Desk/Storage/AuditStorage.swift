import DeskCore

/// The append-only audit trail (a hash chain).
public protocol AuditStorage: AnyObject {
    /// Appends one row, linked to the last; `codes` are the mã số BHXH the action displayed.
    func record(at: String, operator login: String, action: String, target: String?, detail: String?,
                ticketID: Int?, codes: [String]) throws
    /// Row count and the last row's hash.
    func head() throws -> (rows: Int, hash: String)
    /// The protecting triggers that are missing or differ from the schema's.
    func triggerProblems() throws -> (missing: [String], altered: [String])
    /// How many rows of `action` on `target` since `since` (verification failures, …).
    func count(action: String, target: String, since: String) throws -> Int
    /// Rows whose target is exactly `target`, newest first.
    func list(operator login: String?, target: String?, from: String?, to: String?, action: String?,
              limit: Int) throws -> [AuditEntry]
    /// Rows about a registration (its target, its displayed codes, its calls), newest first.
    func list(operator login: String?, code: String?, from: String?, to: String?, action: String?,
              limit: Int) throws -> [AuditEntry]
    /// Recomputes the chain from the first row; `keptHead` must still be in it.
    func walkChain(keptHead: String?) throws -> AuditChainWalk
}
