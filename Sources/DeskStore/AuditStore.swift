import DeskCore

/// One row of the append-only audit trail.
public struct AuditEntry: Sendable {
    public var id: Int
    public var at: String
    public var operatorLogin: String
    public var action: String
    public var target: String?
    public var detail: String?
    public var ticketID: Int?
}

/// The audit trail. UPDATE and DELETE are refused by triggers in the schema, not by this type.
public final class AuditStore {
    let db: Database
    init(_ db: Database) { self.db = db }

    public func record(at: String, operator login: String, action: String, target: String?, detail: String?,
                       ticketID: Int?) throws {
        try db.run("INSERT INTO audit(at, operator, action, target, detail, ticket_id) VALUES (?, ?, ?, ?, ?, ?)",
                   [.text(at), .text(login), .text(action), .of(target), .of(detail), .of(ticketID)])
    }

    public func count(action: String, target: String, since: String) throws -> Int {
        try db.scalarInt("SELECT count(*) FROM audit WHERE target = ? AND action = ? AND at >= ?",
                         [.text(target), .text(action), .text(since)])
    }

    public func list(operator login: String?, target: String?, from: String?, to: String?, action: String?,
                     limit: Int) throws -> [AuditEntry] {
        let rows = try db.query("""
            SELECT id, at, operator, action, target, detail, ticket_id FROM audit
            WHERE (?1 IS NULL OR operator = ?1) AND (?2 IS NULL OR target = ?2) AND (?3 IS NULL OR at >= ?3)
              AND (?4 IS NULL OR at < ?4) AND (?5 IS NULL OR action = ?5)
            ORDER BY id DESC LIMIT ?6
            """, [.of(login), .of(target), .of(from), .of(to), .of(action), .int(Int64(limit))])
        return rows.map {
            AuditEntry(id: $0.int(0)!, at: $0.string(1)!, operatorLogin: $0.string(2)!, action: $0.string(3)!,
                       target: $0.string(4), detail: $0.string(5), ticketID: $0.int(6))
        }
    }
}
