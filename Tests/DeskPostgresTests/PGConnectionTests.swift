import XCTest
@testable import DeskPostgres
import Desk

final class PGConnectionTests: XCTestCase {
    func testParametersAreNeverSpliced() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try db.execSimple("CREATE TABLE t (a TEXT)")
        let hostile = "x'); DROP TABLE t; --"
        try db.run("INSERT INTO t(a) VALUES ($1)", [.text(hostile)])
        XCTAssertEqual(try db.queryOne("SELECT a FROM t")?.string(0), hostile)
        XCTAssertEqual(try db.queryOne("SELECT count(*) FROM t")?.int(0), 1)
    }

    func testTransactionRollsBackOnThrowAndNests() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try db.execSimple("CREATE TABLE t (a INTEGER)")
        struct Boom: Error {}
        XCTAssertThrowsError(try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
            throw Boom()
        })
        XCTAssertEqual(try db.queryOne("SELECT count(*) FROM t")?.int(0), 0)
        try db.transaction { try db.run("INSERT INTO t VALUES (3)") }
        XCTAssertEqual(try db.queryOne("SELECT count(*) FROM t")?.int(0), 1)
    }

    func testErrorsCarryTheirSQLState() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try db.execSimple("CREATE TABLE t (a INTEGER PRIMARY KEY)")
        try db.run("INSERT INTO t VALUES (1)")
        do {
            try db.run("INSERT INTO t VALUES ($1)", [.int(1)])
            XCTFail("duplicate accepted")
        } catch let e as PGError {
            XCTAssertEqual(e.sqlState, "23505")
            guard case .constraint = e.storageError else { return XCTFail("\(e.storageError)") }
        }
    }

    func testCopyEscapesEveryByteThatMatters() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try db.execSimple("CREATE TABLE t (a TEXT, b TEXT)")
        let tricky = ["tab\there", "new\nline", "back\\slash\\N", "Nguyễn Văn Đức", "\r"]
        try db.copyIn("COPY t(a, b) FROM STDIN") { put in
            for s in tricky { try put([s, nil]) }
        }
        let rows = try db.query("SELECT a, b FROM t")
        XCTAssertEqual(rows.map { $0.string(0)! }, tricky)
        XCTAssertTrue(rows.allSatisfy { $0.isNull(1) })
    }

    func testAReadAfterTheServerDroppedTheConnectionIsRetriedOnce() throws {
        let uri = try PGTestServer.freshDatabase()
        let db = try PGConnection(uri)
        let pid = db.backendPID
        try PGTestServer.psql(uri, "SELECT pg_terminate_backend(\(pid))")
        XCTAssertEqual(try db.queryOne("SELECT 41 + 1")?.int(0), 42)
        XCTAssertNotEqual(db.backendPID, pid)
    }

    func testAStreamedReadAfterALostConnectionIsRetriedOnce() throws {
        let uri = try PGTestServer.freshDatabase()
        let db = try PGConnection(uri)
        try PGTestServer.psql(uri, "SELECT pg_terminate_backend(\(db.backendPID))")
        var rows: [Int] = []
        try db.forEach("SELECT generate_series(1, 3)") { rows.append($0.int(0)!) }
        XCTAssertEqual(rows, [1, 2, 3])
    }

    func testAWriteAfterALostConnectionIsReportedNotRepeated() throws {
        let uri = try PGTestServer.freshDatabase()
        let db = try PGConnection(uri)
        try db.execSimple("CREATE TABLE t (a INTEGER)")
        try PGTestServer.psql(uri, "SELECT pg_terminate_backend(\(db.backendPID))")
        XCTAssertThrowsError(try db.run("INSERT INTO t VALUES (1)")) { e in
            XCTAssertTrue((e as? PGError)?.isConnectionLoss ?? false, "\(e)")
        }
        XCTAssertEqual(try db.queryOne("SELECT count(*) FROM t")?.int(0), 0)
    }

    func testDisplayedLocationHidesThePassword() {
        XCTAssertEqual(PostgresStorage.displayed("postgresql://hoa:secret@db.q6/vssdesk"), "postgresql://hoa:***@db.q6/vssdesk")
        XCTAssertFalse(PostgresStorage.displayed("postgresql:///vssdesk?host=/run/pg&password=secret").contains("secret"))
    }
}
