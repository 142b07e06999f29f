import Foundation
import Testing
import DeskTestSupport

/// Findings of the attack review, reproduced against the setgid deployment of `DeploymentTests` (SPEC §13). Each
/// test is an attack an operator can run with their own login; it fails while the hole is open.
@Suite(.serialized, .sqliteOnly("the setgid deployment guards a SQLite file, its WAL and its key; a server desk is guarded by its roles (SPEC §15)"),
        .enabled(if: Deployment.possible,
                             "the attack review needs root with useradd, groupadd and runuser (CI runs as root); skipping"))
struct AttackReviewTests {
    let d: Deployment
    init() throws { d = try #require(Deployment.shared, "could not install the setgid deployment") }

    var op: String { Deployment.op }
    var admin: String { Deployment.admin }

    /// Runs a bash script as `user` with a clean environment; `BIN` is the installed setgid binary.
    @discardableResult
    func script(_ user: String, _ text: String, _ args: [String] = []) -> Vssdesk.Result {
        sh("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + Deployment.home(user),
                                 "LANG=C.UTF-8", "BIN=" + d.bin, "/bin/bash", "-c", text, "attack"] + args)
    }

    /// A registration of `database` that `resend` works for.
    func callable(_ database: String) -> (code: String, verify: [String])? {
        let rows = d.rows("""
            SELECT bhxh_code, dob, id_number FROM registrations r
            WHERE kind = 'self' AND status = 'approved' AND dob IS NOT NULL AND id_number IS NOT NULL AND length(phone) = 10
              AND (SELECT count(*) FROM registrations x WHERE x.phone = r.phone) = 1
            ORDER BY bhxh_code LIMIT 1
            """, database: database)
        guard let r = rows.first, r.count == 3 else { return nil }
        return (r[0], ["--verify", "dob=\(r[1]),id=\(r[2])"])
    }

    /// Finding 1. The operator makes a desk of their own (`init` on a new path makes them its admin), replaces its
    /// `.key` with a symlink to the real desk's key, and backs their desk up: `InstallKey.load` opens `<db>.key` with
    /// the desk's group held, following the symlink, and `backup` writes it beside the copy, readable by them.
    @Test func anOperatorCannotCopyTheDesksKeyThroughADeskOfTheirOwn() throws {
        let key = try String(contentsOfFile: d.db + ".key", encoding: .utf8)
        let home = Deployment.home(op)
        let r = script(op, """
            rm -rf ~/atk-key && mkdir ~/atk-key && cd ~/atk-key || exit 9
            "$BIN" --db "$PWD/own.sqlite" init >/dev/null || exit 10
            rm -f own.sqlite.key && ln -s "$1" own.sqlite.key
            "$BIN" --db "$PWD/own.sqlite" backup "$PWD/copy.sqlite"
            cat copy.sqlite.key 2>/dev/null
            """, [d.db + ".key"])
        #expect(!r.out.contains(key.prefix(64)), "the operator read the desk's HMAC key: \(home)/atk-key/copy.sqlite.key")
    }

    /// Finding 2. SQLite opens `<db>-wal` and `<db>-shm` by name at the first read, after the database file itself;
    /// both happen while the desk's group is held. The operator opens a desk of their own, holds a lock on it so that
    /// the console waits in the busy handler between those two moments, and meanwhile renames its folder and puts a
    /// symlink to the desk's folder in its place: the console then uses the real desk's log and shared memory as the
    /// log of the operator's file. Pages the operator's console writes become the real desk's (their own operators
    /// table, where they are admin), and `audit verify` still reports an intact chain.
    @Test func anOperatorCannotMakeTheirOwnDeskUseTheDesksLog() throws {
        let desk = d.srv + "/swap.sqlite"
        #expect(d.run(admin, ["init", "--demo", "50"], database: desk).code == 0)
        #expect(d.run(admin, ["operator", "add", op, "--line", "121"], database: desk).code == 0)
        // The steady state of a desk: `outbox send` folds and truncates the log after each delivery, then ordinary
        // work leaves a few frames in it (a resend: outbox, credentials, audit pages).
        _ = d.rows("PRAGMA wal_checkpoint(TRUNCATE)", database: desk)
        let reg = try #require(callable(desk))
        #expect(d.run(op, ["resend", reg.code] + reg.verify, database: desk).code == 0)
        let before = d.rows("SELECT login, role FROM operators ORDER BY login", database: desk)

        let r = script(op, """
            srv=$1; name=$2; shift 2
            cd ~ && rm -rf atk-swap atk-swap.old ctl lockout && mkdir atk-swap || exit 9
            "$BIN" --db "$HOME/atk-swap/$name" init >/dev/null 2>&1 || exit 10
            sqlite3 "atk-swap/$name" "PRAGMA journal_mode=DELETE" >/dev/null || exit 11
            chmod 600 "atk-swap/$name"
            mkfifo ctl
            sqlite3 "atk-swap/$name" < ctl > lockout 2>&1 & holder=$!
            exec 3>ctl
            echo "BEGIN EXCLUSIVE; SELECT 'locked';" >&3
            for i in $(seq 200); do grep -q locked lockout && break; sleep 0.05; done
            VSSDESK_BUSY_TIMEOUT_MS=30000 "$BIN" --db "$HOME/atk-swap/$name" "$@" & console=$!
            sleep 1
            mv atk-swap atk-swap.old && ln -s "$srv" atk-swap
            kill -9 $holder; exec 3>&-
            wait $console
            """, [d.srv, "swap.sqlite", "operator", "add", "vssd_atk", "--name", "X", "--line", "125", "--role", "admin"])
        _ = r
        let after = d.rows("SELECT login, role FROM operators ORDER BY login", database: desk)
        #expect(after == before, "the operator rewrote the desk's operators table: \(after)")
        #expect(!after.contains(["vssd_atk", "admin"]))
        #expect(d.run(admin, ["search", "nguyen"], database: desk).code == 0, "the desk's admin was locked out")
        // With the role it gave itself, the operator takes the whole desk, unmasked, with its key.
        let copy = Deployment.home(op) + "/atk-swap.old/copy.sqlite"
        #expect(d.run(op, ["backup", copy], database: desk).code != 0, "the operator copied the desk to \(copy)")
        // And the chain that should have told the admin says nothing.
        if after != before { #expect(d.run(op, ["audit", "verify"], database: desk).code != 0) }
    }
}
