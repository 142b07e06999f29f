import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore
import DeskStore

/// The audit trail on PostgreSQL: the hash chain under many consoles at once, and the protections the database
/// itself enforces, for the superuser too (SPEC §13, §15).
final class PGAuditStoreTests: PGStoreTestCase {
    func desk() throws -> (uri: String, storage: PostgresStorage) {
        let uri = try PGTestServer.freshDatabase()
        return (uri, try PostgresStorage(uri: uri, create: true))
    }

    func testRowsChainAndListAsOnSQLite() throws {
        let (_, s) = try desk()
        try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "search", target: "nguyen van duc",
                           detail: "2 results", ticketID: 7, codes: ["7901234567", "7901234568"])
        try s.audit.record(at: "2025-03-12T02:01:00Z", operator: "hoa", action: "show", target: "7901234568", detail: nil, ticketID: 7)
        // A clock behind the last row's: recorded at the last row's time, not refused.
        try s.audit.record(at: "2025-03-12T01:59:00Z", operator: "lan", action: "resend", target: "7901234569", detail: "sms 3",
                           ticketID: nil)
        let walk = try s.audit.walkChain()
        XCTAssertEqual(walk.rows, 3)
        XCTAssertNil(walk.firstBroken)
        XCTAssertEqual(try s.audit.head().rows, 3)
        XCTAssertEqual(try s.audit.head().hash, walk.head)

        let all = try s.audit.list(operator: nil, target: nil, from: nil, to: nil, action: nil, limit: 10)
        XCTAssertEqual(all.map(\.id), [3, 2, 1])
        XCTAssertEqual(all.first?.at, "2025-03-12T02:01:00Z")
        XCTAssertEqual(all.last?.detail, "2 results; codes: 7901234567 7901234568")
        XCTAssertEqual(all.last?.ticketID, 7)
        // The displayed codes find the lookup; a code that is only part of a number does not.
        let about = { (code: String) in
            try s.audit.list(operator: nil, code: code, from: nil, to: nil, action: nil, limit: 10).map(\.id)
        }
        XCTAssertEqual(try about("7901234567"), [1])
        XCTAssertEqual(try about("7901234568"), [2, 1])
        XCTAssertEqual(try about("790123456"), [])
        XCTAssertEqual(try about("3"), [3])  // "sms 3": a whole number of the detail
        XCTAssertEqual(try s.audit.list(operator: "lan", code: nil, from: nil, to: nil, action: nil, limit: 10).map(\.id), [3])
        XCTAssertEqual(try s.audit.list(operator: nil, target: "7901234568", from: "2025-03-12T02:01:00Z", to: nil, action: "show",
                                        limit: 10).map(\.id), [2])
        XCTAssertEqual(try s.audit.count(action: "show", target: "7901234568", since: "2025-03-12T00:00:00Z"), 1)
        XCTAssertEqual(try s.audit.count(action: "show", target: "7901234568", since: "2025-03-12T03:00:00Z"), 0)
    }

    func testTheHashesAreSQLitesBytes() throws {
        let (_, s) = try desk()
        try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "note", target: nil, detail: "", ticketID: nil)
        let expected = AuditChain.hash(prev: AuditChainWalk.genesis, id: 1, at: "2025-03-12T02:00:00Z", operator: "hoa",
                                       action: "note", target: nil, detail: "", ticketID: nil)
        XCTAssertEqual(try s.audit.head().hash, expected)
    }

    /// A console that finds another one sealing does not wait for it: its row waits in `audit_pending`, outside
    /// the chain, until the next seal — this console's own when it goes idle or stops, or any read of the trail.
    func testARowRecordedWhileAnotherConsoleSealsWaitsAndIsSealedLater() throws {
        let (uri, s) = try desk()
        let raw = try PGConnection(uri)
        func counts() throws -> [Int?] {
            try raw.queryOne("SELECT (SELECT count(*) FROM audit_pending), (SELECT count(*) FROM audit)").map { [$0.int(0), $0.int(1)] } ?? []
        }
        let sealer = try PGConnection(uri)
        for step in ["idle", "read"] {
            try sealer.execSimple("BEGIN")
            try sealer.run("SELECT pg_advisory_xact_lock($1)", [.of(PGSchema.auditLockKey)])
            let before = try counts()[1]!
            let start = Date()
            try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "search", target: step, detail: nil,
                               ticketID: nil, codes: [])
            XCTAssertLessThan(Date().timeIntervalSince(start), 1, "a console waited for another's seal")
            XCTAssertEqual(try counts(), [1, before])
            try sealer.execSimple("COMMIT")
            if step == "idle" {
                s.idle()
                XCTAssertEqual(try counts(), [0, before + 1])
            } else {
                XCTAssertEqual(try s.audit.list(operator: "hoa", target: "read", from: nil, to: nil, action: nil, limit: 5).count, 1)
                XCTAssertEqual(try counts(), [0, before + 1])
            }
        }
        XCTAssertNil(try s.audit.walkChain().firstBroken)
    }

    /// Pending rows are append-only like the chain, for the superuser too: only the seal removes them.
    func testPendingRowsCannotBeChangedOrRemovedButBySealing() throws {
        let (uri, s) = try desk()
        let sealer = try PGConnection(uri)
        try sealer.execSimple("BEGIN")
        try sealer.run("SELECT pg_advisory_xact_lock($1)", [.of(PGSchema.auditLockKey)])
        try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "search", target: "q", detail: nil, ticketID: nil, codes: [])
        for sql in ["UPDATE audit_pending SET detail = 'x'", "DELETE FROM audit_pending", "TRUNCATE audit_pending"] {
            XCTAssertThrowsError(try PGTestServer.psql(uri, sql), sql)
        }
        try sealer.execSimple("COMMIT")
        XCTAssertEqual(try s.audit.head().rows, 1)
    }

    /// A console whose clock is more than a day ahead of the server's records nothing and is told so in words of
    /// the catalog, not the server's.
    func testAConsoleClockAheadOfTheServerIsSaidNotRecorded() throws {
        let (uri, s) = try desk()
        XCTAssertThrowsError(try s.transaction {
            try s.audit.record(at: "2099-01-01T00:00:00Z", operator: "hoa", action: "note", target: "t", detail: nil,
                               ticketID: nil, codes: [])
        }) { error in
            guard case StorageError.refused(let m) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(m, DeskMessage(ServiceText.consoleClockAhead))
        }
        XCTAssertEqual(try PGConnection(uri).queryOne("SELECT (SELECT count(*) FROM audit_pending) + (SELECT count(*) FROM audit)")?.int(0), 0)
    }

    /// Rows recorded in a transaction that rolls back are never written, and the next transaction does not carry
    /// them along.
    func testARolledBackTransactionLeavesNoAuditRow() throws {
        let (uri, s) = try desk()
        struct Stop: Error {}
        XCTAssertThrowsError(try s.transaction {
            try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "note", target: "lost", detail: nil,
                               ticketID: nil, codes: [])
            throw Stop()
        })
        try s.transaction {
            try s.audit.record(at: "2025-03-12T02:01:00Z", operator: "hoa", action: "note", target: "kept", detail: nil,
                               ticketID: nil, codes: [])
        }
        let raw = try PGConnection(uri)
        XCTAssertEqual(try raw.query("SELECT target FROM audit ORDER BY id").map { $0.string(0) }, ["kept"])
        XCTAssertEqual(try raw.queryOne("SELECT count(*) FROM audit_pending")?.int(0), 0)
    }

    /// A ticket or a note (rows added, nothing decided on what was read) does not queue behind the desk's
    /// read-then-write transactions, which still run one at a time.
    func testAppendsDoNotQueueBehindTheDeskLock() throws {
        let (uri, s) = try desk()
        let holder = try PGConnection(uri)
        try holder.execSimple("BEGIN")
        try holder.run("SELECT pg_advisory_xact_lock($1)", [.of(PGSchema.deskLockKey)])
        try s.appendTransaction {
            try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "note", target: "t1", detail: nil,
                               ticketID: nil, codes: [])
        }
        let waiting = try PostgresStorage(uri: uri, busyTimeoutMs: 200)
        XCTAssertThrowsError(try waiting.transaction {}) { error in
            guard case StorageError.busy = error else { return XCTFail("\(error)") }
        }
        try holder.execSimple("COMMIT")
        try waiting.transaction {}
        XCTAssertEqual(try s.audit.head().rows, 1)
    }

    /// Twenty consoles, each with its own connection, append at the same time: one chain, ids 1…N without a gap.
    func testTwentyConsolesAppendingAtOnceMakeOneChain() throws {
        let uri = try PGTestServer.freshDatabase()
        _ = try PostgresStorage(uri: uri, create: true)
        let consoles = 20, rowsEach = 25
        let failures = Collected()
        DispatchQueue.concurrentPerform(iterations: consoles) { n in
            do {
                let s = try PostgresStorage(uri: uri)
                for i in 0..<rowsEach {
                    try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "op\(n)", action: "search", target: "q\(i)",
                                       detail: "console \(n) row \(i)", ticketID: n, codes: [])
                }
            } catch {
                failures.add("\(n): \(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        let s = try PostgresStorage(uri: uri)
        let walk = try s.audit.walkChain()
        XCTAssertEqual(walk.rows, consoles * rowsEach)
        XCTAssertNil(walk.firstBroken)
        let db = try PGConnection(uri)
        XCTAssertEqual(try db.queryOne("SELECT min(id), max(id), count(DISTINCT id) FROM audit").map { [$0.int(0), $0.int(1), $0.int(2)] },
                       [1, consoles * rowsEach, consoles * rowsEach])
        XCTAssertEqual(try db.queryOne("SELECT count(DISTINCT operator) FROM audit")?.int(0), consoles)
    }

    /// The superuser's psql (the test cluster's role is its superuser) cannot change, remove or empty the trail,
    /// not even with the replication role that skips ordinary triggers.
    func testUpdateDeleteAndTruncateAreRefusedEvenForTheSuperuser() throws {
        let (uri, s) = try desk()
        try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "show", target: "7901234568", detail: nil, ticketID: nil)
        XCTAssertEqual(try PGTestServer.psql(uri, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"), "t")
        for sql in ["UPDATE audit SET detail = 'x'", "DELETE FROM audit", "TRUNCATE audit",
                    "SET session_replication_role = replica; UPDATE audit SET operator = 'lan'",
                    "SET session_replication_role = replica; DELETE FROM audit",
                    "SET session_replication_role = replica; TRUNCATE audit",
                    "INSERT INTO audit SELECT * FROM audit ON CONFLICT (id) DO UPDATE SET detail = 'x'"] {
            XCTAssertThrowsError(try PGTestServer.psql(uri, sql), sql) { e in
                XCTAssertTrue("\(e)".contains("append-only") || "\(e)".contains("next id"), "\(sql): \(e)")
            }
        }
        XCTAssertThrowsError(try s.db.run("UPDATE audit SET detail = $1", [.text("x")])) { e in
            guard case .constraint = (e as? PGError)?.storageError else { return XCTFail("\(e)") }
        }
        let walk = try s.audit.walkChain()
        XCTAssertEqual(walk.rows, 1)
        XCTAssertNil(walk.firstBroken)
    }

    func testForgedAndOutOfSequenceRowsAreRefused() throws {
        let (uri, s) = try desk()
        try s.audit.record(at: "2025-03-12T02:00:00Z", operator: "hoa", action: "show", target: "7901234568", detail: nil, ticketID: nil)
        let head = try s.audit.head().hash
        func insert(id: Int, at: String, prev: String) -> String {
            let hash = AuditChain.hash(prev: prev, id: id, at: at, operator: "mallory", action: "show", target: nil, detail: nil,
                                       ticketID: nil)
            return "INSERT INTO audit(id, at, operator, action, prev_hash, hash) VALUES (\(id), '\(at)', 'mallory', 'show', '\(prev)', '\(hash)')"
        }
        let forged = String(repeating: "ab", count: 32)
        let refused = [
            (insert(id: 2, at: "2025-03-12T02:05:00Z", prev: forged), "prev_hash"),
            (insert(id: 2, at: "2025-03-12T02:05:00Z", prev: AuditChainWalk.genesis), "prev_hash"),
            (insert(id: 3, at: "2025-03-12T02:05:00Z", prev: head), "next id"),
            (insert(id: 1, at: "2025-03-12T02:05:00Z", prev: AuditChainWalk.genesis), "next id"),
            (insert(id: 2, at: "2025-03-12T01:00:00Z", prev: head), "dated before"),
            (insert(id: 2, at: "2025-03-12 02:05:00", prev: head), "UTC time"),
            ("INSERT INTO audit(id, at, operator, action, prev_hash, hash) VALUES (2, '2025-03-12T02:05:00Z', 'mallory', 'show', '\(head)', 'nothex')",
             "64 lowercase hex"),
        ]
        for (sql, words) in refused {
            XCTAssertThrowsError(try PGTestServer.psql(uri, sql), sql) { e in XCTAssertTrue("\(e)".contains(words), "\(sql): \(e)") }
        }
        // The correct next row is accepted: the refusals were about the row, not about writing at all.
        try PGTestServer.psql(uri, insert(id: 2, at: "2025-03-12T02:05:00Z", prev: head))
        XCTAssertNil(try s.audit.walkChain().firstBroken)
    }

    func testAFreshSchemaHasEveryProtectionAndChangesAreReported() throws {
        let (uri, s) = try desk()
        let none: [String] = []
        XCTAssertEqual(try s.audit.triggerProblems().missing, none)
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)

        try PGTestServer.psql(uri, "ALTER TABLE audit DISABLE TRIGGER audit_append_only")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["audit_append_only"])
        // Back to an ordinary trigger: the replication role would skip it.
        try PGTestServer.psql(uri, "ALTER TABLE audit ENABLE TRIGGER audit_append_only")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["audit_append_only"])
        try PGTestServer.psql(uri, "ALTER TABLE audit ENABLE ALWAYS TRIGGER audit_append_only")
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)

        // The same trigger running an emptied function.
        try PGTestServer.psql(uri, "CREATE OR REPLACE FUNCTION vssdesk_audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["audit_chain_append"])

        try PGTestServer.psql(uri, "DROP TRIGGER audit_no_truncate ON audit")
        try PGTestServer.psql(uri, "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION vssdesk_append_only()")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["audit_no_truncate", "audit_chain_append"])
        try PGTestServer.psql(uri, "DROP TRIGGER audit_append_only ON audit")
        try PGTestServer.psql(uri, "CREATE TRIGGER zz_extra AFTER INSERT ON audit FOR EACH ROW EXECUTE FUNCTION vssdesk_append_only()")
        let problems = try s.audit.triggerProblems()
        XCTAssertEqual(problems.missing, ["audit_append_only"])
        XCTAssertEqual(problems.altered, ["audit_no_truncate", "audit_chain_append", "zz_extra"])
    }

    /// A seal that throws pending rows away instead of linking them, or that runs with the caller's rights, is
    /// reported like a changed trigger; so is a seal that is gone.
    func testAChangedOrMissingSealIsReported() throws {
        let (uri, s) = try desk()
        let none: [String] = []
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)
        try PGTestServer.psql(uri, "ALTER FUNCTION vssdesk_audit_seal(BOOLEAN) SECURITY INVOKER")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["vssdesk_audit_seal"])
        try PGTestServer.psql(uri, "ALTER FUNCTION vssdesk_audit_seal(BOOLEAN) SECURITY DEFINER")
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)
        // Searching the caller's temporary tables first, a seal would link an operator's own "audit_pending".
        try PGTestServer.psql(uri, "ALTER FUNCTION vssdesk_audit_seal(BOOLEAN) RESET search_path")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["vssdesk_audit_seal"])
        try PGTestServer.psql(uri, "ALTER FUNCTION vssdesk_audit_seal(BOOLEAN) SET search_path = \(PGSchema.sealSearchPath)")
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)
        // The pending rows' guard, switched off or emptied.
        try PGTestServer.psql(uri, "ALTER TABLE audit_pending DISABLE TRIGGER audit_pending_guard")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["audit_pending_guard"])
        try PGTestServer.psql(uri, "ALTER TABLE audit_pending ENABLE ALWAYS TRIGGER audit_pending_guard")
        try PGTestServer.psql(uri, "CREATE OR REPLACE FUNCTION vssdesk_pending_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$ BEGIN RETURN NEW; END $$")
        XCTAssertEqual(Set(try s.audit.triggerProblems().altered), ["audit_pending_guard", "audit_pending_no_truncate"])
        try PGTestServer.psql(uri, "CREATE OR REPLACE FUNCTION vssdesk_pending_guard() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$\(PGSchema.pendingGuardSource)$$")
        XCTAssertEqual(try s.audit.triggerProblems().altered, none)
        try PGTestServer.psql(uri, "CREATE OR REPLACE FUNCTION vssdesk_audit_seal(wait BOOLEAN) RETURNS INTEGER LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN DELETE FROM audit_pending; RETURN 0; END $$")
        XCTAssertEqual(try s.audit.triggerProblems().altered, ["vssdesk_audit_seal"])
        try PGTestServer.psql(uri, "DROP FUNCTION vssdesk_audit_seal(BOOLEAN)")
        XCTAssertEqual(try s.audit.triggerProblems().missing, ["vssdesk_audit_seal"])
    }

    /// What a superuser does with the protections switched off is found by the walk.
    func testTheWalkFindsARowChangedOrRemovedBehindTheTriggers() throws {
        let (uri, s) = try desk()
        for i in 1...5 {
            try s.audit.record(at: "2025-03-12T02:0\(i):00Z", operator: "hoa", action: "show", target: "790123456\(i)", detail: nil,
                               ticketID: nil)
        }
        let kept = try s.audit.head().hash
        try PGTestServer.psql(uri, "ALTER TABLE audit DISABLE TRIGGER USER; UPDATE audit SET target = '7909999999' WHERE id = 3")
        XCTAssertEqual(try s.audit.walkChain().firstBroken, .init(id: 3, problem: .altered))
        try PGTestServer.psql(uri, "DELETE FROM audit WHERE id = 3")
        XCTAssertEqual(try s.audit.walkChain().firstBroken, .init(id: 3, problem: .removed(through: 3)))
        try PGTestServer.psql(uri, "DELETE FROM audit WHERE id >= 4")
        let walk = try s.audit.walkChain(keptHead: kept)
        XCTAssertEqual(walk.keptHeadFound, false)
        XCTAssertEqual(walk.rows, 2)
    }
}
