import Foundation
import Testing
import DeskTestSupport

@Suite(.freshDatabases) struct ScriptModeTests {
    @Test func initCreatesDatabaseAndAdmin() {
        let v = Vssdesk()
        let r = v.run(["--format", "json", "init"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.object["created"] as? Bool == true)
        let who = v.json("whoami")
        #expect(who.object["role"] as? String == "admin")
    }

    @Test func jsonIsExactlyOneDocument() {
        let v = Vssdesk.ready(demo: 50)
        let r = v.json("search nguyen --limit 3")
        #expect(r.code == 0, "\(r.err)")
        let o = r.object
        #expect(o["kind"] as? String == "name")
        #expect((o["results"] as? [[String: Any]])?.count ?? 0 <= 3)
        for hit in (o["results"] as? [[String: Any]]) ?? [] {
            #expect((hit["phone"] as? String)?.contains("***") ?? true)
            #expect(hit["bhxh_code"] as? String != nil && hit["full_name"] as? String != nil)
        }
    }

    @Test func commandFormAndRepeatedC() {
        let v = Vssdesk.ready()
        let a = v.run(["--format", "json", "check", "0901234567"])
        #expect(a.code == 0)
        #expect(a.object["kind"] as? String == "mobile")
        let b = v.run(["--format", "json", "-c", "check 079203001234", "-c", "check 028 3854 3385"])
        let docs = b.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(docs.count == 2)
        #expect(docs.last?["kind"] as? String == "landline")
        #expect(docs.last?["valid"] as? Bool == false)
    }

    @Test func scriptFileStdinAndOnError() {
        let v = Vssdesk.ready()
        let script = v.write("s.vss", "# comment\ncheck 0901234567\nnosuchcommand\ncheck 079203001234\n")
        let stop = v.run(["-f", script])
        #expect(stop.code == 2)
        #expect(stop.err.contains("s.vss:3"))
        #expect(!stop.out.contains("079203001234"))
        let cont = v.run(["--on-error", "continue", "-f", script])
        #expect(cont.code == 2)
        #expect(cont.out.contains("079203001234"))
        let piped = v.run([], stdin: "check 0901234567\n")
        #expect(piped.code == 0 && piped.out.contains("số di động"))
        let dash = v.run(["-f", "-"], stdin: "check 0901234567\n")
        #expect(dash.code == 0 && dash.out.contains("số di động"))
    }

    @Test func exitCodes() {
        let v = Vssdesk.ready()
        #expect(v.run(["-c", "serch x"]).code == 2)
        #expect(v.run(["-c", "search x --bogus"]).code == 2)
        #expect(v.run(["--bogus-global"]).code == 2)
        #expect(v.run(["--as", "hoa", "-c", "operator add x"]).code == 3)
        #expect(v.run(["--as", "nobody", "-c", "check 1"]).code == 3)
        #expect(v.run(["-c", "show 7999999999"]).code == 1)
        let missing = v.run(["--db", v.dir + "/nope.sqlite", "-c", "check 1"], withDB: false)
        #expect(missing.code == 4)
        #expect(missing.err.contains("init"))
    }

    @Test(.sqliteOnly("a foreign SQLite file, and a schema version set with the sqlite3 shell"))
    func notAVssdeskDatabaseOrNewerSchema() throws {
        let v = Vssdesk.ready()
        let foreign = v.dir + "/foreign.sqlite"
        try Data("SQLite format 3\0 but not really a database file at all".utf8).write(to: URL(fileURLWithPath: foreign))
        let r = v.run(["--db", foreign, "-c", "check 1"], withDB: false)
        #expect(r.code == 4, "\(r.err)")
        let sh = Process()
        sh.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sh.arguments = [v.db, "PRAGMA user_version = 999"]
        try sh.run()
        sh.waitUntilExit()
        let newer = v.run(["-c", "check 1"])
        #expect(newer.code == 4)
        #expect(newer.err.contains("mới hơn phiên bản vssdesk này biết") && !newer.err.contains("desk."), "\(newer.err)")
    }

    @Test(.sqliteOnly("a SQLite file held by the sqlite3 shell's exclusive lock"))
    func lockedDatabaseIsExitFour() throws {
        let v = Vssdesk.ready()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [v.db]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE; INSERT INTO config VALUES ('lock','1');\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let r = v.run(["-c", "search nguyen"], env: ["VSSDESK_BUSY_TIMEOUT_MS": "100"])
        try? input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(r.code == 4, "\(r.err)")
        #expect(r.err.contains("cơ sở dữ liệu đang bận"), "\(r.err)")
    }

    @Test func badCSVImportReportsAndChangesNothing() {
        let v = Vssdesk.ready()
        let csv = v.write("bad.csv", "bhxh_code,full_name,dob\n7900000001,Nguyễn Văn A,1990-01-01\n7900000002,Lê B,1990-13-01\n")
        let r = v.run(["-c", "import registrations \(csv)"])
        #expect(r.code == 1)
        #expect(r.err.contains("dòng 3") && r.err.contains("dob"), "\(r.err)")
        let count = v.json("search 7900000001")
        #expect(count.object["total"] as? Int == 0)
        let skip = v.run(["--format", "json", "-c", "import registrations \(csv) --skip-bad \(v.dir)/rejects.csv"])
        #expect(skip.code == 0)
        #expect(skip.object["inserted"] as? Int == 1 && skip.object["rejected"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: v.dir + "/rejects.csv"))
    }

    @Test func asIsOnlyForRootAndAuditRecordsWho() {
        let v = Vssdesk.ready(demo: 20)
        _ = v.run(["--as", "hoa", "-c", "search nguyen"])
        let audit = v.json("audit --operator hoa")
        let rows = audit.object["results"] as? [[String: Any]] ?? []
        #expect(rows.contains { $0["action"] as? String == "search" })
    }
    /// One-shot commands skip SQLite's checkpoint at close, but never leave the next process a long log to index:
    /// a big write empties it on the way out, a lookup leaves its few frames.
    @Test(.sqliteOnly("SQLite's write-ahead log file beside the desk"))
    func aOneShotLeavesTheWriteAheadLogShort() throws {
        let v = Vssdesk.ready()
        let r = v.run(["-c", "demo --count 3000"])
        #expect(r.code == 0, "\(r.err)")
        func walBytes() -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: v.db + "-wal"))?[.size] as? Int) ?? 0
        }
        #expect(walBytes() <= 1 << 20)
        #expect(v.run(["-c", "search nguyen"]).code == 0)
        #expect(walBytes() > 0 && walBytes() <= 1 << 20)
        #expect(v.run(["-c", "search nguyen van"]).out.contains("Nguy"))
    }
}
