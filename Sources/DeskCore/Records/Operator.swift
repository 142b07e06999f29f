/// A person who works the desk.
public struct Operator: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable, Comparable {
        case operatorRole = "operator", supervisor, admin
        var rank: Int { self == .operatorRole ? 0 : self == .supervisor ? 1 : 2 }
        public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
    }
    public var login: String
    public var displayName: String
    public var line: Int?
    public var role: Role
    public var active: Bool

    public init(login: String, displayName: String, line: Int?, role: Role, active: Bool = true) {
        self.login = login
        self.displayName = displayName
        self.line = line
        self.role = role
        self.active = active
    }
}
