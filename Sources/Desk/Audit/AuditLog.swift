import DeskCore

/// `audit` (SPEC §13): reading the trail, for supervisors and admins.
public struct AuditLog {
    let session: Session
    public init(session: Session) { self.session = session }

    /// Rows about `code` (its target, its displayed codes, its calls) or by `operator`, newest first.
    public func entries(operator login: String?, code: String?, from: String?, to: String?, action: String?,
                        limit: Int) throws -> [AuditEntry] {
        try session.require(.supervisor, for: "audit")
        return try session.storage.audit.list(operator: login, code: code, from: from, to: to, action: action, limit: limit)
    }
}
