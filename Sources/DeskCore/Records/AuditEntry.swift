/// One row of the append-only audit trail.
public struct AuditEntry: Sendable {
    public var id: Int
    public var at: String
    public var operatorLogin: String
    public var action: String
    public var target: String?
    public var detail: String?
    public var ticketID: Int?

    public init(id: Int, at: String, operatorLogin: String, action: String, target: String? = nil,
                detail: String? = nil, ticketID: Int? = nil) {
        self.id = id
        self.at = at
        self.operatorLogin = operatorLogin
        self.action = action
        self.target = target
        self.detail = detail
        self.ticketID = ticketID
    }
}
