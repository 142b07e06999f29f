import Foundation
import Testing
import DeskCore
@_spi(RawSQL) @testable import DeskStore

func tempPath(_ name: String = "store") -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("\(name).sqlite").path
}

@Suite struct StoreTests {
    @Test func createsAndMigratesWithPragmas() throws {
        let path = tempPath()
        let store = try Store(path: path, create: true)
        #expect(try store.db.scalarInt("PRAGMA user_version") == Store.schemaVersion)
        #expect(try store.db.queryOne("PRAGMA journal_mode")?.string(0) == "wal")
        #expect(try store.db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try store.db.scalarInt("PRAGMA application_id") == Int(Schema.applicationID))
    }

    @Test func migrationFiveLetsAQueuedMessageBeSupersededAndKeepsTheQueue() throws {
        let path = tempPath()
        do {
            // A file at schema version 4, with a queued message.
            let db = try Database(path: path, create: true)
            for m in Schema.migrations.prefix(4) {
                try db.execute(m.sql())
                try m.step?(db)
            }
            try db.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 4")
            try db.execute("""
                INSERT INTO sms_outbox(to_phone, body, status, created_at, next_attempt_at, bhxh_code)
                VALUES ('0901234567', 'Mat khau tam thoi: abc def', 'queued', '2025-03-01T01:00:00Z', '2025-03-01T01:00:00Z', '7901234567')
                """)
            #expect(throws: (any Error).self) { try db.execute("UPDATE sms_outbox SET status = 'superseded'") }
        }
        let store = try Store(path: path)
        #expect(try store.db.scalarInt("PRAGMA user_version") == Store.schemaVersion)
        let queued = try store.outbox.queued(code: "7901234567")
        #expect(queued.count == 1 && queued[0].toPhone == "0901234567")
        #expect(try store.outbox.supersede(queued[0].id, wipedBody: "wiped"))
        #expect(try store.outbox.forCode("7901234567", limit: 5).map(\.status) == ["superseded"])
        #expect(try store.db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'sms_outbox' AND sql IS NOT NULL") == 2)
        #expect(throws: (any Error).self) { try store.db.execute("UPDATE sms_outbox SET status = 'lost'") }
    }

    @Test func reopeningIsIdempotent() throws {
        let path = tempPath()
        _ = try Store(path: path, create: true)
        let again = try Store(path: path)
        #expect(try again.db.scalarInt("PRAGMA user_version") == Store.schemaVersion)
    }

    @Test func missingFileIsReportedNotCreated() throws {
        let path = tempPath()
        #expect(throws: StoreError.self) { try Store(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func refusesNewerSchema() throws {
        let path = tempPath()
        let store = try Store(path: path, create: true)
        try store.db.execute("PRAGMA user_version = 99")
        #expect {
            try Store(path: path)
        } throws: { error in
            if case StoreError.schemaTooNew(let found, _) = error { return found == 99 }
            return false
        }
    }

    @Test func refusesForeignDatabase() throws {
        let path = tempPath()
        let db = try Database(path: path, create: true)
        try db.execute("CREATE TABLE something(x)")
        #expect {
            try Store(path: path)
        } throws: { error in
            if case StoreError.notVssdeskDatabase = error { return true }
            return false
        }
    }

    @Test func refusesGarbageFile() throws {
        let path = tempPath()
        try Data("this is not sqlite at all, just text padded out to look like a file".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try Store(path: path) }
    }

    @Test func auditIsAppendOnly() throws {
        let store = try Store(path: tempPath(), create: true)
        try store.audit.record(at: "2025-01-01T00:00:00Z", operator: "a", action: "search", target: "x", detail: nil, ticketID: nil)
        #expect(throws: DatabaseError.self) { try store.db.execute("UPDATE audit SET action = 'y'") }
        #expect(throws: DatabaseError.self) { try store.db.execute("DELETE FROM audit") }
        #expect(try store.db.scalarInt("SELECT count(*) FROM audit") == 1)
    }

    @Test func transactionRollsBackOnError() throws {
        let store = try Store(path: tempPath(), create: true)
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.transaction {
                try store.config.set("k", "v")
                throw Boom()
            }
        }
        #expect(try store.config.get("k") == nil)
    }

    @Test func parametersAreNeverSQL() throws {
        let store = try Store(path: tempPath(), create: true)
        let nasty = "x'); DROP TABLE config; --"
        try store.config.set(nasty, nasty)
        #expect(try store.config.get(nasty) == nasty)
    }

    @Test func busyDatabaseIsReportedAsBusy() throws {
        let path = tempPath()
        let a = try Store(path: path, create: true)
        let b = try Database(path: path, busyTimeoutMs: 50)
        try a.db.execute("BEGIN IMMEDIATE")
        defer { try? a.db.execute("ROLLBACK") }
        #expect {
            try b.execute("BEGIN IMMEDIATE")
        } throws: { error in (error as? DatabaseError)?.isBusy == true }
    }

    @Test func stockSqliteShellCanReadTheFile() throws {
        let path = tempPath()
        _ = try Store(path: path, create: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, "SELECT count(*) FROM registrations; SELECT count(*) FROM registrations_fts WHERE registrations_fts MATCH 'nguyen';"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text == "0\n0\n")
    }
}
