import Foundation
import Testing
import DeskTestSupport

@Suite(.sqliteOnly("backup and restore copy a SQLite desk file; a PostgreSQL desk is backed up by the server (pg_dump, pg_basebackup)"))
struct BackupTests {
    @Test func aBackupTakenWhileTenConsolesWriteHoldsEveryTicketCommittedBeforeIt() throws {
        let v = Vssdesk.ready(demo: 300)
        let writers = DispatchGroup()
        for i in 0..<10 {
            DispatchQueue.global().async(group: writers) {
                var commands: [String] = []
                for n in 0..<15 { commands += ["-c", "ticket new --caller 0903\(String(format: "%02d%04d", i, n)) --line 12\(i) Cuộc gọi \(n)"] }
                _ = v.run(["--as", i.isMultiple(of: 2) ? "hoa" : "lan"] + commands)
            }
        }
        usleep(300_000)
        let before = Int(StockShell.scalar(v.db, "SELECT coalesce(max(id), 0) FROM tickets") ?? "") ?? -1
        let copy = v.dir + "/copy.sqlite"
        let r = v.json("backup \(copy)")
        writers.wait()
        #expect(r.code == 0, "\(r.err)")
        #expect(StockShell.scalar(copy, "PRAGMA integrity_check") == "ok")
        let inCopy = Set(StockShell.rows(copy, "SELECT id FROM tickets").compactMap { Int($0.first ?? "") })
        #expect((1...max(1, before)).allSatisfy { before == 0 || inCopy.contains($0) }, "tickets committed before the backup are missing")
        #expect((r.object["counts"] as? [String: Any])?["tickets"] as? Int == inCopy.count)
        #expect(FileManager.default.fileExists(atPath: copy + ".key"))
        #expect(FileManager.default.fileExists(atPath: copy + ".sha256"))
        // The copy opens with vssdesk and its audit chain is whole.
        let check = v.run(["--db", copy, "--format", "json", "audit", "verify"], withDB: false)
        #expect(check.code == 0 && check.object["ok"] as? Bool == true, "\(check.out) \(check.err)")
        // The desk's own chain is whole after ten writers and a backup.
        #expect(v.json("audit verify").object["ok"] as? Bool == true)
    }

    @Test func aRestoreRoundTripKeepsTheDeskAsItWas() throws {
        let v = Vssdesk.ready(demo: 100)
        let copy = v.dir + "/copy.sqlite"
        #expect(v.json("backup \(copy)").code == 0)
        #expect(v.run(["--as", "hoa", "-c", "ticket new --caller 0903000001 --line 121 sau sao lưu"]).code == 0)
        let restored = v.json("restore \(copy)")
        #expect(restored.code == 0, "\(restored.err)")
        #expect(restored.object["checksum_verified"] as? Bool == true)
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM tickets") == "0")
        #expect(StockShell.scalar(v.db + "-before-restore", "SELECT count(*) FROM tickets") == "1")
        let audit = v.json("audit verify")
        #expect(audit.object["ok"] as? Bool == true, "\(audit.out)")
        #expect(StockShell.scalar(v.db, "SELECT action FROM audit ORDER BY id DESC LIMIT 1") == "restore")
        #expect(try String(contentsOfFile: v.db + ".key", encoding: .utf8) == String(contentsOfFile: copy + ".key", encoding: .utf8))
    }

    @Test func aDamagedCopyIsRefusedWithoutTouchingTheDesk() throws {
        let v = Vssdesk.ready(demo: 100)
        let copy = v.dir + "/copy.sqlite"
        #expect(v.json("backup \(copy)").code == 0)
        #expect(v.run(["--as", "hoa", "-c", "ticket new --caller 0903000001 --line 121 giữ lại"]).code == 0)
        // One changed byte inside the file (not its structure).
        let handle = try #require(FileHandle(forUpdatingAtPath: copy))
        try handle.seek(toOffset: 60_000)
        try handle.write(contentsOf: Data("XYZ".utf8))
        try handle.close()
        let r = v.json("restore \(copy)")
        #expect(r.code == 1)
        #expect(r.err.contains("không khớp mã kiểm tra"), "\(r.err)")
        // Cut short: refused too, even without a checksum file.
        let short = v.dir + "/short.sqlite"
        FileManager.default.createFile(atPath: short, contents: try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(8192))
        #expect(v.json("restore \(short)").code == 1)
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM tickets") == "1")
        #expect(!FileManager.default.fileExists(atPath: v.db + "-before-restore"))
    }

    @Test func onlyAnAdminBacksUpOrRestoresAndNotWhileOthersAreConnected() throws {
        let v = Vssdesk.ready(demo: 50)
        let copy = v.dir + "/copy.sqlite"
        #expect(v.json("backup \(copy)", as: "hoa").code == 3)
        #expect(v.json("backup \(copy)", as: "lan").code == 3)
        #expect(v.json("backup \(copy)").code == 0)
        #expect(v.json("backup \(copy)").code == 1, "an existing copy was overwritten without --replace")
        #expect(v.json("backup \(copy) --replace").code == 0)
        #expect(v.json("restore \(copy)", as: "lan").code == 3)
        // The desk's own files are never a backup's destination.
        #expect(v.json("backup \(v.db) --replace").code == 1)

        // A console left open at its prompt (stdin a pipe kept open) holds the desk.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Vssdesk.binary)
        p.arguments = ["--db", v.db, "--as", "hoa"]
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data("whoami\n".utf8))
        usleep(500_000)
        let busy = v.json("restore \(copy)")
        #expect(busy.code == 4, "\(busy.err)")
        #expect(busy.err.contains("\(p.processIdentifier)"))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(v.json("restore \(copy)").code == 0)
    }

    @Test func namesPlantedBesideTheCopyAreNotWrittenThrough() throws {
        let v = Vssdesk.ready(demo: 20)
        let victim = v.write("victim.txt", "keep me\n")
        let copy = v.dir + "/copy.sqlite"
        try FileManager.default.createSymbolicLink(atPath: copy + ".sha256", withDestinationPath: victim)
        #expect(v.json("backup \(copy)").code == 0)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: copy + ".sha256")) == nil)
        #expect(sh("/bin/sh", ["-c", "cd \"$0\" && sha256sum -c copy.sqlite.sha256", v.dir]).code == 0)
    }
}
