import Foundation
import Testing

/// A PostgreSQL desk as a city-wide hotline runs it (SPEC §15): the private cluster `make test` started
/// (scripts/with-test-postgres), real Unix users connecting with peer authentication as their own roles, a
/// streaming standby that takes over, and a district's SQLite desk copied in. These run once, in the first pass.
enum ServerDesk {
    static var base: String? {
        let env = ProcessInfo.processInfo.environment
        guard env["VSSDESK_TEST_BACKEND"] != "postgres", let v = env["VSSDESK_TEST_PG"], !v.isEmpty, v != "none" else { return nil }
        return v
    }
    static var available: Bool { base != nil }
    static let bindir = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?.sorted().last
        .map { "/usr/lib/postgresql/\($0)/bin" } ?? "/usr/lib/postgresql/15/bin"

    /// A new, empty database on the test server; its URI.
    static func freshDatabase() throws -> String {
        let base = try #require(base)
        let name = "e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let made = sh("/usr/bin/psql", [base, "-qAtc", "CREATE DATABASE \(name)"])
        #expect(made.code == 0, "\(made.err)")
        return base.replacingOccurrences(of: "postgresql:///vssdesk?", with: "postgresql:///\(name)?")
    }

    /// psql as the test's superuser, or as `user` (peer authentication maps the Unix user to the role).
    @discardableResult
    static func psql(_ uri: String, _ sql: String, as user: String? = nil) -> Vssdesk.Result {
        let args = [uri, "-v", "ON_ERROR_STOP=1", "-qAtc", sql]
        var r = user.map { sh("/usr/sbin/runuser", ["-u", $0, "--", "/usr/bin/psql"] + args) } ?? sh("/usr/bin/psql", args)
        r.out = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        return r
    }
}

@Suite(.serialized, .enabled(if: ServerDesk.available, "needs the PostgreSQL test server of `make test`"))
struct PostgresServerTests {
    @Test func theDatabaseItselfRefusesWhatARoleMayNotDo() throws {
        guard Deployment.possible else { return }
        let uri = try ServerDesk.freshDatabase()
        let v = Vssdesk()
        let op = Deployment.op, sup = Deployment.sup
        for u in [op, sup] where sh("/usr/bin/id", [u]).code != 0 { sh("/usr/sbin/useradd", ["-m", "-s", "/bin/sh", u]) }
        #expect(v.run(["--db", uri, "init", "--demo", "40"], withDB: false).code == 0)
        let added = v.run(["--db", uri, "-c", "operator add \(op) --name 'Trần Thị Hoa' --line 121",
                           "-c", "operator add \(sup) --name 'Lê Thị Lan' --line 122 --role supervisor"], withDB: false)
        #expect(added.code == 0, "\(added.err)")

        // The operator's own role, through the stock psql: the audit trail cannot be changed, credentials not read,
        // operators and settings not managed, no other desk role taken.
        let refused = [
            "UPDATE audit SET detail = 'x'", "DELETE FROM audit", "TRUNCATE audit",
            "SELECT * FROM credentials", "SELECT count(*) FROM credentials",
            "INSERT INTO operators(login, display_name, role, created_at) VALUES ('eve', 'Eve', 'admin', '2026-01-01T00:00:00Z')",
            "UPDATE operators SET role = 'admin' WHERE login = '\(op)'",
            "SELECT vssdesk_sync_role('\(op)', 'admin', true)",
            "INSERT INTO config(key, value) VALUES ('sms_gateway', '/bin/sh -c id')",
            "SET ROLE vssdesk_admin", "UPDATE registrations SET full_name = 'X'",
            "DROP TRIGGER audit_append_only ON audit", "ALTER TABLE audit DISABLE TRIGGER ALL",
            "CREATE TABLE public.mine (a int)",
            // The chain is written by the server's seal alone; a row waiting for it cannot be changed or taken back.
            "INSERT INTO audit(id, at, operator, action, prev_hash, hash) VALUES (999, '2026-01-01T00:00:00Z', 'eve', 'forged', 'x', 'y')",
            "UPDATE audit_pending SET detail = 'x'", "DELETE FROM audit_pending", "TRUNCATE audit_pending",
            "SELECT * FROM audit_pending",
            "INSERT INTO audit_pending(seq, at, operator, action) VALUES (1000000, '2026-01-01T00:00:00Z', '\(op)', 'first')",
        ]
        for sql in refused {
            let r = ServerDesk.psql(uri, sql, as: op)
            #expect(r.code != 0, "an operator's role could run: \(sql)")
            #expect(r.err.contains("permission denied") || r.err.contains("must be owner") || r.err.contains("must be member"),
                    "\(sql): \(r.err)")
        }
        // An audit row of their own is all an operator's psql can add, never one in a colleague's name.
        let blamed = ServerDesk.psql(uri, "INSERT INTO audit_pending(at, operator, action) VALUES ('2026-01-01T00:00:00Z', '\(sup)', 'forged')", as: op)
        #expect(blamed.code != 0 && blamed.err.contains("must name the operator"), "\(blamed.err)")
        // Not even with a temporary view standing in for the catalog the check reads, nor with a row dated 2099
        // (every later row of the chain would be dated 2099 too).
        let hijack = ServerDesk.psql(uri, "CREATE TEMP VIEW pg_roles AS SELECT session_user::name AS rolname, true AS rolsuper; "
                                     + "CREATE TEMP TABLE audit_pending (seq int); "
                                     + "INSERT INTO public.audit_pending(at, operator, action) VALUES ('2026-01-01T00:00:00Z', '\(sup)', 'forged')", as: op)
        #expect(hijack.code != 0 && hijack.err.contains("must name the operator"), "\(hijack.err)")
        let future = ServerDesk.psql(uri, "INSERT INTO audit_pending(at, operator, action) VALUES ('2099-01-01T00:00:00Z', '\(op)', 'later')", as: op)
        #expect(future.code != 0 && future.err.contains("no later than tomorrow"), "\(future.err)")
        // What an operator's work needs is granted: reading registrations, appending to the audit trail's reads.
        #expect(ServerDesk.psql(uri, "SELECT count(*) FROM registrations", as: op).out == "40")
        // A supervisor imports and fixes registrations but still manages no operator.
        #expect(ServerDesk.psql(uri, "UPDATE operators SET active = 0 WHERE login = '\(op)'", as: sup).code != 0)
        #expect(ServerDesk.psql(uri, "SELECT * FROM credentials", as: sup).code != 0)

        // The console as the operator (peer authentication: the Unix login is the role): the desk works, and the
        // operator is who the server says, not who the environment claims.
        let search = sh("/usr/sbin/runuser", ["-u", op, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp", "LOGNAME=root", "USER=root",
                                               "VSSDESK_KB_DIR=\(Vssdesk.kbDir)", Vssdesk.binary, "--db", uri, "--format", "json", "-c", "whoami"])
        #expect(search.code == 0, "\(search.err)")
        #expect(search.out.contains("\"\(op)\""), "\(search.out)")
        let denied = sh("/usr/sbin/runuser", ["-u", op, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp",
                                               "VSSDESK_KB_DIR=\(Vssdesk.kbDir)", Vssdesk.binary, "--db", uri, "-c", "operator add eve --role admin"])
        #expect(denied.code == 3, "\(denied.out) \(denied.err)")
        // The operator's own lookup is in the chain, sealed by the server with the owner's rights.
        let looked = sh("/usr/sbin/runuser", ["-u", op, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=/tmp",
                                               "VSSDESK_KB_DIR=\(Vssdesk.kbDir)", Vssdesk.binary, "--db", uri, "-c", "search Nguyễn"])
        #expect(looked.code == 0, "\(looked.err)")
        #expect(ServerDesk.psql(uri, "SELECT count(*) FROM audit WHERE operator = '\(op)' AND action = 'search'").out == "1")
        #expect(ServerDesk.psql(uri, "SELECT count(*) FROM audit_pending").out == "0")
        // The chain the operator could not touch still verifies.
        let verify = v.run(["--db", uri, "--format", "json", "-c", "audit verify"], withDB: false)
        #expect(verify.code == 0, "\(verify.out) \(verify.err)")
    }

    @Test func aSQLiteDeskMovesToTheServerWholeOrNotAtAll() throws {
        let v = Vssdesk.ready(demo: 120)
        _ = v.run(["--as", "hoa", "-c", "call 0901234567 --line 121", "-c", "note gọi hỏi về mật khẩu", "-c", "done đã hướng dẫn"])
        let uri = try ServerDesk.freshDatabase()
        let moved = v.json("migrate --to '\(uri)'")
        #expect(moved.code == 0, "\(moved.out) \(moved.err)")
        let counts = moved.object["counts"] as? [String: Any] ?? [:]
        #expect(counts["registrations"] as? Int == 120)
        #expect((counts["tickets"] as? Int ?? 0) >= 1)
        // The server desk answers like the file did: same registration, same ticket, an intact chain.
        let local = v.json("search Nguyễn --limit 5")
        let remote = v.run(["--db", uri, "--format", "json", "-c", "search Nguyễn --limit 5"], withDB: false)
        #expect(remote.code == 0, "\(remote.err)")
        #expect((local.object["total"] as? Int) == (remote.object["total"] as? Int))
        let verify = v.run(["--db", uri, "--format", "json", "-c", "audit verify"], withDB: false)
        #expect(verify.code == 0, "\(verify.out) \(verify.err)")
        #expect(ServerDesk.psql(uri, "SELECT count(*) FROM pg_roles WHERE rolname IN ('hoa', 'lan')").out == "2")

        // Again into the same database: refused, nothing added.
        let again = v.json("migrate --to '\(uri)'")
        #expect(again.code == 1)
        #expect(ServerDesk.psql(uri, "SELECT count(*) FROM registrations").out == "120")

        // A desk whose audit trail was altered behind the console's back never reaches the server.
        let broken = Vssdesk.ready(demo: 30)
        sh("/usr/bin/sqlite3", [broken.db, "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'sửa lén' WHERE id = 1;"])
        let target = try ServerDesk.freshDatabase()
        let refused = broken.json("migrate --to '\(target)'")
        #expect(refused.code != 0, "\(refused.out)")
        #expect(ServerDesk.psql(target, "SELECT (SELECT count(*) FROM registrations) + (SELECT count(*) FROM audit) + (SELECT count(*) FROM operators)").out == "0")
    }
}
