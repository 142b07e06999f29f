import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore
import DeskStore

/// The same writes through SQLite and PostgreSQL give the same answers: the audit chain's hashes to the byte (so a
/// desk copied by `migrate --to` verifies unchanged), the lookups by code, and the ticket lists.
final class PGParityTests: PGStoreTestCase {
    func engines() throws -> [any DeskStorage] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return [try SQLiteStorage(path: dir.appendingPathComponent("p.sqlite").path, create: true),
                try PostgresStorage(uri: try PGTestServer.freshDatabase(), create: true)]
    }

    func testTheAuditTrailIsTheSameOnBothEngines() throws {
        let both = try engines()
        for s in both {
            let t = try s.tickets.create(openedAt: "2025-03-12T02:00:00Z", operator: "hoa", line: 121, callerPhone: "0912345678",
                                         callerName: nil, bhxhCode: "7901234568", category: "password", summary: "x", priority: "normal")
            let rows: [(String, String, String?, String?, Int?, [String])] = [
                ("2025-03-12T02:00:00Z", "search", "nguyen van duc", "3 results", t, ["7901234567", "7901234568", "7901000123"]),
                ("2025-03-12T02:00:05Z", "show", "7901234568", nil, t, []),
                ("2025-03-12T02:00:04Z", "call", "0912345678", "", t, []),          // a clock a second behind
                ("2025-03-12T02:01:00Z", "bulk_resend", "79012345680", "codes 7901234568x", nil, []),
                ("2025-03-12T02:02:00Z", "verify_failed", "7901234569", "dob; id", nil, []),
                ("2025-03-12T02:03:00Z", "note", nil, "Nguyễn Văn Đức gọi lại\nlần 2; tab\there", t, ["7901234569"]),
            ]
            for (at, action, target, detail, ticket, codes) in rows {
                try s.audit.record(at: at, operator: action == "note" ? "lan" : "hoa", action: action, target: target, detail: detail,
                                   ticketID: ticket, codes: codes)
            }
        }
        let (sqlite, pg) = (both[0], both[1])
        XCTAssertEqual(try pg.audit.head().hash, try sqlite.audit.head().hash)
        XCTAssertEqual(try pg.audit.walkChain(), try sqlite.audit.walkChain())
        func same(_ query: (any AuditStorage) throws -> [AuditEntry], _ what: String) throws {
            let a = try query(sqlite.audit).map(Self.text), b = try query(pg.audit).map(Self.text)
            XCTAssertEqual(b, a, what)
            XCTAssertFalse(a.isEmpty && what.hasPrefix("finds"), what)
        }
        for code in ["7901234567", "7901234568", "7901234569", "7901000123", "790123456", "79012345680", "0912345678", "2", "", "79x"] {
            try same({ try $0.list(operator: nil, code: code, from: nil, to: nil, action: nil, limit: 50) }, "code \(code)")
        }
        try same({ try $0.list(operator: "hoa", code: "7901234568", from: "2025-03-12T02:00:04Z", to: "2025-03-12T02:01:00Z",
                              action: nil, limit: 50) }, "finds: operator, range")
        try same({ try $0.list(operator: nil, target: "7901234568", from: nil, to: nil, action: "show", limit: 50) }, "finds: target")
        try same({ try $0.list(operator: nil, target: nil, from: nil, to: nil, action: nil, limit: 3) }, "finds: newest three")
        XCTAssertEqual(try pg.audit.count(action: "verify_failed", target: "7901234569", since: "2025-03-12T00:00:00Z"),
                       try sqlite.audit.count(action: "verify_failed", target: "7901234569", since: "2025-03-12T00:00:00Z"))
    }

    func testTicketListsAndRepeatCallersAreTheSameOnBothEngines() throws {
        let both = try engines()
        for s in both {
            for i in 0..<12 {
                var t = try XCTUnwrap(try s.tickets.get(try s.tickets.create(
                    openedAt: "2025-03-1\(i % 5)T0\(i % 9):00:00Z", operator: i % 3 == 0 ? "lan" : "hoa", line: 120 + i % 4,
                    callerPhone: "09123456\(70 + i % 4)", callerName: i % 2 == 0 ? "chị Ánh" : nil,
                    bhxhCode: i % 3 == 1 ? "790123456\(i % 7)" : nil, category: ["password", "login", "other"][i % 3],
                    summary: "cuộc \(i)", priority: ["low", "normal", "high", "urgent"][i % 4])))
                t.status = ["open", "pending", "resolved", "closed"][i % 4]
                t.resolvedAt = i % 4 >= 2 ? "2025-03-1\(i % 5)T09:00:00Z" : nil
                t.assignedTo = i % 5 == 0 ? "nam" : nil
                try s.tickets.update(t)
                try s.tickets.addNote(ticketID: t.id, at: t.openedAt, operator: "hoa", kind: i % 2 == 0 ? "note" : "resend",
                                      detail: "ghi chú \(i)", countsAsResponse: i % 3 != 0)
            }
        }
        let (sqlite, pg) = (both[0], both[1])
        var filters: [TicketFilter] = [TicketFilter()]
        func add(_ build: (inout TicketFilter) -> Void) { var f = TicketFilter(); build(&f); filters.append(f) }
        add { $0.statuses = ["open", "pending"] }
        add { $0.operatorLogin = "lan"; $0.line = 120 }
        add { $0.category = "password"; $0.from = "2025-03-11T00:00:00Z"; $0.to = "2025-03-13T00:00:00Z" }
        add { $0.callerPhone = "0912345671" }
        add { $0.involving = "nam" }
        add { $0.assignee = "nam"; $0.statuses = ["open"] }
        add { $0.beforeID = 7; $0.bhxhCode = "7901234564" }
        for f in filters {
            XCTAssertEqual(try pg.tickets.list(f, limit: 5).map(Self.text), try sqlite.tickets.list(f, limit: 5).map(Self.text), "\(f)")
        }
        for (phone, code) in [("0912345670", nil), ("0912345673", "7901234561"), ("0999999999", "7901234564")] as [(String, String?)] {
            XCTAssertEqual(try pg.tickets.recent(phone: phone, code: code, since: "2025-03-12T00:00:00Z", excluding: 2).map(Self.text),
                           try sqlite.tickets.recent(phone: phone, code: code, since: "2025-03-12T00:00:00Z", excluding: 2).map(Self.text))
        }
        for id in 1...12 {
            XCTAssertEqual(try pg.tickets.get(id).map(Self.text), try sqlite.tickets.get(id).map(Self.text))
            XCTAssertEqual(try pg.tickets.lastNote(id, kinds: ["note"]), try sqlite.tickets.lastNote(id, kinds: ["note"]))
        }
        XCTAssertEqual(try pg.tickets.openIDs(limit: 4), try sqlite.tickets.openIDs(limit: 4))
        var streamed: [[String]] = [[], []]
        for (i, s) in both.enumerated() {
            try s.tickets.forEachTicket(from: "2025-03-11T00:00:00Z", to: "2025-03-13T00:00:00Z") { streamed[i].append(Self.text($0)) }
        }
        XCTAssertEqual(streamed[1].sorted(), streamed[0].sorted())
    }

    static func text(_ e: AuditEntry) -> String { "\(e.id) \(e.at) \(e.operatorLogin) \(e.action) \(e.target ?? "∅") \(e.detail ?? "∅") \(e.ticketID ?? -1)" }
    static func text(_ t: TicketSummary) -> String { "\(t)" }
}
