import Foundation
import Testing
import DeskTestSupport

@Suite(.freshDatabases) struct ConcurrencyTests {
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var items: [(Int, Vssdesk.Result)] = []
        func add(_ i: Int, _ r: Vssdesk.Result) { lock.lock(); items.append((i, r)); lock.unlock() }
    }

    @Test func tenOperatorsOpeningTicketsAtOnceLoseAndDuplicateNothing() throws {
        let v = Vssdesk.ready()
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 10) { i in
            let nn = String(format: "%02d", i)
            let who = i.isMultiple(of: 2) ? "hoa" : "lan"
            let r = v.run(["--as", who, "--format", "json", "-c",
                           "ticket new --caller 09012345\(nn) --line 12\(i) --category password Cuộc gọi số \(nn)"])
            results.add(i, r)
        }
        #expect(results.items.count == 10)
        for (i, r) in results.items { #expect(r.code == 0, "process \(i): \(r.err)") }
        let ids = results.items.compactMap { $0.1.object["id"] as? Int }
        #expect(ids.count == 10 && Set(ids).count == 10, "\(ids)")
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM tickets") == "10")
        #expect(StockShell.scalar(v.db, "SELECT count(DISTINCT caller_phone) FROM tickets") == "10")
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM audit WHERE action = 'ticket_new'") == "10")
        // Each process got the ticket it created.
        for (i, r) in results.items {
            let id = r.object["id"] as? Int ?? -1
            let row = StockShell.rows(v.db, "SELECT caller_phone, line, summary FROM tickets WHERE id = \(id)").first ?? []
            #expect(row == ["09012345" + String(format: "%02d", i), "12\(i)", "Cuộc gọi số " + String(format: "%02d", i)])
        }
        if !TestBackend.isPostgres { #expect(StockShell.scalar(v.db, "PRAGMA integrity_check") == "ok") }
    }

    @Test func twoOperatorsRacingToResendNeverQueueMoreThanThree() throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v))
        let results = Results()
        // Neither has made a resend yet: both also race to create the install key.
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = v.run(["--as", i == 0 ? "hoa" : "lan", "--on-error", "continue", "--format", "json",
                           "-c", "resend \(reg.code) \(reg.verify)", "-c", "resend \(reg.code) \(reg.verify)",
                           "-c", "resend \(reg.code) \(reg.verify)"])
            results.add(i, r)
        }
        let queued = results.items.flatMap { $0.1.documents }.filter { $0["status"] as? String == "queued" }
        #expect(queued.count == 3, "\(results.items.map { $0.1.out + $0.1.err })")
        for (_, r) in results.items {
            for line in r.err.split(separator: "\n") where !line.isEmpty {
                #expect(line.contains("đã được gửi lại 3 lần trong 24 giờ qua"), "unexpected: \(line)")
            }
        }
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM sms_outbox WHERE bhxh_code = '\(reg.code)'") == "3")
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM audit WHERE action = 'resend'") == "3")
    }
}
