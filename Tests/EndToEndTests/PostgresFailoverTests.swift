import Foundation
import Testing

/// Failover as a city-wide hotline lives it (SPEC §15): a primary and a streaming standby made with
/// `pg_basebackup -R` on this machine, synchronous replication (a ticket is acknowledged only once the standby has
/// it), consoles on a multi-host URI with `target_session_attrs=read-write`. The primary is stopped without warning,
/// the standby promoted: every ticket acknowledged before the stop is there and new work goes on.
@Suite(.serialized, .enabled(if: ServerDesk.available && getuid() == 0, "needs root and the PostgreSQL server binaries"))
struct PostgresFailoverTests {
    final class Pair: @unchecked Sendable {
        let primary: String, standby: String
        init() throws {
            let root = "/tmp/vssdesk-failover-\(UUID().uuidString.prefix(8))"
            primary = root + "-p"
            standby = root + "-s"
            let start = sh(Self.cluster, ["start", primary])
            guard start.code == 0 else { throw Failure(text: "primary: \(start.err)") }
            let follow = sh(Self.cluster, ["standby", primary, standby])
            guard follow.code == 0 else { throw Failure(text: "standby: \(follow.err)") }
        }
        static var cluster: String {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("scripts/pg-test-cluster").path
        }
        var primaryURI: String { "postgresql:///vssdesk?host=\(primary)&port=5432" }
        var standbyURI: String { "postgresql:///vssdesk?host=\(standby)&port=5432" }
        /// What every console is given: both servers, the one that accepts writes chosen.
        var desk: String { "postgresql:///vssdesk?host=\(primary),\(standby)&port=5432,5432&target_session_attrs=read-write&connect_timeout=3" }

        func stopPrimary() { sh(Self.cluster, ["crash", primary]) }
        func promote() -> Vssdesk.Result { sh(Self.cluster, ["promote", standby]) }
        deinit {
            sh(Self.cluster, ["stop", primary])
            sh(Self.cluster, ["stop", standby])
        }
        struct Failure: Error { var text: String }
    }

    /// One call logged by a one-shot console; the ticket id when the console acknowledged it (exit 0).
    static let lastError = Locked("")

    static func logCall(_ v: Vssdesk, _ uri: String, _ n: Int) -> Int? {
        // A ticket in one command: a `call` whose `done` the failover cut off would stay the operator's open call
        // (rightly: the next `call` asks to finish it first), which is a person's to resume, not a loop's.
        let r = v.run(["--db", uri, "--as", "hoa", "--format", "json", "-c",
                       "ticket new --caller 09\(String(format: "%08d", 10_000_000 + n)) --line 121 'cuộc gọi \(n)'"], withDB: false)
        guard r.code == 0 else { lastError.mutate { $0 = r.err }; return nil }
        let first = r.out.split(separator: "\n").first.map(String.init) ?? ""
        let doc = (try? JSONSerialization.jsonObject(with: Data(first.utf8))) as? [String: Any]
        return doc?["id"] as? Int
    }

    @Test func acknowledgedTicketsSurviveThePrimaryAndWorkGoesOn() throws {
        let pair = try Pair()
        let v = Vssdesk()
        #expect(v.run(["--db", pair.desk, "init"], withDB: false).code == 0)
        #expect(v.run(["--db", pair.desk, "-c", "operator add hoa --name 'Trần Thị Hoa' --line 121"], withDB: false).code == 0)

        // Consoles keep logging calls from another thread while the primary dies and the standby takes over.
        let acknowledged = Locked<[Int]>([])
        let failures = Locked(0)
        let stop = Locked(false)
        let worker = Thread {
            var n = 0
            while !stop.value {
                n += 1
                if let id = Self.logCall(v, pair.desk, n) { acknowledged.mutate { $0.append(id) } } else { failures.mutate { $0 += 1 } }
            }
        }
        worker.start()
        var warm = 0
        while acknowledged.value.count < 5 && warm < 600 { usleep(50_000); warm += 1 }
        guard acknowledged.value.count >= 5 else {
            stop.mutate { $0 = true }
            while !worker.isFinished { usleep(20_000) }
            Issue.record("no console could log a call before the failover (\(failures.value) failed)")
            return
        }
        pair.stopPrimary()
        let beforePromotion = acknowledged.value
        usleep(500_000)
        #expect(pair.promote().code == 0)
        // The promotion is over when the standby leaves recovery (a loaded machine can take a while).
        for _ in 0..<600 where ServerDesk.psql(pair.standbyURI, "SELECT pg_is_in_recovery()").out != "f" { usleep(100_000) }
        let promotedAt = acknowledged.value.count
        var waited = 0
        while acknowledged.value.count < promotedAt + 5 && waited < 600 { usleep(100_000); waited += 1 }
        stop.mutate { $0 = true }
        while !worker.isFinished { usleep(20_000) }

        // Every ticket a console was told about is on the new primary; new work went on after the promotion.
        let ids = acknowledged.value
        #expect(ids.count >= promotedAt + 5, "no work after the promotion (\(failures.value) failed consoles; the last said: \(Self.lastError.value))")
        let present = Set(ServerDesk.psql(pair.standbyURI, "SELECT id FROM tickets").out.split(separator: "\n").compactMap { Int($0) })
        let lost = ids.filter { !present.contains($0) }
        #expect(lost.isEmpty, "acknowledged before the stop but missing after the failover: \(lost) (of \(beforePromotion.count))")
        let verify = v.run(["--db", pair.desk, "--format", "json", "-c", "audit verify"], withDB: false)
        #expect(verify.code == 0, "\(verify.out) \(verify.err)")
    }
}

/// A value shared between the test and its worker thread.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ body: (inout T) -> Void) { lock.lock(); body(&stored); lock.unlock() }
}
