import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskShell
import DeskTestSupport

/// Helpers shared by the ticket, call, credential and outbox tests: the same database seen at other times.
enum DeskAt {
    /// A desk-local time, `2025-03-12T09:00:00` (Asia/Ho_Chi_Minh).
    static func time(_ local: String) -> Date { DateText.parseInstant(local + "+07:00")! }

    /// A second connection to the fixture's database with its own clock, as another process would open it. With
    /// `resume` it picks up the operator's open call from the database, as the console does on start.
    static func session(_ f: Fixture, _ local: String, login: String = "hoa", resume: Bool = true) throws -> Session {
        let store = try f.reopen()
        let s = Session(storage: store, actor: try store.operators.get(login)!, clock: Clock(fixed: time(local)))
        if resume, let open = try store.tickets.openCall(operator: login) {
            s.openTicketID = open.ticketID
            s.callRegistration = open.bhxhCode
        }
        return s
    }

    /// The DeskError thrown by `body`, or nil (another error type is recorded as a test failure).
    static func error(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DeskError? {
        do {
            try body()
            return nil
        } catch let e as DeskError {
            return e
        } catch {
            Issue.record("expected a DeskError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func kind(_ e: DeskError?) -> String {
        switch e {
        case .invalid?: return "invalid"
        case .usage?: return "usage"
        case .notFound?: return "notFound"
        case .notAllowed?: return "notAllowed"
        case .unavailable?: return "unavailable"
        case .interrupted?: return "interrupted"
        case .rejectedInput?: return "rejectedInput"
        case nil: return "none"
        }
    }

    static func addOperator(_ f: Fixture, _ login: String, line: Int?, role: Operator.Role = .operatorRole) throws {
        try f.storage.operators.upsert(Operator(login: login, displayName: login, line: line, role: role), at: "2025-01-01T00:00:00Z")
    }
}

@Suite(.freshDatabases) struct TicketTests {
    // MARK: ticket new validation

    @Test(arguments: [
        // (caller, line, code, category, priority, summary, expected error kind, words the message must contain)
        ("0901234567", 119, nil, nil, nil, "x", "invalid", "120–129"),
        ("0901234567", 130, nil, nil, nil, "x", "invalid", "120–129"),
        ("0901234567", 0, nil, nil, nil, "x", "invalid", "120–129"),
        ("0901234567", 121, nil, "billing", nil, "x", "invalid", "category"),
        ("0901234567", 121, nil, "Password", nil, "x", "invalid", "category"),
        ("0901234567", 121, nil, nil, "asap", "x", "invalid", "priority"),
        ("0901234567", 121, "12345", nil, nil, "x", "invalid", "--code"),
        ("abc", 121, nil, nil, nil, "x", "invalid", "phone"),
        ("12", 121, nil, nil, nil, "x", "invalid", "phone"),
        ("0901234567", 121, nil, nil, nil, "   ", "usage", "SUMMARY"),
    ] as [(String, Int, String?, String?, String?, String, String, String)])
    func ticketNewRefusesBadInput(caller: String, line: Int, code: String?, category: String?, priority: String?,
                                  summary: String, kind: String, words: String) throws {
        let f = try Fixture()
        let e = DeskAt.error {
            _ = try TicketService(session: f.session).create(caller: caller, line: line, code: code, category: category,
                                                             priority: priority, summary: summary)
        }
        #expect(DeskAt.kind(e) == kind)
        #expect(e?.english.contains(words) == true, "\(e?.english ?? "no error")")
        #expect(try f.count("SELECT count(*) FROM tickets") == 0)
    }

    @Test func ticketNewWithoutLineNeedsADefaultLine() throws {
        let f = try Fixture()
        try DeskAt.addOperator(f, "nam", line: nil, role: .supervisor)
        let s = Session(storage: f.storage, actor: try f.storage.operators.get("nam")!, clock: Clock(fixed: Fixture.now))
        let e = DeskAt.error { _ = try TicketService(session: s).create(caller: "0901234567", line: nil, code: nil, category: nil,
                                                                         priority: nil, summary: "x") }
        #expect(DeskAt.kind(e) == "usage")
        #expect(e?.english.contains("--line") == true)
        // hoa has line 121: it is her default.
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: nil, code: nil, category: nil, priority: nil,
                                                             summary: "Hỏi cách cài VssID")
        #expect(t.line == 121)
    }

    @Test func categoriesAreExactlyTheSpecIDs() throws {
        #expect(TicketService.categories == ["install", "register", "photos", "agency", "declaration", "login", "password", "child",
                                             "account", "scam", "other"])
        let f = try Fixture()
        for c in TicketService.categories {
            let t = try TicketService(session: f.session).create(caller: "0901234567", line: 125, code: nil, category: c,
                                                                 priority: nil, summary: "về \(c)")
            #expect(t.category == c)
        }
        #expect(try f.count("SELECT count(DISTINCT category) FROM tickets") == 11)
    }

    @Test(arguments: [
        ("+84 90 123 4567", "0901234567"), ("0901.234.567", "0901234567"), ("84901234567", "0901234567"),
        ("901234567", "0901234567"), ("028 3854 3385", "02838543385"), ("(028) 3854-3385", "02838543385"),
        ("0168 123 4567", "0381234567"),
    ])
    func ticketNewNormalisesTheCallerPhone(raw: String, stored: String) throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: raw, line: 121, code: "7901234567", category: "password",
                                                             priority: "high", summary: "  Quên   mật khẩu ")
        #expect(t.callerPhone == stored)
        #expect(t.status == "open" && t.priority == "high" && t.category == "password" && t.bhxhCode == "7901234567")
        #expect(t.summary == "Quên mật khẩu")
        #expect(t.operatorLogin == "hoa" && t.openedAt == "2025-03-12T02:00:00Z")
        #expect(t.firstResponseAt == nil)
    }

    @Test func ticketNewDefaultsAndAudit() throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil,
                                                             summary: "Hỏi đáp")
        #expect(t.category == "other" && t.priority == "normal")
        let audit = try f.storage.audit.list(operator: "hoa", target: nil, from: nil, to: nil, action: "ticket_new", limit: 5)
        #expect(audit.count == 1 && audit.first?.ticketID == t.id)
    }

    // MARK: status transitions

    @Test func allowedTransitionsWalkTheWholeLifecycle() throws {
        let f = try Fixture()
        let svc = TicketService(session: f.session)
        let t = try svc.create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil, summary: "x")
        #expect(try svc.transition(t.id, to: "pending").status == "pending")
        #expect(try svc.transition(t.id, to: "open").status == "open")
        let r = try svc.transition(t.id, to: "resolved", resolution: "đã hướng dẫn", category: "login")
        #expect(r.status == "resolved" && r.resolution == "đã hướng dẫn" && r.category == "login" && r.resolvedAt != nil)
        let c = try svc.transition(t.id, to: "closed")
        #expect(c.status == "closed")
        let reopened = try svc.transition(t.id, to: "open")
        #expect(reopened.status == "open" && reopened.resolvedAt == nil)
        #expect(try svc.transition(t.id, to: "resolved", resolution: "xong").status == "resolved")
        #expect(try svc.transition(t.id, to: "open").status == "open")
        #expect(try svc.transition(t.id, to: "pending").status == "pending")
        #expect(try svc.transition(t.id, to: "resolved", resolution: "khách tự làm được").status == "resolved")
        let kinds = try f.storage.tickets.notes(t.id).map(\.kind)
        #expect(kinds == Array(repeating: "status", count: 9))
        #expect(try f.storage.tickets.notes(t.id).first?.detail == "open → pending")
    }

    @Test(arguments: [
        ([String](), "closed", "open", "pending, resolved"),
        ([String](), "open", "open", "pending, resolved"),
        (["pending"], "closed", "pending", "open, resolved"),
        (["pending"], "pending", "pending", "open, resolved"),
        (["resolved"], "pending", "resolved", "closed, open"),
        (["resolved", "closed"], "resolved", "closed", "open"),
        (["resolved", "closed"], "pending", "closed", "open"),
        ([String](), "deleted", "open", "pending, resolved"),
    ])
    func refusedTransitionsExplainWhatIsAllowed(path: [String], target: String, current: String, allowed: String) throws {
        let f = try Fixture()
        let svc = TicketService(session: f.session)
        let t = try svc.create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil, summary: "x")
        for s in path { _ = try svc.transition(t.id, to: s, resolution: s == "resolved" ? "ok" : nil) }
        let notesBefore = try f.storage.tickets.notes(t.id).count
        let e = DeskAt.error { _ = try svc.transition(t.id, to: target) }
        #expect(DeskAt.kind(e) == "invalid")
        let names = allowed.components(separatedBy: ", ").map(Catalog.en.ticketStatus).joined(separator: ", ")
        #expect(e?.english == "ticket #\(t.id) is \(Catalog.en.ticketStatus(current)); it can go to: \(names)")
        #expect(try svc.get(t.id).status == current)
        #expect(try f.storage.tickets.notes(t.id).count == notesBefore)
    }

    @Test func unknownTicketIsNotFound() throws {
        let f = try Fixture()
        #expect(DeskAt.kind(DeskAt.error { _ = try TicketService(session: f.session).transition(999, to: "closed") }) == "notFound")
        #expect(DeskAt.kind(DeskAt.error { _ = try TicketService(session: f.session).note(999, text: "x") }) == "notFound")
    }

    // MARK: first response

    func loaded() throws -> Fixture {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        return f
    }

    @Test func lookupsDoNotCountAsFirstResponseButANoteDoes() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912 345 678", line: nil, callerName: nil)
        let later = try DeskAt.session(f, "2025-03-12T09:05:00")
        _ = try RegistrationService(session: later).search("nguyen van duc")
        _ = try RegistrationService(session: later).detail("7901234568")
        _ = try DiagnosisService(session: later).diagnose("7901234568")
        _ = try TicketService(session: later).timeline(info.ticket.id)
        _ = try TicketService(session: later).list(TicketFilter(), overdue: false, limit: 10)
        #expect(try f.storage.tickets.get(info.ticket.id)?.firstResponseAt == nil)
        let noted = try DeskAt.session(f, "2025-03-12T09:07:00")
        _ = try TicketService(session: noted).note(nil, text: "khách hỏi lại mật khẩu")
        #expect(try f.storage.tickets.get(info.ticket.id)?.firstResponseAt == "2025-03-12T02:07:00Z")
        // Only the first one counts.
        let last = try DeskAt.session(f, "2025-03-12T09:20:00")
        _ = try TicketService(session: last).note(nil, text: "thêm")
        _ = try TicketService(session: last).done(resolution: "xong", category: nil)
        #expect(try f.storage.tickets.get(info.ticket.id)?.firstResponseAt == "2025-03-12T02:07:00Z")
    }

    @Test func aResendIsAFirstResponse() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        let later = try DeskAt.session(f, "2025-03-12T09:03:00")
        _ = try CredentialService(session: later).resend(code: "7901234568", verify: "dob=1985-02-15,id=079085004321")
        #expect(try f.storage.tickets.get(info.ticket.id)?.firstResponseAt == "2025-03-12T02:03:00Z")
    }

    @Test func aStatusChangeIsAFirstResponse() throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil,
                                                             summary: "x")
        let later = try DeskAt.session(f, "2025-03-12T10:00:00")
        _ = try TicketService(session: later).transition(t.id, to: "pending")
        #expect(try f.storage.tickets.get(t.id)?.firstResponseAt == "2025-03-12T03:00:00Z")
    }

    @Test func aFailedVerificationIsNotAFirstResponse() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        _ = DeskAt.error { _ = try CredentialService(session: f.session).resend(code: "7901234568", verify: "dob=1985-02-16,id=079085004321") }
        #expect(try f.storage.tickets.get(info.ticket.id)?.firstResponseAt == nil)
    }

    // MARK: SLA

    func slaState(_ f: Fixture, _ id: Int, at local: String) throws -> SLAPolicy.State {
        let s = try DeskAt.session(f, local, resume: false)
        return try TicketService(session: s).timeline(id).2
    }

    @Test func pendingPausesTheSLA() throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: "normal",
                                                             summary: "chờ khách chụp lại ảnh")
        #expect(try slaState(f, t.id, at: "2025-03-12T09:30:00").elapsed == 30)
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-12T09:30:00")).transition(t.id, to: "pending")
        // Pending from Wed 09:30 until Thu 09:00: the clock stands still.
        let waiting = try slaState(f, t.id, at: "2025-03-13T09:00:00")
        #expect(waiting.elapsed == 30)
        #expect(!waiting.firstResponseBreached && !waiting.resolutionBreached)
        #expect(waiting.minutesLeft == 960 - 30)
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-13T09:00:00")).transition(t.id, to: "open")
        // 120 (Wed to 11:30) + 240 (Wed afternoon) + 90 (Thu 07:30–09:00) office minutes were paused.
        #expect(try f.storage.tickets.get(t.id)?.pausedMinutes == 450)
        #expect(try f.storage.tickets.get(t.id)?.pendingSince == nil)
        #expect(try slaState(f, t.id, at: "2025-03-13T10:00:00").elapsed == 90)
        // A second pause adds up; resolving while pending keeps the paused time out.
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-13T10:00:00")).transition(t.id, to: "pending")
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-13T14:00:00")).transition(t.id, to: "resolved", resolution: "xong")
        let resolved = try f.storage.tickets.get(t.id)!
        #expect(resolved.pausedMinutes == 450 + 90 + 60)
        // A resolved ticket's clock stops at resolution.
        #expect(try slaState(f, t.id, at: "2025-03-20T10:00:00").elapsed == 90)
    }

    @Test func pendingTicketIsNotOverdueForTheTimeItWaits() throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: "urgent",
                                                             summary: "khẩn")
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-12T09:05:00")).transition(t.id, to: "pending")
        let friday = try DeskAt.session(f, "2025-03-14T16:00:00")
        #expect(try TicketService(session: friday).list(TicketFilter(), overdue: true, limit: 50).isEmpty)
        // The same ticket left open would be overdue (urgent: 15 minutes to first response, 120 to resolution).
        let u = try TicketService(session: f.session).create(caller: "0901234568", line: 121, code: nil, category: nil, priority: "urgent",
                                                             summary: "khẩn 2")
        #expect(try TicketService(session: friday).list(TicketFilter(), overdue: true, limit: 50).map(\.0.id) == [u.id])
    }

    @Test func overdueCountsOfficeHoursOnly() throws {
        let f = try Fixture()
        func open(_ local: String, _ summary: String, priority: String = "normal") throws -> Int {
            try TicketService(session: try DeskAt.session(f, local)).create(caller: "0901234567", line: 121, code: nil, category: nil,
                                                                            priority: priority, summary: summary).id
        }
        let friday = try open("2025-03-14T14:00:00", "mở chiều thứ sáu")  // 180 + 30 office minutes by Monday 08:00
        let saturday = try open("2025-03-15T19:00:00", "mở tối thứ bảy")  // 30 office minutes by Monday 08:00
        let sunday = try open("2025-03-16T10:00:00", "mở sáng chủ nhật", priority: "high")  // 30 of 60
        let monday = try DeskAt.session(f, "2025-03-17T08:00:00")
        let overdue = try TicketService(session: monday).list(TicketFilter(), overdue: true, limit: 50)
        #expect(overdue.map(\.0.id) == [friday])
        #expect(overdue.first?.1.firstResponseBreached == true)
        #expect(overdue.first?.1.elapsed == 210)
        let all = try TicketService(session: monday).list(TicketFilter(), overdue: false, limit: 50)
        #expect(Set(all.map(\.0.id)) == [friday, saturday, sunday])
        #expect(all.first { $0.0.id == saturday }?.1.elapsed == 30)
        #expect(all.first { $0.0.id == saturday }?.1.minutesLeft == 90)
        // Lunch does not count either: opened 11:00, 121 minutes after 30 (11:00–11:30) + 91 (13:00–14:31).
        let lunch = try open("2025-03-18T11:00:00", "trước giờ trưa")
        let at1430 = try TicketService(session: try DeskAt.session(f, "2025-03-18T14:30:00")).list(TicketFilter(), overdue: true, limit: 50)
        #expect(!at1430.map(\.0.id).contains(lunch))
        let at1431 = try TicketService(session: try DeskAt.session(f, "2025-03-18T14:31:00")).list(TicketFilter(), overdue: true, limit: 50)
        #expect(at1431.map(\.0.id).contains(lunch))
    }

    @Test func overdueTicketsBehindAFullPageOfFreshOnesAreFound() throws {
        let f = try Fixture()
        let old = try DeskAt.session(f, "2025-03-03T08:00:00")
        var overdueIDs: [Int] = []
        for i in 0..<60 {
            overdueIDs.append(try TicketService(session: old).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil,
                                                                     summary: "cũ \(i)").id)
        }
        // 600 tickets opened a minute before the query: newer, so listed first, and none of them overdue yet.
        let fresh = try DeskAt.session(f, "2025-03-12T08:59:00")
        try fresh.storage.transaction {
            for i in 0..<600 {
                _ = try TicketService(session: fresh).create(caller: "0912345678", line: 122, code: nil, category: nil, priority: nil,
                                                             summary: "mới \(i)")
            }
        }
        let listed = try TicketService(session: f.session).list(TicketFilter(), overdue: true, limit: 50)
        #expect(listed.map(\.0.id) == Array(overdueIDs.reversed().prefix(50)))
        #expect(try TicketService(session: f.session).list(TicketFilter(), overdue: true, limit: 1000).count == 60)
    }

    @Test func answeredTicketIsNotFirstResponseOverdue() throws {
        let f = try Fixture()
        let t = try TicketService(session: f.session).create(caller: "0901234567", line: 121, code: nil, category: nil, priority: nil,
                                                             summary: "x")
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-12T09:10:00")).note(t.id, text: "đã gọi lại")
        let noon = try DeskAt.session(f, "2025-03-12T15:00:00")
        #expect(try TicketService(session: noon).list(TicketFilter(), overdue: true, limit: 50).isEmpty)
        // Past the resolution target (normal: 960 office minutes = 2 days) it is overdue again.
        let later = try DeskAt.session(f, "2025-03-14T09:01:00")
        let rows = try TicketService(session: later).list(TicketFilter(), overdue: true, limit: 50)
        #expect(rows.map(\.0.id) == [t.id])
        #expect(rows.first?.1.resolutionBreached == true && rows.first?.1.firstResponseBreached == false)
    }

    @Test func holidaysAndConfiguredTargetsAreHonoured() throws {
        let f = try Fixture()
        try f.storage.settings.set("holidays", "2025-03-13")
        try f.storage.settings.set("sla_first_response_min", "low=480,normal=30,high=60,urgent=15")
        let t = try TicketService(session: try DeskAt.session(f, "2025-03-12T16:50:00")).create(
            caller: "0901234567", line: 121, code: nil, category: nil, priority: nil, summary: "trước lễ")
        // Wed 16:50–17:00 (10) + holiday Thursday (0) + Fri 07:30–07:50 (20) = 30: not yet past.
        let fri = try TicketService(session: try DeskAt.session(f, "2025-03-14T07:50:00")).list(TicketFilter(), overdue: true, limit: 10)
        #expect(fri.isEmpty)
        let fri2 = try TicketService(session: try DeskAt.session(f, "2025-03-14T07:51:00")).list(TicketFilter(), overdue: true, limit: 10)
        #expect(fri2.map(\.0.id) == [t.id])
        // Fixed public holidays are built in: 30 April and 1 May 2025 (Wed, Thu) are not office time.
        try f.storage.settings.unset("holidays")
        let h = try TicketService(session: try DeskAt.session(f, "2025-04-29T16:50:00")).create(
            caller: "0901234567", line: 121, code: nil, category: nil, priority: nil, summary: "trước 30/4")
        let may2 = try TicketService(session: try DeskAt.session(f, "2025-05-02T07:50:00")).list(TicketFilter(), overdue: false, limit: 10)
        #expect(may2.first { $0.0.id == h.id }?.1.elapsed == 30)
    }

    @Test func overdueWithOnlyClosedStatusesListsNothing() throws {
        let f = try Fixture()
        let svc = TicketService(session: f.session)
        let t = try svc.create(caller: "0901234567", line: 121, code: nil, category: nil, priority: "urgent", summary: "x")
        let open = try svc.create(caller: "0901234567", line: 121, code: nil, category: nil, priority: "urgent", summary: "y")
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-14T09:00:00")).transition(t.id, to: "resolved", resolution: "muộn")
        let later = try DeskAt.session(f, "2025-03-17T09:00:00")
        var resolvedOnly = TicketFilter()
        resolvedOnly.statuses = ["resolved"]
        #expect(try TicketService(session: later).list(resolvedOnly, overdue: true, limit: 10).isEmpty)
        #expect(try TicketService(session: later).list(TicketFilter(), overdue: true, limit: 10).map(\.0.id) == [open.id])
    }

    // MARK: list filters

    @Test func listFilters() throws {
        let f = try Fixture()
        try DeskAt.addOperator(f, "lan", line: 122, role: .supervisor)
        func make(_ login: String, _ local: String, line: Int, category: String, status: String? = nil) throws -> Int {
            let s = try DeskAt.session(f, local, login: login)
            let t = try TicketService(session: s).create(caller: "0901234567", line: line, code: nil, category: category, priority: nil,
                                                         summary: "\(login) \(category)")
            if let status { _ = try TicketService(session: s).transition(t.id, to: status, resolution: status == "resolved" ? "ok" : nil) }
            return t.id
        }
        let a = try make("hoa", "2025-03-10T08:00:00", line: 121, category: "password")
        let b = try make("hoa", "2025-03-11T23:30:00", line: 121, category: "photos", status: "pending")
        let c = try make("lan", "2025-03-12T00:30:00", line: 122, category: "password", status: "resolved")
        let d = try make("lan", "2025-03-13T10:00:00", line: 125, category: "scam")
        let svc = TicketService(session: f.session)
        func ids(_ build: (inout TicketFilter) -> Void) throws -> [Int] {
            var filter = TicketFilter()
            build(&filter)
            return try svc.list(filter, overdue: false, limit: 50).map(\.0.id)
        }
        #expect(try ids { _ in } == [d, c, b, a])
        #expect(try ids { $0.statuses = ["open"] } == [d, a])
        #expect(try ids { $0.statuses = ["pending", "resolved"] } == [c, b])
        #expect(try ids { $0.operatorLogin = "lan" } == [d, c])
        #expect(try ids { $0.operatorLogin = f.session.actor.login } == [b, a])  // --mine
        #expect(try ids { $0.line = 121 } == [b, a])
        #expect(try ids { $0.line = 125 } == [d])
        #expect(try ids { $0.category = "password" } == [c, a])
        // Date range in desk time: 12 March desk day is 11 March 17:00Z … 12 March 17:00Z.
        #expect(try ids { $0.from = "2025-03-11T17:00:00Z"; $0.to = "2025-03-12T17:00:00Z" } == [c])
        #expect(try ids { $0.from = "2025-03-11T00:00:00Z" } == [d, c, b])
        #expect(try ids { $0.to = "2025-03-11T17:00:00Z" } == [b, a])
        #expect(try ids { $0.operatorLogin = "hoa"; $0.statuses = ["open"]; $0.category = "password" } == [a])
        #expect(try ids { $0.operatorLogin = "nobody" } == [])
        #expect(try svc.list(TicketFilter(), overdue: false, limit: 2).map(\.0.id) == [d, c])
    }
}
