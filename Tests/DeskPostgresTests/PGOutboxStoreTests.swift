import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// The outbox on a server that many consoles run `outbox send` against.
final class PGOutboxStoreTests: PGStoreTestCase {
    static let now = "2025-03-12T02:00:00Z", lease = "2025-03-12T02:05:00Z"

    /// Two consoles claim the same message at the same instant, a hundred times: exactly one wins each time.
    func testTwoConsolesClaimingTheSameMessageExactlyOneWins() throws {
        let uri = try PGTestServer.freshDatabase()
        let consoles = Shared([try PostgresStorage(uri: uri, create: true), try PostgresStorage(uri: uri)])
        for round in 0..<100 {
            let id = try consoles.value[0].outbox.enqueue(to: "0912345678", body: "m \(round)", at: Self.now, bhxhCode: "7901234568",
                                                          ticketID: nil)
            let barrier = Barrier(2)
            let outcomes = Collected()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let console = consoles.value[i]
                barrier.wait()
                do {
                    // Each console claims inside its own transaction, as `outbox send` does.
                    let won = try console.transaction { try console.outbox.claim(id, at: Self.now, leaseUntil: Self.lease) }
                    outcomes.add(won ? "won" : "lost")
                } catch {
                    outcomes.add("error: \(error)")
                }
            }
            XCTAssertEqual(outcomes.all.sorted(), ["lost", "won"], "round \(round)")
        }
    }

    /// The race made slow: the second console's claim waits for the first one's uncommitted claim, then loses when
    /// that commits — and wins when it is rolled back (the first sender died before its attempt counted).
    func testAClaimWaitsForTheOtherConsolesTransactionAndFollowsItsOutcome() throws {
        let uri = try PGTestServer.freshDatabase()
        let consoles = Shared([try PostgresStorage(uri: uri, create: true), try PostgresStorage(uri: uri)])
        let a = consoles.value[0]
        struct Died: Error {}
        for firstCommits in [true, false] {
            let id = try a.outbox.enqueue(to: "0912345678", body: "m", at: Self.now, bhxhCode: nil, ticketID: nil)
            let outcome = Collected(), finished = DispatchSemaphore(value: 0)
            do {
                try a.transaction {
                    XCTAssertTrue(try a.outbox.claim(id, at: Self.now, leaseUntil: Self.lease))
                    Thread.detachNewThread {
                        let won = (try? consoles.value[1].outbox.claim(id, at: Self.now, leaseUntil: Self.lease)) ?? false
                        outcome.add(won ? "won" : "lost")
                        finished.signal()
                    }
                    XCTAssertEqual(finished.wait(timeout: .now() + 0.3), .timedOut, "the second claim waits for the row")
                    if !firstCommits { throw Died() }
                }
            } catch is Died {}
            finished.wait()
            XCTAssertEqual(outcome.all, [firstCommits ? "lost" : "won"])
        }
    }

    /// Eight consoles sending the same queue: every message is taken once, none twice, none left.
    func testEightSendersShareAQueueWithoutDoubleDelivery() throws {
        let uri = try PGTestServer.freshDatabase()
        let setup = try PostgresStorage(uri: uri, create: true)
        for i in 0..<200 {
            _ = try setup.outbox.enqueue(to: "0912345678", body: "m \(i)", at: Self.now, bhxhCode: nil, ticketID: nil)
        }
        let taken = Collected()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                let s = try PostgresStorage(uri: uri)
                for m in try s.outbox.due(at: Self.now, limit: 500) where try s.outbox.claim(m.id, at: Self.now, leaseUntil: Self.lease) {
                    try s.outbox.markSent(m.id, at: Self.now, wipedBody: "sent")
                    taken.add(String(m.id))
                }
            } catch {
                taken.add("error: \(error)")
            }
        }
        XCTAssertEqual(taken.all.count, 200)
        XCTAssertEqual(Set(taken.all).count, 200)
        XCTAssertEqual(try setup.outbox.list(status: "sent", limit: 500).map(\.attempts), Array(repeating: 1, count: 200))
        XCTAssertEqual(try setup.outbox.due(at: "2099-01-01T00:00:00Z", limit: 10).count, 0)
    }

    func testTheQueueLifecycleAsOnSQLite() throws {
        let s = try PostgresStorage(uri: try PGTestServer.freshDatabase(), create: true)
        let code = "7901234568"
        let first = try s.outbox.enqueue(to: "0912345678", body: "Mat khau tam thoi: AAA", at: Self.now, bhxhCode: code, ticketID: 4)
        let second = try s.outbox.enqueue(to: "0912345678", body: "Mat khau tam thoi: BBB", at: "2025-03-12T02:01:00Z", bhxhCode: code,
                                          ticketID: nil)
        XCTAssertEqual(try s.outbox.forCode(code, limit: 5).map(\.id), [second, first])
        XCTAssertEqual(try s.outbox.countSince(code: code, since: "2025-03-12T02:00:30Z"), 1)
        XCTAssertEqual(try s.outbox.createdTimes(code: code, since: "2025-03-12T00:00:00Z"), [Self.now, "2025-03-12T02:01:00Z"])
        XCTAssertEqual(try s.outbox.queued(code: code).map(\.id), [first, second])
        XCTAssertTrue(try s.outbox.supersede(first, wipedBody: "Mat khau tam thoi: ********"))
        XCTAssertFalse(try s.outbox.supersede(first, wipedBody: "x"), "no longer queued")
        XCTAssertEqual(try s.outbox.due(at: "2025-03-12T02:00:30Z", limit: 10).map(\.id), [])
        XCTAssertEqual(try s.outbox.due(at: "2025-03-12T02:01:00Z", limit: 10).map(\.id), [second])

        // A failed attempt pushes the next one back; giving up fails a queued message, never a superseded one.
        XCTAssertTrue(try s.outbox.claim(second, at: "2025-03-12T02:01:00Z", leaseUntil: Self.lease))
        XCTAssertFalse(try s.outbox.claim(second, at: "2025-03-12T02:01:00Z", leaseUntil: Self.lease), "leased")
        try s.outbox.markAttemptFailed(second, error: "modem busy", nextAttemptAt: "2025-03-12T02:10:00Z", giveUp: false)
        var m = try XCTUnwrap(try s.outbox.list(status: nil, limit: 5).first { $0.id == second })
        XCTAssertEqual([m.status, m.lastError, m.nextAttemptAt], ["queued", "modem busy", "2025-03-12T02:10:00Z"])
        XCTAssertEqual(m.attempts, 1)
        try s.outbox.markAttemptFailed(first, error: "x", nextAttemptAt: nil, giveUp: true)
        XCTAssertEqual(try s.outbox.list(status: "superseded", limit: 5).map(\.id), [first])
        XCTAssertTrue(try s.outbox.claim(second, at: "2025-03-12T02:10:00Z", leaseUntil: "2025-03-12T02:15:00Z"))
        try s.outbox.markSent(second, at: "2025-03-12T02:10:05Z", wipedBody: "Mat khau tam thoi: ********")
        m = try XCTUnwrap(try s.outbox.list(status: "sent", limit: 5).first)
        XCTAssertEqual([m.body, m.sentAt], ["Mat khau tam thoi: ********", "2025-03-12T02:10:05Z"])
        XCTAssertNil(m.lastError)
        XCTAssertEqual(m.attempts, 2)
        XCTAssertEqual(try s.outbox.sent(code: code, since: "2025-03-12T02:10:00Z").map(\.id), [second])
        XCTAssertEqual(try s.outbox.sent(code: code, since: "2025-03-12T02:11:00Z").map(\.id), [])
        try s.outbox.wipeBody(first, body: "gone")
        XCTAssertEqual(try s.outbox.forCode(code, limit: 5).last?.body, "gone")
        XCTAssertEqual(try s.outbox.forCode(code, limit: 5).last?.ticketID, 4)
    }
}
