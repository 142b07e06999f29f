import Foundation
import Testing
import DeskTestSupport

/// Drives the built binary the way scripts do, on a fresh desk: a SQLite file in the test's folder, or with
/// `VSSDESK_TEST_BACKEND=postgres` a fresh PostgreSQL database given to `--db` as its URI.
struct Vssdesk {
    struct Result {
        var code: Int32
        var out: String
        var err: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(out.utf8)) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
    }

    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["VSSDESK_BIN"], !b.isEmpty { return b }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/vssdesk").path
    }

    /// The test's own folder (HOME, files to import, reports).
    let dir: String
    /// The desk's `--db`: a file path or a libpq URI.
    let db: String

    init() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-e2e-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        db = TestBackend.isPostgres ? Self.freshServerDesk() : dir + "/desk.sqlite"
    }

    /// A new database on the test server, and the folder of the server key beside the binary.
    private static func freshServerDesk() -> String {
        do {
            try FileManager.default.createDirectory(atPath: (serverKeyFile as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            return try TestBackend.freshDatabase()
        } catch {
            Issue.record("no PostgreSQL database for the test: \(error)")
            return "postgresql:///no-test-database"
        }
    }

    /// The install key of the desk: beside a SQLite file; for a server desk the machine's, beside the installed
    /// binary (`InstallKey.serverKeyPath`: `<prefix>/etc/vssdesk/server.key` for `<prefix>/<dir>/vssdesk`).
    var keyFile: String { TestBackend.isPostgres ? Self.serverKeyFile : db + ".key" }

    static var serverKeyFile: String {
        let prefix = URL(fileURLWithPath: binary).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        return prefix.appendingPathComponent("etc/vssdesk/server.key").path
    }

    /// A database with the calling user (root) as admin, `hoa` as operator on line 121, `lan` as supervisor.
    static func ready(demo: Int? = nil) -> Vssdesk {
        let v = Vssdesk()
        _ = v.run(["init"] + (demo.map { ["--demo", String($0)] } ?? []))
        _ = v.run(["-c", "operator add hoa --name 'Trần Thị Hoa' --line 121", "-c", "operator add lan --name 'Lê Thị Lan' --line 122 --role supervisor"])
        return v
    }

    @discardableResult
    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], withDB: Bool = true) -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Vssdesk.binary)
        p.arguments = (withDB ? ["--db", db] : []) + args
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = dir
        environment["VSSDESK_KB_DIR"] = Vssdesk.kbDir
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try! p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    func json(_ command: String, as user: String? = nil, env: [String: String] = [:]) -> Result {
        run((user.map { ["--as", $0] } ?? []) + ["--format", "json", "-c", command], env: env)
    }

    func write(_ name: String, _ text: String) -> String {
        let p = dir + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    static var kbDir: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("kb").path
    }
}
