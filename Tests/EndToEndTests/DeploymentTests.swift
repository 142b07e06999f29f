import Foundation
import Testing
import DeskTestSupport

/// The README's shared-server deployment done for real (SPEC §13): a `vssdesk` group, Unix users made with
/// `useradd`, the binary installed setgid into a temporary prefix, the database created by `init` under umask 022,
/// and every attack run as those users through `runuser` against the installed binary.
final class Deployment: @unchecked Sendable {
    static let group = "vssd_desk"
    static let admin = "vssd_adm", op = "vssd_op", sup = "vssd_sup", off = "vssd_off"
    static let users = [admin, op, sup, off]

    static var possible: Bool {
        getuid() == 0 && ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/runuser"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// One installation for the whole suite (users and the setgid copy are slow to make).
    static let shared: Deployment? = possible ? try? Deployment() : nil

    let prefix: String
    var bin: String { prefix + "/bin/vssdesk" }
    var srv: String { prefix + "/srv" }
    var db: String { srv + "/desk.sqlite" }
    let deskGID: String

    init() throws {
        sh("/usr/sbin/groupadd", ["-f", Self.group])
        for u in Self.users where sh("/usr/bin/id", [u]).code != 0 {
            sh("/usr/sbin/useradd", ["-m", "-s", "/bin/sh", u])
        }
        for u in Self.users { sh("/usr/bin/gpasswd", ["-d", u, Self.group]) }  // nobody is in the desk's group
        deskGID = sh("/usr/bin/getent", ["group", Self.group]).out.split(separator: ":").dropFirst(2).first.map(String.init) ?? ""
        prefix = "/tmp/vssdesk-deploy-\(UUID().uuidString.prefix(8))"
        let fm = FileManager.default
        for d in [prefix, prefix + "/bin", prefix + "/share/vssdesk/kb"] {
            try fm.createDirectory(atPath: d, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try fm.copyItem(atPath: Vssdesk.binary, toPath: prefix + "/bin/vssdesk")
        sh("/bin/chown", ["root:" + Self.group, prefix + "/bin/vssdesk"])
        sh("/bin/chmod", ["2755", prefix + "/bin/vssdesk"])
        for f in try fm.contentsOfDirectory(atPath: Vssdesk.kbDir) where f.hasSuffix(".md") {
            try fm.copyItem(atPath: Vssdesk.kbDir + "/" + f, toPath: prefix + "/share/vssdesk/kb/" + f)
            sh("/bin/chmod", ["0644", prefix + "/share/vssdesk/kb/" + f])
        }
        sh("/usr/bin/install", ["-d", "-o", Self.admin, "-g", Self.group, "-m", "2770", prefix + "/srv"])
        let made = run(Self.admin, ["init", "--demo", "300"], umask: "022")
        guard made.code == 0 else { throw Failure(text: "init failed: \(made.err)") }
        run(Self.admin, ["-c", "operator add \(Self.op) --name 'Trần Thị Hoa' --line 121",
                         "-c", "operator add \(Self.sup) --name 'Lê Thị Lan' --line 122 --role supervisor",
                         "-c", "operator add \(Self.off) --name 'Nguyễn Văn Nghỉ' --line 123",
                         "-c", "operator disable \(Self.off)"])
    }

    struct Failure: Error { var text: String }

    static func home(_ user: String) -> String { "/home/" + user }

    /// Runs the installed binary as `user` with a clean environment (what a login shell would give them).
    @discardableResult
    func run(_ user: String, _ args: [String], env: [String: String] = [:], stdin: String? = nil, umask: String = "077",
             cwd: String? = nil, argv0: String? = nil, database: String? = nil) -> Vssdesk.Result {
        var environment = ["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(Self.home(user))", "LANG=C.UTF-8",
                           "VSSDESK_DB=\(database ?? db)"]
        for (k, v) in env.sorted(by: { $0.key < $1.key }) {
            environment.removeAll { $0.hasPrefix(k + "=") }
            environment.append("\(k)=\(v)")
        }
        let exec = argv0.map { "exec -a \"\($0)\" \"$B\" \"$@\"" } ?? "exec \"$B\" \"$@\""
        let script = "umask \(umask); cd \"${CWD:-$HOME}\"; " + exec
        return sh("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i"] + environment
                  + ["B=\(bin)", "CWD=\(cwd ?? "")", "/bin/bash", "-c", script, "vssdesk"] + args, stdin: stdin)
    }

    /// Writes a file owned by `user` (mode 0755 for scripts).
    func give(_ user: String, _ path: String, _ text: String, mode: String = "0644") {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        sh("/bin/chown", ["-R", "\(user):\(user)", Self.home(user)])
        sh("/bin/chmod", [mode, path])
    }

    /// Rows of a query, read as root with the stock shell; the log is kept (persist_wal) as vssdesk keeps it.
    func rows(_ sql: String, database: String? = nil) -> [[String]] {
        sh("/usr/bin/sqlite3", ["-batch", "-cmd", ".output /dev/null", "-cmd", ".filectrl persist_wal 1", "-cmd", ".output stdout",
                                database ?? db, sql]).out
            .split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    /// A registration `resend` works for, not used by another test (`skip`), as `resend` arguments.
    func callable(skip: Int, database: String? = nil) -> (code: String, verify: String)? {
        let rows = rows("""
            SELECT bhxh_code, dob, id_number FROM registrations r
            WHERE kind = 'self' AND status = 'approved' AND dob IS NOT NULL AND id_number IS NOT NULL AND length(phone) = 10
              AND (SELECT count(*) FROM registrations x WHERE x.phone = r.phone) = 1
            ORDER BY bhxh_code
            """, database: database)
        guard rows.count > skip, rows[skip].count == 3 else { return nil }
        return (rows[skip][0], "--verify dob=\(rows[skip][1]),id=\(rows[skip][2])")
    }

    func resend(_ user: String, _ reg: (code: String, verify: String), database: String? = nil, env: [String: String] = [:]) -> Vssdesk.Result {
        run(user, ["resend", reg.code] + reg.verify.split(separator: " ").map(String.init), env: env, database: database)
    }
}

@discardableResult
func sh(_ path: String, _ args: [String], stdin: String? = nil) -> Vssdesk.Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    do { try p.run() } catch { return Vssdesk.Result(code: 127, out: "", err: "\(error)") }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Vssdesk.Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
}

@Suite(.serialized, .sqliteOnly("the setgid deployment guards a SQLite file, its WAL and its key; a server desk is guarded by its roles (SPEC §15)"),
        .enabled(if: Deployment.possible,
                             "the deployment test needs root with useradd, groupadd and runuser (CI runs as root); skipping"))
struct DeploymentTests {
    let d: Deployment
    init() throws { d = try #require(Deployment.shared, "could not install the setgid deployment") }

    var op: String { Deployment.op }
    var sup: String { Deployment.sup }
    var admin: String { Deployment.admin }

    @Test func filesAreMadeWithSafeModesWhateverTheUmask() throws {
        #expect(d.mode(d.db) == 0o660)
        #expect(d.mode(d.db + ".key") == 0o640)
        for f in [d.db + "-wal", d.db + "-shm"] {
            #expect(d.mode(f) == 0o660, "\(f)")
        }
        // Only the desk's owner may make the log again: an operator's process would own it.
        let info = try FileManager.default.attributesOfItem(atPath: d.db + "-wal")
        #expect(info[.ownerAccountName] as? String == admin)
        // An operator reads nothing of it directly.
        for f in [d.db, d.db + "-wal", d.db + "-shm", d.db + ".key"] {
            #expect(sh("/usr/sbin/runuser", ["-u", op, "--", "/bin/cat", f]).code != 0, "\(f) readable by an operator")
        }
        #expect(d.run(op, ["--format", "json", "search", "nguyen"]).code == 0)

        // A copy that every user can read is refused, with the fix.
        let copy = d.srv + "/copy.sqlite"
        sh("/bin/cp", ["-p", d.db, copy])
        sh("/bin/cp", ["-p", d.db + ".key", copy + ".key"])
        sh("/bin/chmod", ["0644", copy])
        let r = d.run(admin, ["search", "nguyen"], database: copy)
        #expect(r.code == 4)
        #expect(r.err.contains("chmod 660"))
    }

    @Test func anOperatorCannotChooseTheGatewayNorPlantOne() throws {
        let reg = try #require(d.callable(skip: 0))
        #expect(d.resend(op, reg).code == 0)
        let marker = Deployment.home(op) + "/ran"
        d.give(op, Deployment.home(op) + "/x.sh", "#!/bin/sh\necho \"$@\" > \(marker)\n", mode: "0755")
        let asOperator = d.run(op, ["outbox", "send", "--gateway", Deployment.home(op) + "/x.sh {to} {body}"])
        #expect(asOperator.code == 3)
        #expect(d.run(op, ["outbox", "send"]).code == 3)
        #expect(!FileManager.default.fileExists(atPath: marker))

        // A fake gammu-smsd-inject first in a supervisor's PATH is never the one run.
        let supMarker = Deployment.home(sup) + "/ran"
        d.give(sup, Deployment.home(sup) + "/bin/gammu-smsd-inject", "#!/bin/sh\necho \"$@\" > \(supMarker)\n", mode: "0755")
        d.run(sup, ["outbox", "send", "--timeout", "3"], env: ["PATH": Deployment.home(sup) + "/bin:/usr/bin:/bin"])
        #expect(!FileManager.default.fileExists(atPath: supMarker))
        #expect(d.run(sup, ["outbox", "send", "--gateway", Deployment.home(sup) + "/bin/gammu-smsd-inject {to} {body}"]).code == 3)
        #expect(d.run(sup, ["config", "set", "sms_gateway", Deployment.home(sup) + "/bin/gammu-smsd-inject {to} {body}"]).code == 3)
        #expect(!FileManager.default.fileExists(atPath: supMarker))
    }

    @Test func theGatewayRunsWithoutTheDeskGroupAndNoPasswordStays() throws {
        let reg = try #require(d.callable(skip: 1))
        let resend = d.resend(op, reg)
        #expect(resend.code == 0)
        // The admin's gateway, run by a supervisor's delivery: it gets the supervisor's rights, not the desk's.
        let out = d.prefix + "/probe"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        sh("/bin/chmod", ["1777", out])
        let gateway = """
            #!/bin/sh
            printf '%s\n' "$2" > \(out)/body.txt
            id -G > \(out)/groups.txt
            if cat \(d.db) > /dev/null 2>&1 || cat \(d.db).key > /dev/null 2>&1 || cat \(d.db)-wal > /dev/null 2>&1; then echo LEAK; else echo DENIED; fi > \(out)/probe.txt
            exit 0
            """
        FileManager.default.createFile(atPath: d.prefix + "/bin/gw.sh", contents: Data(gateway.utf8))
        sh("/bin/chmod", ["0755", d.prefix + "/bin/gw.sh"])
        #expect(d.run(admin, ["config", "set", "sms_gateway", d.prefix + "/bin/gw.sh {to} {body}"]).code == 0)
        defer { d.run(admin, ["config", "set", "sms_gateway", "gammu-smsd-inject TEXT {to} -unicode -text {body}"]) }
        let send = d.run(sup, ["--format", "json", "outbox", "send"])
        #expect(send.code == 0, "\(send.err)")
        let home = out
        #expect(try String(contentsOfFile: home + "/probe.txt", encoding: .utf8).contains("DENIED"))
        let groups = try String(contentsOfFile: home + "/groups.txt", encoding: .utf8).split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        #expect(!groups.contains(d.deskGID), "the gateway ran with the desk's group")
        let body = try String(contentsOfFile: home + "/body.txt", encoding: .utf8)
        let password = try #require(CallFlowTests.password(in: body))
        // Not on any screen, not in the database file nor in its log once delivered.
        for text in [resend.out, resend.err, send.out, send.err] { #expect(!text.contains(password)) }
        for f in [d.db, d.db + "-wal"] {
            #expect(d.bytes(f).range(of: Data(password.utf8)) == nil, "the password is still in \(f)")
        }
    }

    @Test func aFailingGatewayThatEchoesLeavesNoPassword() throws {
        // Its own desk: this test moves the clock (root's VSSDESK_NOW) to reach the fifth, final attempt.
        let db = d.srv + "/failing.sqlite"
        #expect(d.run(admin, ["init", "--demo", "200"], database: db).code == 0)
        d.run(admin, ["operator", "add", op, "--line", "121"], database: db)
        let reg = try #require(d.callable(skip: 0, database: db))
        #expect(d.resend(op, reg, database: db).code == 0)
        let home = Deployment.home(admin)
        d.give(admin, home + "/echo.sh", "#!/bin/sh\nprintf '%s\\n' \"$2\" > \(home)/echoed.txt\necho \"cannot send: $@\"\nexit 1\n", mode: "0755")
        var outputs: [String] = []
        let start = Date()
        for attempt in 0..<5 {
            let now = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(attempt) * 600))
            let r = sh("/usr/bin/env", ["VSSDESK_NOW=\(now)", d.bin, "--db", db, "--as", admin, "outbox", "send",
                                        "--gateway", home + "/echo.sh {to} {body}"])
            outputs += [r.out, r.err]
        }
        #expect(d.rows("SELECT status FROM sms_outbox", database: db).first?.first == "failed")
        let password = try #require(CallFlowTests.password(in: try String(contentsOfFile: home + "/echoed.txt", encoding: .utf8)))
        let lastError = d.rows("SELECT last_error FROM sms_outbox", database: db).first?.first ?? ""
        #expect(!lastError.isEmpty && !lastError.contains(password))
        let audit = d.rows("SELECT detail FROM audit", database: db).flatMap { $0 }.joined(separator: "\n")
        #expect(!audit.contains(password))
        for text in outputs { #expect(!text.contains(password)) }
        for f in [db, db + "-wal"] { #expect(d.bytes(f).range(of: Data(password.utf8)) == nil, "password left in \(f)") }
    }

    @Test func filesTheUserNamesAreOpenedWithTheirOwnRights() throws {
        let key = try String(contentsOfFile: d.db + ".key", encoding: .utf8)
        let script = d.run(op, ["-f", d.db + ".key"])
        #expect(script.code != 0)
        #expect(script.err.contains("không đọc được tệp"))
        #expect(!(script.out + script.err).contains(key.prefix(16)))
        let imported = d.run(sup, ["import", "insured", d.db + ".key"])
        #expect(imported.code != 0)
        #expect(!(imported.out + imported.err).contains(key.prefix(16)))
        #expect(d.run(op, ["-f", d.db]).code != 0)

        let before = d.bytes(d.db)
        #expect(d.run(sup, ["report", "--html", d.db]).code != 0)
        let csv = Deployment.home(sup) + "/good.csv"
        d.give(sup, csv, "bhxh_code,full_name\n7912345678,Nguyễn Văn A\n")
        #expect(d.run(sup, ["import", "registrations", csv, "--skip-bad", d.db]).code != 0)
        #expect(d.run(sup, ["import", "registrations", csv, "--skip-bad", d.db + ".key"]).code != 0)
        // Even the desk's owner cannot write a report over the database by naming it.
        #expect(d.run(admin, ["report", "--html", d.db]).code != 0)
        #expect(d.run(admin, ["report", "--html", d.db + ".key"]).code != 0)
        #expect(d.bytes(d.db) == before || d.rows("PRAGMA integrity_check").first?.first == "ok")
        #expect(d.rows("PRAGMA integrity_check").first?.first == "ok")
        #expect(try String(contentsOfFile: d.db + ".key", encoding: .utf8) == key)
        // What the user may write, they still can.
        let report = Deployment.home(sup) + "/bao-cao.html"
        d.give(sup, Deployment.home(sup) + "/.keep", "")
        #expect(d.run(sup, ["report", "--html", report]).code == 0)
    }

    @Test func settingsThatChangeTrustAreNotTheOperatorsToChange() throws {
        #expect(d.run(op, ["--as", admin, "search", "nguyen"]).code == 3)
        #expect(d.run(op, ["kb", "reindex"]).code == 3)
        let evil = "---\nid: dang-nhap\ntitle: Đăng nhập\ntags: [đăng nhập]\n---\nGọi ngay 0999 999 999 để lấy lại mật khẩu.\n"
        let home = Deployment.home(op)
        d.give(op, home + "/kb/dang-nhap.md", evil)
        d.give(op, home + "/fake/share/vssdesk/kb/dang-nhap.md", evil)
        d.give(op, home + "/fake/bin/.keep", "")
        let viaEnv = d.run(op, ["kb", "show", "dang-nhap"], env: ["VSSDESK_KB_DIR": home + "/kb"])
        let viaCwd = d.run(op, ["kb", "show", "dang-nhap"], cwd: home)
        let viaArgv0 = d.run(op, ["kb", "show", "dang-nhap"], argv0: home + "/fake/bin/vssdesk")
        for r in [viaEnv, viaCwd, viaArgv0] {
            #expect(r.code == 0)
            #expect(!r.out.contains("0999"), "an operator's folder replaced a shared article")
        }
        // The disabled operator can do nothing, init included.
        #expect(d.run(Deployment.off, ["search", "nguyen"]).code == 3)
        #expect(d.run(Deployment.off, ["init"]).code == 3)
        #expect(d.run(op, ["init"]).code == 3)
        // VSSDESK_KEY_FILE is root's only: an operator's own key would let them check or forge hashes.
        let reg = try #require(d.callable(skip: 2))
        let mine = home + "/my.key"
        #expect(d.resend(op, reg, env: ["VSSDESK_KEY_FILE": mine]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: mine))
        let clock = d.run(op, ["--format", "json", "search", "nguyen"], env: ["VSSDESK_NOW": "2020-01-01T00:00:00Z"])
        #expect(clock.err.contains("VSSDESK_NOW"))
    }

    @Test func aDeskOfTheirOwnGivesAnOperatorNothing() throws {
        // An operator makes a desk in their home, where they are its admin, and uses an admin's powers there.
        let home = Deployment.home(op)
        let own = home + "/own-\(UUID().uuidString.prefix(8)).sqlite"
        #expect(d.run(op, ["init", "--demo", "100"], database: own).code == 0)
        let reg = try #require(d.callable(skip: 0, database: own))
        #expect(d.resend(op, reg, database: own).code == 0)
        let probe = "#!/bin/sh\nid -G > \(home)/own-groups.txt\nif cat \(d.db) > /dev/null 2>&1; then echo LEAK; else echo DENIED; fi > \(home)/own-probe.txt\n"
        d.give(op, home + "/probe.sh", probe, mode: "0755")
        #expect(d.run(op, ["outbox", "send", "--gateway", home + "/probe.sh {to} {body}"], database: own).code == 0)
        #expect(try String(contentsOfFile: home + "/own-probe.txt", encoding: .utf8).contains("DENIED"))
        let groups = try String(contentsOfFile: home + "/own-groups.txt", encoding: .utf8).split(separator: " ")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(!groups.contains(d.deskGID))
        // Nor can they make files in the desk's folder with its group.
        let planted = d.srv + "/planted.sqlite"
        #expect(d.run(op, ["init"], database: planted).code != 0)
        #expect(!FileManager.default.fileExists(atPath: planted))
        // A symlink of their own to the real desk is still the desk, with their operator's rights only.
        let link = home + "/desk-link.sqlite"
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: d.db)
        #expect(d.run(op, ["config", "set", "resend_daily_limit", "60"], database: link).code == 3)
    }

    @Test func aBadStoredSettingIsReportedNotLoopedOn() throws {
        let reg = try #require(d.callable(skip: 3))
        _ = d.rows("INSERT INTO config(key, value) VALUES ('review_working_days', '9223372036854775807') "
                   + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        defer { _ = d.rows("DELETE FROM config WHERE key = 'review_working_days'") }
        let started = Date()
        let r = d.run(op, ["diagnose", reg.code])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(r.code == 1)
        #expect(r.err.contains("review_working_days"))
    }

    @Test func sigtermStopsAnImportAndCommitsNothing() throws {
        let csv = Deployment.home(sup) + "/big.csv"
        var text = "bhxh_code,full_name,dob,gender,phone,status,kind,agency_code,submitted_at\n"
        text.reserveCapacity(7_000_000)
        for i in 0..<60_000 {
            text += "79\(String(format: "%08d", 10_000_000 + i)),Nguyễn Văn Thử \(i),1990-01-01,M,0912345678,submitted,self,07916,2026-01-05T08:00:00Z\n"
        }
        d.give(sup, csv, text)
        let before = d.rows("SELECT count(*) FROM registrations").first?.first
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        p.arguments = ["-u", sup, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + Deployment.home(sup),
                       "VSSDESK_DB=" + d.db, d.bin, "import", "registrations", csv]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        var pid: String?
        for _ in 0..<200 where pid == nil {
            usleep(20_000)
            pid = sh("/usr/bin/pgrep", ["-u", sup, "-f", "vssdesk import registrations"]).out
                .split(separator: "\n").first.map(String.init)
        }
        let found = try #require(pid, "the import never started")
        usleep(300_000)
        sh("/bin/kill", ["-TERM", found])
        p.waitUntilExit()
        #expect(p.terminationStatus != 0)
        #expect(d.rows("SELECT count(*) FROM registrations").first?.first == before)
    }
}
