import Foundation
import DeskCore

/// `init` and `operator add|list|disable` (SPEC §12).
public struct OperatorService {
    let session: Session
    public init(session: Session) { self.session = session }

    /// Makes `login` the first admin of a new database; refuses when operators exist already.
    public static func bootstrap(storage: any DeskStorage, login: String, displayName: String, at: String) throws {
        guard try storage.operators.count() == 0 else { return }
        try storage.transaction {
            try storage.operators.upsert(Operator(login: login, displayName: displayName, line: nil, role: .admin), at: at)
            try storage.audit.record(at: at, operator: login, action: "init", target: login, detail: TimelineDetail.make([("first", "1"), ("role", "admin")]), ticketID: nil)
        }
    }

    /// The operator `login` if active: who a process acts as (a disabled or unknown login gets nothing at all).
    public static func activeOperator(_ login: String, in storage: any DeskStorage) throws -> Operator? {
        guard let op = try storage.operators.get(login), op.active else { return nil }
        return op
    }

    /// The operator `login`, active or not (`init` on an existing desk says which).
    public static func lookUp(_ login: String, in storage: any DeskStorage) throws -> Operator? {
        try storage.operators.get(login)
    }

    public func add(login: String, displayName: String?, line: Int?, role: Operator.Role) throws -> Operator {
        try session.require(.admin, for: "operator add")
        guard login.range(of: "^[a-z_][a-z0-9_.-]{0,31}$", options: .regularExpression) != nil else {
            throw DeskError.invalid(.badLogin, ["login": .text(login)])
        }
        if let line, !HotlineLine.isValid(line) { throw DeskError.invalid(.badLine, ["range": .text(HotlineLine.rangeText), "line": .text(String(line))]) }
        let op = Operator(login: login, displayName: displayName?.nfcTrimmed ?? login, line: line, role: role)
        try session.storage.transaction {
            try session.storage.operators.upsert(op, at: session.clock.nowText)
            try session.audit("operator_add", target: login, detail: TimelineDetail.make([("role", role.rawValue), ("line", line.map(String.init) ?? "-")]))
        }
        return op
    }

    public func list() throws -> [Operator] {
        try session.require(.admin, for: "operator list")
        return try session.storage.operators.list()
    }

    public func disable(_ login: String) throws {
        try session.require(.admin, for: "operator disable")
        guard login != session.actor.login else { throw DeskError.invalid(.cannotDisableSelf) }
        try session.storage.transaction {
            guard try session.storage.operators.setActive(login, false) else { throw DeskError.notFound(.noOperator, ["login": .text(login)]) }
            try session.audit("operator_disable", target: login)
        }
    }
}

extension String {
    var nfcTrimmed: String { precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces) }
}
