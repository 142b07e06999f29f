import Foundation
import Testing
import DeskCore
@_spi(RawSQL) @testable import DeskStore

@Suite struct AuditChainTests {
    /// A store with `n` audit rows, a minute apart.
    func store(rows n: Int = 5) throws -> Store {
        let store = try Store(path: tempPath(), create: true)
        for i in 1...n {
            try store.audit.record(at: "2025-03-12T02:\(String(format: "%02d", i)):00Z", operator: "hoa", action: "search",
                                   target: "790123456\(i % 10)", detail: i == 3 ? nil : "row \(i)", ticketID: i == 2 ? 7 : nil)
        }
        return store
    }

    /// Another connection to the same file, as the sqlite3 shell of someone with write access to it would be.
    func tamper(_ store: Store, _ sql: String) throws {
        try Database(path: store.db.path).execute(sql)
    }

    @Test func theEncodingIsLengthPrefixedWithNullApart() {
        // Computed independently (Python's hashlib over the bytes AuditChain's comment describes).
        #expect(AuditChain.hash(prev: AuditChain.genesis, id: 1, at: "2025-01-01T00:00:00Z", operator: "hoa", action: "search",
                                target: "Nguyễn", detail: nil, ticketID: 7)
                == "1e0d5ecd22123c0520e4dec83c6e65b50cc634867b9c52b210e45cca6c8a9681")
        let base = (prev: AuditChain.genesis, id: 1, at: "2025-01-01T00:00:00Z")
        func h(_ op: String, _ action: String, _ target: String?, _ detail: String?) -> String {
            AuditChain.hash(prev: base.prev, id: base.id, at: base.at, operator: op, action: action, target: target, detail: detail, ticketID: nil)
        }
        #expect(h("ab", "c", nil, nil) != h("a", "bc", nil, nil))
        #expect(h("a", "b", nil, "") != h("a", "b", nil, nil))
        #expect(h("a", "b", "", nil) != h("a", "b", nil, ""))
    }

    @Test func anIntactChainVerifies() throws {
        let store = try store()
        let walk = try store.audit.walkChain()
        #expect(walk.firstBroken == nil && walk.rows == 5)
        let last = try #require(try store.db.queryOne("SELECT hash, prev_hash FROM audit WHERE id = 5"))
        let head = try store.audit.head()
        #expect(walk.head == last.string(0) && head.rows == 5 && head.hash == last.string(0))
        #expect(try store.db.queryOne("SELECT prev_hash FROM audit WHERE id = 1")?.string(0) == AuditChain.genesis)
        #expect(try store.db.queryOne("SELECT hash FROM audit WHERE id = 4")?.string(0) == last.string(1))
        let triggers = try store.audit.triggerProblems()
        #expect(triggers.missing.isEmpty && triggers.altered.isEmpty, "\(triggers)")
        let empty = try Store(path: tempPath(), create: true)
        #expect(try empty.audit.walkChain() == AuditChainWalk(rows: 0, head: AuditChain.genesis))
    }

    @Test func aChangedRowIsNamed() throws {
        let store = try store()
        try tamper(store, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing to see' WHERE id = 3")
        #expect(try store.audit.walkChain().firstBroken == .init(id: 3, problem: .altered))
        #expect(try store.audit.triggerProblems().missing == ["audit_no_update"])
    }

    @Test func aRowRechainedByHandBreaksTheNextLink() throws {
        let store = try store()
        let forged = AuditChain.hash(prev: try store.db.queryOne("SELECT prev_hash FROM audit WHERE id = 2")!.string(0)!, id: 2,
                                     at: "2025-03-12T02:02:00Z", operator: "hoa", action: "search", target: "7901234562",
                                     detail: "nothing", ticketID: 7)
        try tamper(store, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing', hash = '\(forged)' WHERE id = 2")
        #expect(try store.audit.walkChain().firstBroken == .init(id: 3, problem: .unlinked))
    }

    @Test func aRemovedRowIsNamed() throws {
        let store = try store()
        try tamper(store, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 3")
        #expect(try store.audit.walkChain().firstBroken == .init(id: 3, problem: .removed(through: 3)))
        try tamper(store, "DELETE FROM audit WHERE id = 1")
        #expect(try store.audit.walkChain().firstBroken == .init(id: 1, problem: .removed(through: 1)))
    }

    @Test func rowsRemovedFromTheEndAreFoundByAKeptHead() throws {
        let store = try store()
        let kept = try store.audit.head().hash
        #expect(try store.audit.walkChain(keptHead: kept).keptHeadFound == true)
        try store.audit.record(at: "2025-03-12T03:00:00Z", operator: "hoa", action: "show", target: nil, detail: nil, ticketID: nil)
        #expect(try store.audit.walkChain(keptHead: kept).keptHeadFound == true)
        try tamper(store, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id >= 5")
        let walk = try store.audit.walkChain(keptHead: kept)
        #expect(walk.firstBroken == nil && walk.keptHeadFound == false)
    }

    @Test func missingAndAlteredTriggersAreReported() throws {
        let store = try store()
        try tamper(store, """
            DROP TRIGGER audit_chain_append;
            DROP TRIGGER audit_no_delete;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
            CREATE TRIGGER audit_helper AFTER INSERT ON audit BEGIN SELECT 1; END;
            """)
        let problems = try store.audit.triggerProblems()
        #expect(problems.missing == ["audit_chain_append"])
        #expect(problems.altered == ["audit_no_delete", "audit_helper"])
    }

    /// Inserts a row by hand with the right id, time and link unless told otherwise.
    func insert(_ store: Store, verb: String = "INSERT", id: Int? = nil, at: String = "2025-03-12T03:00:00Z", prev: String? = nil) throws {
        let last = try store.db.queryOne("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")!
        let id = id ?? last.int(0)! + 1
        let prev = prev ?? last.string(1)!
        let hash = AuditChain.hash(prev: prev, id: id, at: at, operator: "x", action: "forged", target: nil, detail: nil, ticketID: nil)
        try store.db.run("\(verb) INTO audit(id, at, operator, action, prev_hash, hash) VALUES (?, ?, 'x', 'forged', ?, ?)",
                         [.int(Int64(id)), .text(at), .text(prev), .text(hash)])
    }

    @Test func triggersRefuseReplacedBackDatedAndUnlinkedRows() throws {
        let store = try store()
        func refused(_ message: String, _ body: () throws -> Void) {
            #expect { try body() } throws: { ($0 as? DatabaseError)?.message.contains(message) == true }
        }
        refused("next id") { try insert(store, verb: "INSERT OR REPLACE", id: 3) }
        refused("next id") { try insert(store, verb: "REPLACE", id: 5) }
        refused("next id") { try insert(store, id: 9) }
        refused("next id") { try store.db.run("INSERT INTO audit(at, operator, action) VALUES ('2025-03-12T03:00:00Z', 'x', 'y')") }
        refused("dated before") { try insert(store, at: "2025-03-12T02:04:59Z") }
        refused("UTC time") { try insert(store, at: "2025-03-12 10:00:00") }
        refused("prev_hash") { try insert(store, prev: AuditChain.genesis) }
        refused("next id") { try store.db.execute("INSERT INTO audit(id, at, operator, action) VALUES (3, 'a', 'b', 'c') ON CONFLICT(id) DO UPDATE SET detail = 'x'") }
        #expect(try store.db.scalarInt("SELECT count(*) FROM audit") == 5)
        #expect(try store.db.queryOne("SELECT detail FROM audit WHERE id = 3")?.values[0] == .null)
        #expect(try store.audit.walkChain().firstBroken == nil)
        // A row that follows the rules is accepted, even by hand: only `audit verify` sees that its hash is right.
        try insert(store)
        #expect(try store.audit.walkChain().firstBroken == nil)
    }

    @Test func aClockBehindTheLastRowRecordsTheLastRowsTime() throws {
        let store = try store()
        try store.audit.record(at: "2025-03-12T01:00:00Z", operator: "hoa", action: "late", target: nil, detail: nil, ticketID: nil)
        #expect(try store.db.queryOne("SELECT at FROM audit WHERE action = 'late'")?.string(0) == "2025-03-12T02:05:00Z")
        #expect(try store.audit.walkChain().firstBroken == nil)
    }

    @Test func migrationFourChainsTheRowsAlreadyThere() throws {
        let path = tempPath()
        do {
            // A file as vssdesk left it at schema version 3, with audit rows from before the chain.
            let db = try Database(path: path, create: true)
            for m in Schema.migrations.prefix(3) { try db.execute(m.sql()) }
            try db.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 3")
            try db.execute("""
                INSERT INTO audit(at, operator, action, target, detail, ticket_id) VALUES
                    ('2025-03-01T01:00:00Z', 'root', 'init', 'root', 'first admin', NULL),
                    ('2025-03-01T02:00:00Z', 'hoa', 'note', '7901234567', '', 4),
                    ('2025-02-28T02:00:00Z', 'hoa', 'search', NULL, NULL, NULL)
                """)
        }
        let store = try Store(path: path)
        #expect(try store.db.scalarInt("PRAGMA user_version") == Store.schemaVersion)
        let walk = try store.audit.walkChain()
        #expect(walk.rows == 3 && walk.firstBroken == nil)
        let first = AuditChain.hash(prev: AuditChain.genesis, id: 1, at: "2025-03-01T01:00:00Z", operator: "root", action: "init",
                                    target: "root", detail: "first admin", ticketID: nil)
        #expect(try store.db.queryOne("SELECT hash FROM audit WHERE id = 1")?.string(0) == first)
        let triggers = try store.audit.triggerProblems()
        #expect(triggers.missing.isEmpty && triggers.altered.isEmpty, "\(triggers)")
        #expect(throws: DatabaseError.self) { try store.db.execute("UPDATE audit SET detail = 'x' WHERE id = 2") }
        #expect(throws: DatabaseError.self) { try store.db.execute("DELETE FROM audit WHERE id = 2") }
        try store.audit.record(at: "2025-03-02T00:00:00Z", operator: "hoa", action: "show", target: nil, detail: nil, ticketID: nil)
        #expect(try store.audit.walkChain().rows == 4 && store.audit.walkChain().firstBroken == nil)
    }
}
