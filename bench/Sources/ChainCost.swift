import Foundation
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// What the audit chain adds to a ticket note, measured in one process so both sides share the machine's noise:
/// the real `TicketService.note` (its audit row chained) alternates with the same steps writing the audit row the
/// way vssdesk did before the chain (one INSERT, no last-row lookup, no hash, no chain trigger) into a copy of the
/// v3 audit table. Prints p50/p99 (nearest rank) of each as JSON.
enum ChainCost {
    static func run(db: String, samples: Int) throws {
        let store = try Store(path: db)
        let admin = try store.operators.list().first { $0.role == .admin }!
        let session = Session(store: store, actor: admin, clock: Clock(fixed: benchNow))
        let tickets = TicketService(session: session)
        let ids = try store.tickets.openIDs(limit: 500)
        guard !ids.isEmpty else { fail("no open tickets: run `vssdesk-bench tickets` first") }
        try store.db.execute("""
            DROP TABLE IF EXISTS bench_audit_unchained;
            CREATE TABLE bench_audit_unchained (id INTEGER PRIMARY KEY, at TEXT NOT NULL, operator TEXT NOT NULL,
                action TEXT NOT NULL, target TEXT, detail TEXT, ticket_id INTEGER);
            CREATE INDEX bench_audit_unchained_target ON bench_audit_unchained(target, action, at);
            CREATE INDEX bench_audit_unchained_operator ON bench_audit_unchained(operator, at);
            INSERT INTO bench_audit_unchained SELECT id, at, operator, action, target, detail, ticket_id FROM audit;
            """)
        defer { try? store.db.execute("DROP TABLE bench_audit_unchained") }
        let text = "Đã gọi lại cho khách (bench)"
        func unchainedNote(_ id: Int) throws {
            let t = try tickets.get(id)
            try store.transaction {
                try store.tickets.addNote(ticketID: id, at: session.clock.nowText, operator: admin.login, kind: "note",
                                          detail: text, countsAsResponse: true)
                try store.db.run("""
                    INSERT INTO bench_audit_unchained(at, operator, action, target, detail, ticket_id) VALUES (?, ?, ?, ?, ?, ?)
                    """, [.text(session.clock.nowText), .text(admin.login), .text("note"), .of(t.bhxhCode ?? t.callerPhone),
                          .text("ticket #\(id)"), .int(Int64(id))])
            }
            _ = try tickets.get(id)
        }
        var chained: [Double] = [], unchained: [Double] = []
        func time(_ body: () throws -> Void) rethrows -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        }
        for i in 0..<samples {
            let id = ids[i % ids.count]
            if i.isMultiple(of: 2) {
                chained.append(try time { _ = try tickets.note(id, text: text) })
                unchained.append(try time { try unchainedNote(id) })
            } else {
                unchained.append(try time { try unchainedNote(id) })
                chained.append(try time { _ = try tickets.note(id, text: text) })
            }
        }
        func summary(_ name: String, _ times: [Double]) -> String {
            let sorted = times.sorted()
            return "\"\(name)\": {\"p50_ms\": \(Latency.fmt(Percentile.median(sorted) ?? 0)), \"p99_ms\": \(Latency.fmt(Percentile.nearestRank(sorted, 99) ?? 0)), \"n\": \(sorted.count)}"
        }
        print("{" + summary("ticket_note_chained", chained) + ", " + summary("ticket_note_unchained", unchained) + "}")
    }
}
