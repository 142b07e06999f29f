import Foundation
import DeskStore
import DeskCore

/// `init` and `operator add|list|disable` (SPEC §12).
public struct OperatorService {
    let session: Session
    public init(session: Session) { self.session = session }

    /// Makes `login` the first admin of a new database; refuses when operators exist already.
    public static func bootstrap(store: Store, login: String, displayName: String, at: String) throws {
        guard try store.operators.count() == 0 else { return }
        try store.transaction {
            try store.operators.upsert(Operator(login: login, displayName: displayName, line: nil, role: .admin), at: at)
            try store.audit.record(at: at, operator: login, action: "init", target: login, detail: "first admin", ticketID: nil)
        }
    }

    public func add(login: String, displayName: String?, line: Int?, role: Operator.Role) throws -> Operator {
        try session.require(.admin, for: "operator add")
        guard login.range(of: "^[a-z_][a-z0-9_.-]{0,31}$", options: .regularExpression) != nil else {
            throw DeskError.invalid("\"\(login)\" is not a login name (lowercase letters, digits, . _ -)")
        }
        if let line, !HotlineLine.isValid(line) { throw DeskError.invalid("line must be \(HotlineLine.rangeText), got \(line)") }
        let op = Operator(login: login, displayName: displayName?.nfcTrimmed ?? login, line: line, role: role)
        try session.store.transaction {
            try session.store.operators.upsert(op, at: session.clock.nowText)
            try session.audit("operator_add", target: login, detail: "role=\(role.rawValue) line=\(line.map(String.init) ?? "-")")
        }
        return op
    }

    public func list() throws -> [Operator] {
        try session.require(.admin, for: "operator list")
        return try session.store.operators.list()
    }

    public func disable(_ login: String) throws {
        try session.require(.admin, for: "operator disable")
        guard login != session.actor.login else { throw DeskError.invalid("you cannot disable yourself") }
        try session.store.transaction {
            guard try session.store.operators.setActive(login, false) else { throw DeskError.notFound("no operator \(login)") }
            try session.audit("operator_disable", target: login)
        }
    }
}

extension String {
    var nfcTrimmed: String { precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) }
}
