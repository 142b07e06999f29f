import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// Tickets, timelines, open calls and the knowledge base on PostgreSQL, store by store (the service suite runs on
/// top of them with `VSSDESK_TEST_BACKEND=postgres`).
final class PGTicketStoreTests: PGStoreTestCase {
    func storage() throws -> PostgresStorage { try PostgresStorage(uri: try PGTestServer.freshDatabase(), create: true) }

    func open(_ s: PostgresStorage, _ at: String, _ login: String = "hoa", line: Int = 121, phone: String? = "0912345678",
              code: String? = nil, category: String = "other") throws -> Int {
        try s.tickets.create(openedAt: at, operator: login, line: line, callerPhone: phone, callerName: nil, bhxhCode: code,
                             category: category, summary: "x", priority: "normal")
    }

    func testATicketsLifeAndItsTimeline() throws {
        let s = try storage()
        let id = try s.tickets.create(openedAt: "2025-03-12T02:00:00Z", operator: "hoa", line: 121, callerPhone: "0912345678",
                                      callerName: "anh Đức", bhxhCode: "7901234568", category: "password", summary: "Quên mật khẩu",
                                      priority: "high", synthetic: true)
        var t = try XCTUnwrap(try s.tickets.get(id))
        XCTAssertEqual([t.status, t.priority, t.category, t.callerName, t.bhxhCode], ["open", "high", "password", "anh Đức", "7901234568"])
        XCTAssertNil(t.firstResponseAt)
        try s.tickets.addNote(ticketID: id, at: "2025-03-12T02:01:00Z", operator: "hoa", kind: "search", detail: "nguyen", countsAsResponse: false)
        XCTAssertNil(try s.tickets.get(id)?.firstResponseAt)
        try s.tickets.addNote(ticketID: id, at: "2025-03-12T02:03:00Z", operator: "hoa", kind: "note", detail: "gọi lại", countsAsResponse: true)
        try s.tickets.addNote(ticketID: id, at: "2025-03-12T02:04:00Z", operator: "hoa", kind: "resend", detail: "sms 1", countsAsResponse: true)
        XCTAssertEqual(try s.tickets.get(id)?.firstResponseAt, "2025-03-12T02:03:00Z")
        XCTAssertEqual(try s.tickets.notes(id).map(\.kind), ["search", "note", "resend"])
        XCTAssertEqual(try s.tickets.lastNote(id, kinds: ["note", "search"]), "gọi lại")
        XCTAssertNil(try s.tickets.lastNote(id, kinds: ["status"]))
        t.status = "resolved"; t.resolvedAt = "2025-03-12T02:05:00Z"; t.resolution = "đã gửi lại"; t.pausedMinutes = 12
        t.assignedTo = "lan"
        try s.tickets.update(t)
        t = try XCTUnwrap(try s.tickets.get(id))
        XCTAssertEqual([t.status, t.resolution, t.assignedTo], ["resolved", "đã gửi lại", "lan"])
        XCTAssertEqual(t.pausedMinutes, 12)
        XCTAssertEqual(try s.tickets.forCode("7901234568", limit: 5).map(\.id), [id])
        XCTAssertEqual(try s.tickets.openIDs(), [])
    }

    func testListFiltersCombine() throws {
        let s = try storage()
        let a = try open(s, "2025-03-10T01:00:00Z", category: "password")
        let b = try open(s, "2025-03-11T16:30:00Z", line: 122, category: "photos")
        let c = try open(s, "2025-03-12T02:00:00Z", "lan", line: 122, phone: "0987654321", code: "7901234569")
        var pending = try XCTUnwrap(try s.tickets.get(b))
        pending.status = "pending"; pending.assignedTo = "lan"
        try s.tickets.update(pending)
        func ids(_ build: (inout TicketFilter) -> Void, limit: Int = 50) throws -> [Int] {
            var f = TicketFilter()
            build(&f)
            return try s.tickets.list(f, limit: limit).map(\.id)
        }
        XCTAssertEqual(try ids { _ in }, [c, b, a])
        XCTAssertEqual(try ids({ _ in }, limit: 2), [c, b])
        XCTAssertEqual(try ids { $0.statuses = ["open", "pending"] }, [c, b, a])
        XCTAssertEqual(try ids { $0.statuses = ["pending"] }, [b])
        XCTAssertEqual(try ids { $0.operatorLogin = "lan" }, [c])
        XCTAssertEqual(try ids { $0.line = 122 }, [c, b])
        XCTAssertEqual(try ids { $0.category = "password" }, [a])
        XCTAssertEqual(try ids { $0.from = "2025-03-11T00:00:00Z"; $0.to = "2025-03-12T00:00:00Z" }, [b])
        XCTAssertEqual(try ids { $0.callerPhone = "0987654321" }, [c])
        XCTAssertEqual(try ids { $0.bhxhCode = "7901234569" }, [c])
        XCTAssertEqual(try ids { $0.assignee = "lan" }, [b])
        XCTAssertEqual(try ids { $0.involving = "lan" }, [c, b])
        XCTAssertEqual(try ids { $0.beforeID = c }, [b, a])
        XCTAssertEqual(try ids { $0.involving = "hoa"; $0.line = 121; $0.statuses = ["open"] }, [a])
        XCTAssertEqual(try s.tickets.openIDs(), [c, b, a])
        var seen: [Int] = []
        try s.tickets.forEachTicket(from: "2025-03-11T00:00:00Z", to: nil) { seen.append($0.id) }
        XCTAssertEqual(seen.sorted(), [b, c])
        seen = []
        try s.tickets.forEachTicket(from: nil, to: nil) { seen.append($0.id) }
        XCTAssertEqual(seen.sorted(), [a, b, c])
    }

    func testRepeatCallersOpenCallsAndFolding() throws {
        let s = try storage()
        let first = try open(s, "2025-03-10T01:00:00Z", code: "7901234568")
        var resolvedLongAgo = try XCTUnwrap(try s.tickets.get(try open(s, "2025-03-01T01:00:00Z", phone: "0912345678")))
        resolvedLongAgo.status = "resolved"; resolvedLongAgo.resolvedAt = "2025-03-01T02:00:00Z"
        try s.tickets.update(resolvedLongAgo)
        let other = try open(s, "2025-03-11T01:00:00Z", phone: "0987654321", code: "7901234568")
        let since = "2025-03-05T00:00:00Z"
        XCTAssertEqual(try s.tickets.recent(phone: "0912345678", code: nil, since: since, excluding: nil).map(\.id), [first])
        XCTAssertEqual(try s.tickets.recent(phone: "0912345678", code: "7901234568", since: since, excluding: nil).map(\.id), [other, first])
        XCTAssertEqual(try s.tickets.recent(phone: nil, code: "7901234568", since: since, excluding: other).map(\.id), [first])

        let repeatCall = try open(s, "2025-03-12T02:00:00Z")
        try s.tickets.setOpenCall(operator: "hoa", ticketID: repeatCall, bhxhCode: nil, at: "2025-03-12T02:00:00Z")
        try s.tickets.addNote(ticketID: repeatCall, at: "2025-03-12T02:00:00Z", operator: "hoa", kind: "call", detail: "0912345678",
                              countsAsResponse: false)
        let sms = try s.outbox.enqueue(to: "0912345678", body: "b", at: "2025-03-12T02:01:00Z", bhxhCode: nil, ticketID: repeatCall)
        XCTAssertEqual(try s.tickets.liveCallOperator(ticketID: repeatCall), "hoa")
        XCTAssertEqual(try s.tickets.openCall(operator: "hoa")?.ticketID, repeatCall)
        try s.tickets.fold(repeatCall, into: first)
        XCTAssertNil(try s.tickets.get(repeatCall))
        XCTAssertNil(try s.tickets.openCall(operator: "hoa"))
        XCTAssertEqual(try s.tickets.notes(first).map(\.kind), ["call"])
        XCTAssertEqual(try s.outbox.list(status: nil, limit: 5).first { $0.id == sms }?.ticketID, first)
        try s.tickets.setOpenCall(operator: "hoa", ticketID: first, bhxhCode: "7901234568", at: "2025-03-12T02:02:00Z")
        try s.tickets.setOpenCall(operator: "hoa", ticketID: other, bhxhCode: nil, at: "2025-03-12T02:03:00Z")
        XCTAssertEqual(try s.tickets.openCall(operator: "hoa")?.ticketID, other)
        XCTAssertNil(try s.tickets.openCall(operator: "hoa")?.bhxhCode)
        try s.tickets.clearOpenCall(operator: "hoa")
        XCTAssertNil(try s.tickets.openCall(operator: "hoa"))
    }

    func testKnowledgeBaseReplacedWholeEvenByConsolesStartingTogether() throws {
        let uri = try PGTestServer.freshDatabase()
        let s = try PostgresStorage(uri: uri, create: true)
        let articles = [KBArticle(id: "quen-mat-khau", title: "Quên mật khẩu", tags: ["mật khẩu", "sms"], rules: ["SMS_FAILED"],
                                  body: "Bấm \"Quên mật khẩu\".", path: "kb/quen-mat-khau.md"),
                        KBArticle(id: "dang-nhap", title: "Đăng nhập", tags: [], rules: [], body: "…", path: "kb/dang-nhap.md")]
        try s.knowledgeBase.replaceAll(articles, fold: Folding.fold)
        XCTAssertEqual(try s.knowledgeBase.ids(), ["dang-nhap", "quen-mat-khau"])
        XCTAssertEqual(try s.knowledgeBase.get("quen-mat-khau"), articles[0])
        XCTAssertEqual(try s.knowledgeBase.list().map(\.id), ["dang-nhap", "quen-mat-khau"])
        XCTAssertNil(try s.knowledgeBase.get("nope"))
        XCTAssertEqual(try s.db.queryOne("SELECT title_folded, tags_folded FROM kb_articles WHERE id = 'quen-mat-khau'")
            .map { [$0.string(0), $0.string(1)] }, ["quen mat khau", "mat khau sms"])
        let errors = Collected()
        DispatchQueue.concurrentPerform(iterations: 6) { i in
            do {
                let console = try PostgresStorage(uri: uri)
                try console.knowledgeBase.replaceAll(i % 2 == 0 ? articles : [articles[1]], fold: Folding.fold)
            } catch {
                errors.add("\(error)")
            }
        }
        XCTAssertEqual(errors.all, [])
        XCTAssertTrue([["dang-nhap", "quen-mat-khau"], ["dang-nhap"]].contains(try s.knowledgeBase.ids()))
    }
}
