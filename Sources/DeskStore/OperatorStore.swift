import DeskCore
public final class OperatorStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func get(_ login: String) throws -> Operator? {
        try db.queryOne("SELECT login, display_name, line, role, active FROM operators WHERE login = ?", [.text(login)])
            .map(Self.operatorFrom)
    }

    public func list() throws -> [Operator] {
        try db.query("SELECT login, display_name, line, role, active FROM operators ORDER BY login").map(Self.operatorFrom)
    }

    public func count() throws -> Int { try db.scalarInt("SELECT count(*) FROM operators") }

    public func upsert(_ op: Operator, at: String) throws {
        try db.run("""
            INSERT INTO operators(login, display_name, line, role, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(login) DO UPDATE SET display_name = excluded.display_name, line = excluded.line,
                role = excluded.role, active = excluded.active
            """, [.text(op.login), .text(op.displayName), .of(op.line), .text(op.role.rawValue), .of(op.active), .text(at)])
    }

    public func setActive(_ login: String, _ active: Bool) throws -> Bool {
        try db.run("UPDATE operators SET active = ? WHERE login = ?", [.of(active), .text(login)]) > 0
    }

    private static func operatorFrom(_ r: Row) -> Operator {
        Operator(login: r.string(0)!, displayName: r.string(1)!, line: r.int(2),
                 role: Operator.Role(rawValue: r.string(3)!) ?? .operatorRole, active: r.bool(4))
    }
}
