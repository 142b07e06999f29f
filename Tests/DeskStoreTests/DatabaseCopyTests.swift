import Foundation
import Testing
import DeskCore
@_spi(RawSQL) @testable import DeskStore

@Suite struct DatabaseCopyTests {
    func tempPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-copy-\(UUID().uuidString).sqlite").path
    }

    @Test func aCopyHoldsWhatTheDeskHeldAndIsOneFile() throws {
        let store = try Store(path: tempPath(), create: true)
        try store.audit.record(at: "2026-01-01T00:00:00Z", operator: "root", action: "init", target: nil, detail: nil, ticketID: nil)
        let copy = tempPath()
        let counts = try DatabaseCopy.backup(store.db, to: copy)
        let summary = try DatabaseCopy.verify(copy)
        #expect(summary.counts == counts)
        #expect(summary.auditRows == 1)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect(attributes[.posixPermissions] as? Int == 0o640)
        #expect(throws: DatabaseCopy.Failure.self) { try DatabaseCopy.backup(store.db, to: copy) }
        try DatabaseCopy.backup(store.db, to: copy, replace: true)
    }

    @Test func aCopyOfAnOlderSchemaIsRestoredAndMigratedForward() throws {
        let old = tempPath()
        do {
            let db = try Database(path: old, create: true)
            for m in Schema.migrations.prefix(3) { try db.execute(m.sql()) }
            try db.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = 3")
            try db.execute("INSERT INTO audit(at, operator, action, target, detail, ticket_id) VALUES ('2025-03-01T01:00:00Z', 'root', 'init', 'root', 'first admin', NULL)")
            try db.execute("PRAGMA journal_mode=DELETE")
        }
        UserFile.unprotect(old)
        #expect(try DatabaseCopy.verify(old).schemaVersion == 3)
        let live = try Store(path: tempPath(), create: true)
        try DatabaseCopy.restore(live.db, from: old)
        #expect(try live.db.scalarInt("PRAGMA user_version") == Store.schemaVersion)
        let walk = try live.audit.walkChain()
        #expect(walk.rows == 1 && walk.firstBroken == nil)
    }

    @Test func aChangedAuditRowInACopyIsRefused() throws {
        let store = try Store(path: tempPath(), create: true)
        for i in 0..<3 {
            try store.audit.record(at: "2026-01-01T00:00:0\(i)Z", operator: "root", action: "note", target: nil, detail: "n\(i)", ticketID: nil)
        }
        let copy = tempPath()
        try DatabaseCopy.backup(store.db, to: copy)
        do {
            let db = try Database(path: copy)
            try db.execute("DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'changed' WHERE id = 2; PRAGMA journal_mode=DELETE")
        }
        UserFile.unprotect(copy)
        chmod(copy, 0o640)
        #expect(throws: DatabaseCopy.Failure.self) { try DatabaseCopy.verify(copy) }
    }
}
