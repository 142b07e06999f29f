import Foundation
import Testing
import DeskTestSupport

/// Script input is checked line by line before it becomes a command (SPEC §13): refusals name the line, never
/// repair it into another command, and never quote a file the user could not read.
@Suite(.freshDatabases) struct ScriptInputTests {
    @Test func badLinesAreRefusedWithTheirLineNumberAndTheRestStillRuns() throws {
        let v = Vssdesk.ready()
        var bytes = Array("check 0912345678\n".utf8)
        bytes += Array("check 09123".utf8) + [0] + Array("45678\n".utf8)          // line 2: NUL
        bytes += Array("check ".utf8) + [0xC3, 0x28] + Array("\n".utf8)           // line 3: invalid UTF-8
        bytes += Array(("check " + String(repeating: "9", count: 70_000) + "\n").utf8)  // line 4: over 64 KB
        bytes += Array("check 7901234567\n".utf8)
        let path = v.dir + "/script.vss"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let r = v.run(["--format", "json", "-f", path, "--on-error", "continue"])
        #expect(r.code == 1)
        #expect(r.err.contains("script.vss:2: lỗi:") && r.err.contains("NUL"), "\(r.err)")
        #expect(r.err.contains("script.vss:3: lỗi:") && r.err.contains("UTF-8"), "\(r.err)")
        #expect(r.err.contains("script.vss:4: lỗi:") && r.err.contains("64 KB"), "\(r.err)")
        #expect(r.err.utf8.count < 2_000, "the overlong line was echoed")
        #expect(r.documents.count >= 2, "the good lines did not run: \(r.out)")

        let stopped = v.run(["--format", "json", "-f", path])
        #expect(stopped.code == 1)
        #expect(!stopped.err.contains("script.vss:3:"))

        // The console may stop reading before the test has written everything: no SIGPIPE for the test runner.
        signal(SIGPIPE, SIG_IGN)
        let piped = v.run(["--format", "json", "--on-error", "continue"], stdin: String(decoding: bytes, as: UTF8.self) + "check 7901234567\n")
        #expect(piped.code == 1)
        #expect(piped.err.contains("stdin:2: lỗi:") && piped.err.contains("stdin:4: lỗi:"), "\(piped.err)")
        #expect(piped.documents.count >= 3, "\(piped.out)")
    }

    @Test func aFileThatIsNotReadableIsNamedNotQuoted() throws {
        let v = Vssdesk.ready()
        let r = v.run(["-f", v.dir + "/missing.vss"])
        #expect(r.code == 1)
        #expect(r.err.contains("không đọc được tệp"))
        // The desk's own files are refused by name, whoever asks (root here).
        let key = v.run(["-f", v.keyFile])
        #expect(key.code == 1)
        let secret = try String(contentsOfFile: v.keyFile, encoding: .utf8)
        #expect(!(key.out + key.err).contains(secret.prefix(12)))
    }
}

@Suite(.sqliteOnly("about the SQLite file itself: its URI form, its mode, the files init makes"))
struct DatabaseFileTests {
    @Test func aURIIsNotAcceptedAsTheDatabase() {
        let v = Vssdesk.ready()
        let r = v.run(["search", "nguyen"], env: ["VSSDESK_DB": "file:\(v.db)?nolock=1"], withDB: false)
        #expect(r.code == 4)
        #expect(r.err.contains("URI"))
    }

    @Test func aWorldReadableDatabaseIsRefusedWithTheFix() {
        let v = Vssdesk.ready()
        chmod(v.db, 0o644)
        let r = v.run(["search", "nguyen"])
        #expect(r.code == 4)
        #expect(r.err.contains("chmod 660"))
        chmod(v.db, 0o660)
        #expect(v.run(["search", "nguyen"]).code == 0)
    }

    @Test func initUnderAnyUmaskMakesPrivateFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-umask-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = sh("/bin/sh", ["-c", "umask 000; exec \"$0\" --db \"$1\" init", Vssdesk.binary, dir + "/d.sqlite"])
        #expect(r.code == 0, "\(r.err)")
        for (file, mode) in [("d.sqlite", 0o660), ("d.sqlite-wal", 0o660), ("d.sqlite-shm", 0o660), ("d.sqlite.key", 0o640)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/" + file)
            #expect(attributes[.posixPermissions] as? Int == mode, "\(file)")
        }
    }
}

@Suite(.sqliteOnly("the refusal of a world-readable database file"))
struct FileProblemLanguageTests {
    /// The refusals of files are said in the operator's language, and the same in English on request.
    @Test func fileRefusalsAreVietnameseByDefaultAndEnglishOnRequest() {
        let v = Vssdesk.ready()
        chmod(v.db, 0o644)
        defer { chmod(v.db, 0o660) }
        let vi = v.run(["search", "nguyen"])
        #expect(vi.code == 4 && vi.err.contains("chmod 660") && vi.err.contains("dữ liệu cá nhân"), "\(vi.err)")
        let en = v.run(["search", "nguyen"], env: ["VSSDESK_LANG": "en"])
        #expect(en.code == 4 && en.err.contains("personal data"), "\(en.err)")
        chmod(v.db, 0o660)
        let script = v.run(["--format", "json", "-c", "report --html \(v.db)"])
        #expect(script.code == 1 && script.err.contains("tệp riêng của hệ thống"), "\(script.err)")
    }
}
