import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport

@Suite(.freshDatabases) struct CallTests {
    /// Fixture registrations plus two people who share one phone (0355 000 111).
    func loaded() throws -> Fixture {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        _ = try f.importCSV(.registrations, """
        bhxh_code,kind,full_name,dob,gender,id_number,address,phone,status,agency_code,photo_portrait,photo_id_front,photo_id_back,submitted_at
        7901234580,self,Lê Văn An,1992-03-03,Nam,079092003333,Quận 6,0355000111,approved,07916,1,1,1,2025-02-01T08:00:00Z
        7901234581,self,Lê Thị Bình,1994-04-04,Nữ,079194004444,Quận 6,0355 000 111,approved,07916,1,1,1,2025-02-01T08:00:00Z
        """)
        return f
    }

    func openCallRow(_ f: Fixture, _ login: String = "hoa") throws -> (Int, String?)? {
        try f.rows("SELECT ticket_id, bhxh_code FROM open_calls WHERE operator = ?", [.text(login)]).first.map { (Int($0[0]!)!, $0[1]) }
    }

    // MARK: opening a call

    @Test(arguments: ["0912 345 678", "+84 912 345 678", "0912.345.678", "84912345678", "912345678"])
    func exactlyOneRegistrationIsLinked(phone: String) throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: phone, line: nil, callerName: "  anh Đức ")
        #expect(info.registrations.map(\.bhxhCode) == ["7901234568"])
        #expect(info.ticket.bhxhCode == "7901234568")
        #expect(info.ticket.callerPhone == "0912345678")
        #expect(info.ticket.callerName == "anh Đức")
        #expect(info.ticket.line == 121 && info.ticket.status == "open" && info.ticket.operatorLogin == "hoa")
        #expect(info.phoneKind == .mobile)
        #expect(f.session.openTicketID == info.ticket.id)
        #expect(f.session.callRegistration == "7901234568")
        let row = try openCallRow(f)
        #expect(row?.0 == info.ticket.id && row?.1 == "7901234568")
        #expect(try f.storage.tickets.notes(info.ticket.id).map(\.kind) == ["call"])
        // `show`, `diagnose`, `resend` without a code now mean that registration.
        #expect(try RegistrationService(session: f.session).resolveCode(nil) == "7901234568")
    }

    @Test func theLinkedRegistrationsFindingsAreReturned() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0383 111 222", line: 124, callerName: nil)
        #expect(info.ticket.bhxhCode == "7901234570" && info.ticket.line == 124)
        let expected = try DiagnosisService(session: f.session).diagnose("7901234570", audit: false).1
        #expect(!info.findings.isEmpty)
        #expect(info.findings.contains { $0.severity == .error })
        #expect(info.findings.map(\.rule) == expected.map(\.rule))
    }

    @Test func severalRegistrationsLinkNone() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "035 5000 111", line: nil, callerName: nil)
        #expect(info.registrations.map(\.bhxhCode) == ["7901234580", "7901234581"])
        #expect(info.ticket.bhxhCode == nil)
        #expect(info.findings.isEmpty)
        #expect(f.session.callRegistration == nil)
        #expect(try openCallRow(f)?.1 == nil)
        #expect(DeskAt.kind(DeskAt.error { _ = try RegistrationService(session: f.session).resolveCode(nil) }) == "usage")
        // `use CODE` links one; a console that restarts keeps the link.
        try TicketService(session: f.session).focus(code: "7901234581")
        #expect(f.session.callRegistration == "7901234581")
        #expect(try f.storage.tickets.get(info.ticket.id)?.bhxhCode == "7901234581")
        #expect(try openCallRow(f)?.1 == "7901234581")
        #expect(try DeskAt.session(f, "2025-03-12T09:10:00").callRegistration == "7901234581")
    }

    @Test(arguments: ["038 765 4321", "0168 765 4321", "+84 168 765 4321"])
    func aRegistrationWithThePre2018NumberIsFound(phone: String) throws {
        let f = try loaded()
        _ = try f.importCSV(.registrations, """
        bhxh_code,kind,full_name,dob,gender,id_number,address,phone,status,agency_code,photo_portrait,photo_id_front,photo_id_back,submitted_at
        7901234582,self,Võ Thị Cúc,1960-07-07,Nữ,079160007777,Quận 6,0168 765 4321,approved,07916,1,1,1,2025-02-01T08:00:00Z
        """)
        #expect(try f.storage.registrations.get("7901234582")?.phone == "01687654321")
        let info = try TicketService(session: f.session).openCall(phone: phone, line: nil, callerName: nil)
        #expect(info.ticket.callerPhone == "0387654321")
        #expect(info.registrations.map(\.bhxhCode) == ["7901234582"])
        #expect(f.session.callRegistration == "7901234582")
        // Why her SMS never came: the diagnosis says so at once.
        #expect(info.findings.contains { $0.rule == "PHONE_INVALID" })
    }

    @Test func unknownAndLandlineCallersStillGetATicket() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "028 3854 3385", line: nil, callerName: nil)
        #expect(info.registrations.isEmpty && info.ticket.bhxhCode == nil)
        #expect(info.phoneKind == .landline)
        #expect(info.ticket.callerPhone == "02838543385")
    }

    @Test func badCallInputCreatesNothing() throws {
        let f = try loaded()
        #expect(DeskAt.kind(DeskAt.error { _ = try TicketService(session: f.session).openCall(phone: "0912345678", line: 131, callerName: nil) }) == "invalid")
        #expect(DeskAt.kind(DeskAt.error { _ = try TicketService(session: f.session).openCall(phone: "xin chào", line: nil, callerName: nil) }) == "invalid")
        #expect(try f.count("SELECT count(*) FROM tickets") == 0)
        #expect(try openCallRow(f) == nil)
        #expect(f.session.openTicketID == nil)
    }

    // MARK: repeat callers

    @Test func repeatCallersAreFlagged() throws {
        let f = try loaded()
        func ticket(_ opened: String, phone: String, code: String?, summary: String,
                    steps: [(String, String)] = []) throws -> Int {
            let id = try TicketService(session: try DeskAt.session(f, opened)).create(caller: phone, line: 121, code: code, category: "password",
                                                                                      priority: nil, summary: summary).id
            for (at, status) in steps {
                _ = try TicketService(session: try DeskAt.session(f, at)).transition(id, to: status, resolution: status == "resolved" ? "ok" : nil)
            }
            return id
        }
        let resolved3DaysAgo = try ticket("2025-03-05T10:00:00", phone: "0912345678", code: nil, summary: "quên mật khẩu",
                                          steps: [("2025-03-09T10:00:00", "resolved")])
        let openOtherPhoneSameCode = try ticket("2025-02-03T10:00:00", phone: "0909999999", code: "7901234568", summary: "đổi số",
                                                steps: [])
        let resolved8DaysAgo = try ticket("2025-03-01T10:00:00", phone: "0912345678", code: "7901234568", summary: "cũ",
                                          steps: [("2025-03-04T08:00:00", "resolved")])
        let closedRecently = try ticket("2025-03-06T10:00:00", phone: "0912345678", code: nil, summary: "đã đóng",
                                        steps: [("2025-03-06T11:00:00", "resolved"), ("2025-03-11T11:00:00", "closed")])
        let pending = try ticket("2025-01-06T10:00:00", phone: "0912345678", code: nil, summary: "chờ khách",
                                 steps: [("2025-01-06T11:00:00", "pending")])
        let otherCaller = try ticket("2025-03-11T10:00:00", phone: "0987654321", code: "7901234569", summary: "khác", steps: [])
        let info = try TicketService(session: f.session).openCall(phone: "0912 345 678", line: nil, callerName: nil)
        let ids = Set(info.repeats.map(\.id))
        #expect(ids == [resolved3DaysAgo, openOtherPhoneSameCode, closedRecently, pending])
        #expect(!ids.contains(resolved8DaysAgo) && !ids.contains(otherCaller) && !ids.contains(info.ticket.id))
        #expect(info.repeats.first { $0.id == resolved3DaysAgo }?.summary == "quên mật khẩu")
        // The new call is a new ticket, linked by the flag, not a duplicate of the old one.
        #expect(try f.count("SELECT count(*) FROM tickets") == 7)
    }

    @Test func aFirstCallIsNotARepeat() throws {
        let f = try loaded()
        let first = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        #expect(first.repeats.isEmpty)
        _ = try TicketService(session: f.session).done(resolution: "đã hướng dẫn", category: "login")
        let again = try TicketService(session: try DeskAt.session(f, "2025-03-12T10:00:00")).openCall(phone: "0912345678", line: nil, callerName: nil)
        #expect(again.repeats.map(\.id) == [first.ticket.id])
    }

    @Test func repeatByCodeWhenTheCallerUsesAnotherPhone() throws {
        let f = try loaded()
        let old = try TicketService(session: try DeskAt.session(f, "2025-03-10T10:00:00")).create(
            caller: "0909 999 999", line: 121, code: "7901234568", category: "account", priority: nil, summary: "đổi số điện thoại")
        _ = try TicketService(session: try DeskAt.session(f, "2025-03-10T10:05:00")).transition(old.id, to: "resolved", resolution: "ok")
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        #expect(info.repeats.map(\.id) == [old.id])
        #expect(info.repeats.first?.summary == "đổi số điện thoại")
    }

    // MARK: one call at a time, done, hold

    @Test func aSecondCallWhileOneIsOpenIsRefused() throws {
        let f = try loaded()
        let first = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        let e = DeskAt.error { _ = try TicketService(session: f.session).openCall(phone: "0987654321", line: nil, callerName: nil) }
        #expect(DeskAt.kind(e) == "invalid")
        #expect(e?.english.contains("#\(first.ticket.id)") == true)
        #expect(e?.english.contains("done") == true)
        // A second console of the same operator that did not pick the call up is refused too: the open call in the
        // database must not be silently replaced.
        let other = try DeskAt.session(f, "2025-03-12T09:01:00", resume: false)
        #expect(DeskAt.kind(DeskAt.error { _ = try TicketService(session: other).openCall(phone: "0987654321", line: nil, callerName: nil) }) == "invalid")
        #expect(try f.count("SELECT count(*) FROM tickets") == 1)
        #expect(try openCallRow(f)?.0 == first.ticket.id)
        #expect(f.session.openTicketID == first.ticket.id && f.session.callRegistration == "7901234568")
        // Another operator takes calls at the same time.
        try DeskAt.addOperator(f, "lan", line: 122)
        let lan = try DeskAt.session(f, "2025-03-12T09:02:00", login: "lan")
        let hers = try TicketService(session: lan).openCall(phone: "0987654321", line: nil, callerName: nil)
        #expect(hers.ticket.line == 122 && hers.ticket.operatorLogin == "lan")
        #expect(try openCallRow(f, "lan")?.0 == hers.ticket.id)
        #expect(try openCallRow(f, "hoa")?.0 == first.ticket.id)
    }

    @Test func doneResolvesAndClearsTheOpenCall() throws {
        let f = try loaded()
        let svc = TicketService(session: f.session)
        #expect(DeskAt.kind(DeskAt.error { _ = try svc.done(resolution: "x", category: nil) }) == "usage")
        let info = try svc.openCall(phone: "0912345678", line: nil, callerName: nil)
        #expect(DeskAt.kind(DeskAt.error { _ = try svc.done(resolution: "   ", category: nil) }) == "usage")
        #expect(try openCallRow(f) != nil)
        let t = try svc.done(resolution: "đã gửi lại mật khẩu", category: "password")
        #expect(t.id == info.ticket.id && t.status == "resolved" && t.resolution == "đã gửi lại mật khẩu" && t.category == "password")
        #expect(t.resolvedAt == "2025-03-12T02:00:00Z")
        #expect(try openCallRow(f) == nil)
        #expect(f.session.openTicketID == nil && f.session.callRegistration == nil)
        #expect(try f.storage.tickets.openCall(operator: "hoa") == nil)
        #expect(try f.storage.tickets.notes(t.id).map(\.kind) == ["call", "status"])
        // A new call may start now.
        let next = try svc.openCall(phone: "0987654321", line: nil, callerName: nil)
        #expect(next.ticket.id != t.id)
    }

    @Test func holdLeavesTheTicketPending() throws {
        let f = try loaded()
        let svc = TicketService(session: f.session)
        #expect(DeskAt.kind(DeskAt.error { _ = try svc.hold(note: nil) }) == "usage")
        let info = try svc.openCall(phone: "0912345678", line: nil, callerName: nil)
        let t = try svc.hold(note: "khách sẽ gọi lại sau khi chụp lại ảnh")
        #expect(t.id == info.ticket.id && t.status == "pending" && t.pendingSince == "2025-03-12T02:00:00Z")
        #expect(try openCallRow(f) == nil)
        #expect(f.session.openTicketID == nil)
        #expect(try f.storage.tickets.notes(t.id).map(\.kind) == ["call", "note", "status"])
        #expect(try f.storage.tickets.notes(t.id).last?.detail == "open → pending")
    }

    // MARK: the call's timeline

    @Test func whatIsDoneDuringACallIsItsTimeline() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        let id = info.ticket.id
        _ = try RegistrationService(session: f.session).search("nguyen van duc")
        _ = try RegistrationService(session: f.session).detail(try RegistrationService(session: f.session).resolveCode(nil))
        _ = try DiagnosisService(session: f.session).diagnose("7901234568")
        _ = try CredentialService(session: f.session).resend(code: "7901234568", verify: "dob=15/02/1985,id=079 085 004 321")
        _ = try TicketService(session: f.session).note(nil, text: "khách xác nhận đã nhận SMS")
        let notes = try f.storage.tickets.notes(id)
        #expect(notes.map(\.kind) == ["call", "search", "show", "diagnose", "resend", "note"])
        #expect(notes.allSatisfy { $0.operatorLogin == "hoa" })
        #expect(notes[5].detail == "khách xác nhận đã nhận SMS")
        #expect(notes[4].detail.contains("7901234568"))
        let actions = try f.rows("SELECT action FROM audit WHERE ticket_id = ? ORDER BY id", [.int(Int64(id))]).map { $0[0]! }
        #expect(actions == ["call", "search", "show", "diagnose", "resend", "note"])
        // The queued SMS belongs to the ticket too.
        #expect(try f.storage.outbox.forCode("7901234568", limit: 5).first?.ticketID == id)
        _ = try TicketService(session: f.session).done(resolution: "đã gửi lại", category: nil)
        #expect(try f.rows("SELECT action FROM audit WHERE ticket_id = ? ORDER BY id", [.int(Int64(id))]).last?[0] == "ticket_resolved")
        // After the call, look-ups are audited but attached to no ticket.
        _ = try RegistrationService(session: f.session).search("tran thi anh")
        let last = try f.storage.audit.list(operator: "hoa", target: nil, from: nil, to: nil, action: "search", limit: 1).first
        #expect(last != nil && last?.ticketID == nil)
        #expect(try f.storage.tickets.notes(id).count == 7)
    }

    @Test func refusedResendDuringACallIsOnTheTimeline() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        _ = DeskAt.error { _ = try CredentialService(session: f.session).resend(code: "7901234568", verify: "dob=1985-02-15,id=000000000000") }
        #expect(try f.storage.tickets.notes(info.ticket.id).map(\.kind) == ["call", "verify_failed"])
        let rows = try f.rows("SELECT ticket_id FROM audit WHERE action = 'verify_failed'")
        #expect(rows.count == 1 && rows.first?[0] == String(info.ticket.id))
    }

    // MARK: resume

    @Test func aNewConsoleSeesTheOpenCall() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        // The console dies; another process opens the database.
        let store = try f.reopen()
        let open = try store.tickets.openCall(operator: "hoa")
        #expect(open?.ticketID == info.ticket.id && open?.bhxhCode == "7901234568")
        #expect(try store.tickets.openCall(operator: "lan") == nil)
        let resumed = try DeskAt.session(f, "2025-03-12T09:15:00")
        #expect(resumed.openTicketID == info.ticket.id && resumed.callRegistration == "7901234568")
        _ = try TicketService(session: resumed).note(nil, text: "tiếp tục sau khi máy treo")
        let t = try TicketService(session: resumed).done(resolution: "xong", category: nil)
        #expect(t.id == info.ticket.id && t.status == "resolved")
        #expect(try store.tickets.openCall(operator: "hoa") == nil)
        #expect(try f.storage.tickets.notes(t.id).map(\.kind) == ["call", "note", "status"])
    }
}
