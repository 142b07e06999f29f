import Desk
import DeskCore

/// The desk's operators (`operators`).
final class PGOperatorStore: OperatorStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func get(_ login: String) throws -> Operator? {
        try db.queryOne("SELECT login, display_name, line, role, active FROM operators WHERE login = $1", [.text(login)])
            .map(Self.operatorFrom)
    }

    func list() throws -> [Operator] {
        try db.query("SELECT login, display_name, line, role, active FROM operators ORDER BY login").map(Self.operatorFrom)
    }

    func count() throws -> Int { try db.queryOne("SELECT count(*) FROM operators")?.int(0) ?? 0 }

    func upsert(_ op: Operator, at: String) throws {
        try db.run("""
            INSERT INTO operators(login, display_name, line, role, active, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (login) DO UPDATE SET display_name = EXCLUDED.display_name, line = EXCLUDED.line,
                role = EXCLUDED.role, active = EXCLUDED.active
            """, [.text(op.login), .text(op.displayName), .of(op.line), .text(op.role.rawValue), .int(op.active ? 1 : 0), .text(at)])
        try syncRole(op.login, role: op.role, active: op.active)
    }

    func setActive(_ login: String, _ active: Bool) throws -> Bool {
        guard try db.run("UPDATE operators SET active = $1 WHERE login = $2", [.int(active ? 1 : 0), .text(login)]) > 0,
              let op = try get(login) else { return false }
        try syncRole(login, role: op.role, active: active)
        return true
    }

    /// The operator's login role on the server follows the row (SPEC §15): same transaction, so both or neither.
    private func syncRole(_ login: String, role: Operator.Role, active: Bool) throws {
        try db.callWriting("SELECT vssdesk_sync_role($1, $2, $3)", [.text(login), .text(role.rawValue), .bool(active)])
    }

    private static func operatorFrom(_ r: PGRow) -> Operator {
        Operator(login: r.string(0)!, displayName: r.string(1)!, line: r.int(2),
                 role: Operator.Role(rawValue: r.string(3)!) ?? .operatorRole, active: r.bool(4))
    }
}
