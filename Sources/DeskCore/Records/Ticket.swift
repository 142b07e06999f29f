/// A ticket as listed and shown (SPEC §5).
public struct TicketSummary: Sendable {
    public var id: Int
    public var openedAt: String
    public var operatorLogin: String
    public var line: Int
    public var callerPhone: String?
    public var callerName: String?
    public var bhxhCode: String?
    public var category: String
    public var summary: String
    public var status: String
    public var priority: String
    public var firstResponseAt: String?
    public var resolvedAt: String?
    public var closedAt: String?
    public var resolution: String?
    public var assignedTo: String?
    public var pendingSince: String?
    public var pausedMinutes: Int

    public init(id: Int, openedAt: String, operatorLogin: String, line: Int, callerPhone: String? = nil,
                callerName: String? = nil, bhxhCode: String? = nil, category: String, summary: String,
                status: String, priority: String, firstResponseAt: String? = nil, resolvedAt: String? = nil,
                closedAt: String? = nil, resolution: String? = nil, assignedTo: String? = nil,
                pendingSince: String? = nil, pausedMinutes: Int) {
        self.id = id
        self.openedAt = openedAt
        self.operatorLogin = operatorLogin
        self.line = line
        self.callerPhone = callerPhone
        self.callerName = callerName
        self.bhxhCode = bhxhCode
        self.category = category
        self.summary = summary
        self.status = status
        self.priority = priority
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.resolution = resolution
        self.assignedTo = assignedTo
        self.pendingSince = pendingSince
        self.pausedMinutes = pausedMinutes
    }
}

public struct TicketNote: Sendable {
    public var at: String
    public var operatorLogin: String
    public var kind: String
    public var detail: String

    public init(at: String, operatorLogin: String, kind: String, detail: String) {
        self.at = at
        self.operatorLogin = operatorLogin
        self.kind = kind
        self.detail = detail
    }
}

/// Filters of `ticket list`; nil means any.
public struct TicketFilter: Sendable {
    public var statuses: [String]?
    public var operatorLogin: String?
    public var line: Int?
    public var category: String?
    public var from: String?
    public var to: String?
    public var callerPhone: String?
    public var bhxhCode: String?
    /// Assigned to this login (`ticket assign`).
    public var assignee: String?
    /// Opened by or assigned to this login (`--mine`, SPEC §5).
    public var involving: String?
    /// Keyset paging: only tickets older than this id (lists are newest first).
    public var beforeID: Int?
    public init() {}
}

/// A ticket's status (SPEC §5): open → pending → resolved → closed, and reopen.
public enum TicketStatus: String, Sendable, CaseIterable {
    case open, pending, resolved, closed
    /// Every status, in SPEC order: the one list the shell, the services and the schema's CHECK agree on.
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// What a call was about (SPEC §5); `other` is the default.
public enum TicketCategory: String, Sendable, CaseIterable {
    case install, register, photos, agency, declaration, login, password, child, account, scam, other
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// How urgent a ticket is; each has its own SLA targets.
public enum TicketPriority: String, Sendable, CaseIterable {
    case low, normal, high, urgent
    public static var names: [String] { allCases.map(\.rawValue) }
}
