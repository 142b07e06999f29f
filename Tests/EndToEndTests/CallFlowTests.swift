import Foundation
import Testing
import DeskTestSupport

/// A registration of the demo data the credentials flow works for: approved, self, the only one on a valid mobile.
struct CallableRegistration {
    var code: String
    var phone: String
    var dob: String
    var id: String

    static func pick(_ v: Vssdesk, skip: Int = 0) -> CallableRegistration? {
        let rows = StockShell.rows(v.db, """
            SELECT bhxh_code, phone, dob, id_number FROM registrations r
            WHERE kind = 'self' AND status = 'approved' AND dob IS NOT NULL AND id_number IS NOT NULL AND length(phone) = 10
              AND (SELECT count(*) FROM registrations x WHERE x.phone = r.phone) = 1
            ORDER BY bhxh_code
            """)
        var found: [CallableRegistration] = []
        for r in rows where r.count == 4 {
            guard v.json("check \(r[1])").object["kind"] as? String == "mobile" else { continue }
            found.append(CallableRegistration(code: r[0], phone: r[1], dob: r[2], id: r[3]))
            if found.count > skip { return found[skip] }
        }
        return nil
    }

    var verify: String { "--verify dob=\(dob),id=\(id)" }
}

extension Vssdesk.Result {
    /// One JSON document per line (several `-c` commands).
    var documents: [[String: Any]] {
        out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

@Suite(.freshDatabases) struct CallFlowTests {
    static func password(in body: String) -> String? {
        guard let r = body.range(of: "Mat khau tam thoi: ") else { return nil }
        return String(body[r.upperBound...].prefix { $0 != " " })
    }

    @Test func callResendDoneIsOneTicketWithItsTimeline() throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v), "no approved self registration with a mobile in the demo data")
        let r = v.run(["--as", "hoa", "--format", "json", "-c", "call \(reg.phone)", "-c", "resend \(reg.verify)",
                       "-c", "done \"đã gửi lại mật khẩu\" --category password"])
        #expect(r.code == 0, "\(r.err)")
        let docs = r.documents
        try #require(docs.count == 3, "\(r.out)")
        let call = docs[0]
        for key in ["id", "line", "caller_phone", "registrations", "repeat_of"] { #expect(call[key] != nil, "call JSON lacks \(key)") }
        let id = try #require(call["id"] as? Int)
        #expect(call["line"] as? Int == 121)
        #expect(call["caller_phone"] as? String == reg.phone)
        let regs = call["registrations"] as? [[String: Any]] ?? []
        #expect(regs.count == 1 && regs.first?["bhxh_code"] as? String == reg.code)
        #expect((call["repeat_of"] as? [Any])?.isEmpty == true)
        #expect(docs[1]["status"] as? String == "queued" && docs[1]["bhxh_code"] as? String == reg.code)
        #expect((docs[1]["to"] as? String)?.contains("***") == true)
        #expect(docs[2]["status"] as? String == "resolved" && docs[2]["id"] as? Int == id)

        // The password is in the queued SMS and nowhere the operator or an auditor looks.
        let body = try #require(StockShell.scalar(v.db, "SELECT body FROM sms_outbox WHERE bhxh_code = '\(reg.code)'"))
        let pw = try #require(Self.password(in: body))
        #expect(pw.count >= 12)
        #expect(!r.out.contains(pw) && !r.err.contains(pw))
        let list = v.json("outbox list", as: "hoa")
        #expect(list.code == 0 && !list.out.contains(pw) && !list.out.contains(reg.phone))
        let leaks = StockShell.dump(v.db).split(separator: "\n").filter { $0.contains(pw) }
        #expect(leaks.count == 1 && leaks.allSatisfy { $0.hasPrefix("INSERT INTO") && $0.contains("sms_outbox") }, "\(leaks)")

        // `ticket show` has the whole call.
        let show = v.json("ticket show \(id)", as: "hoa")
        #expect(show.code == 0, "\(show.err)")
        let timeline = show.object["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.map { $0["kind"] as? String ?? "" } == ["call", "resend", "status"])
        #expect(show.object["status"] as? String == "resolved" && show.object["category"] as? String == "password")
        #expect(show.object["bhxh_code"] as? String == reg.code)
        #expect(show.object["first_response_at"] as? String != nil)
        #expect(StockShell.rows(v.db, "SELECT action FROM audit WHERE ticket_id = \(id) ORDER BY id").map { $0[0] }
                == ["call", "resend", "ticket_resolved"])
        #expect(StockShell.scalar(v.db, "SELECT ticket_id FROM sms_outbox WHERE bhxh_code = '\(reg.code)'") == String(id))
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM open_calls") == "0")
        #expect(StockShell.scalar(v.db, "SELECT sms_status || ' ' || status FROM registrations WHERE bhxh_code = '\(reg.code)'")
                == "queued credentials_sent")

        // The same caller again: flagged as a repeat of the first call, on a new ticket.
        let again = v.json("call \(reg.phone)", as: "hoa")
        #expect(again.code == 0, "\(again.err)")
        let second = try #require(again.object["id"] as? Int)
        #expect(second != id)
        #expect((again.object["repeat_of"] as? [Int])?.contains(id) == true, "\(again.out)")
        let text = v.run(["--as", "hoa", "-c", "done 'gọi lại hỏi thêm'", "-c", "call \(reg.phone)"])
        #expect(text.code == 0, "\(text.err)")
        #expect(text.out.contains("#\(id) (đã giải quyết") && text.out.contains("#\(second) (đã giải quyết"), "\(text.out)")
    }

    @Test func aCallLeftOpenIsResumedByTheNextStart() throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v))
        let opened = v.run(["--as", "hoa", "--format", "json", "-c", "call \(reg.phone)"])
        #expect(opened.code == 0, "\(opened.err)")
        let id = try #require(opened.object["id"] as? Int)
        let who = v.json("whoami", as: "hoa")
        #expect(who.object["open_ticket"] as? Int == id, "\(who.out)")
        // Per operator: lan has no open call.
        #expect(v.json("whoami", as: "lan").object["open_ticket"] is NSNull)
        // The resumed call is the one lookups attach to; a second call is refused until it is finished.
        let refused = v.run(["--as", "hoa", "-c", "call 0987 654 321"])
        #expect(refused.code != 0)
        #expect(refused.err.contains("#\(id)"), "\(refused.err)")
        let resumed = v.run(["--as", "hoa", "--format", "json", "-c", "show", "-c", "note khách gọi lại sau khi máy treo", "-c", "done xong"])
        #expect(resumed.code == 0, "\(resumed.err)")
        #expect(resumed.documents.last?["id"] as? Int == id && resumed.documents.last?["status"] as? String == "resolved")
        let kinds = (v.json("ticket show \(id)", as: "hoa").object["timeline"] as? [[String: Any]] ?? []).map { $0["kind"] as? String ?? "" }
        #expect(kinds == ["call", "show", "note", "status"])
        #expect(v.json("whoami", as: "hoa").object["open_ticket"] is NSNull)
    }

    @Test func aConsoleKilledMidCallLosesNothing() throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v))
        // An interactive-style session reading commands from a pipe, killed with SIGKILL mid-call.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Vssdesk.binary)
        p.arguments = ["--db", v.db, "--as", "lan"]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = v.dir
        env["VSSDESK_KB_DIR"] = Vssdesk.kbDir
        p.environment = env
        let input = Pipe()
        p.standardInput = input
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        input.fileHandleForWriting.write(Data("call \(reg.phone) --line 122\nnote khách đọc số CCCD\n".utf8))
        var ticket: String?
        for _ in 0..<200 {
            if StockShell.scalar(v.db, "SELECT count(*) FROM ticket_notes WHERE kind = 'note'") == "1" {
                ticket = StockShell.scalar(v.db, "SELECT ticket_id FROM open_calls WHERE operator = 'lan'")
                break
            }
            usleep(50_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let id = try #require(ticket.flatMap { Int($0) }, "the call never reached the database")
        #expect(StockShell.scalar(v.db, "SELECT status || ' ' || line FROM tickets WHERE id = \(id)") == "open 122")
        let who = v.json("whoami", as: "lan")
        #expect(who.object["open_ticket"] as? Int == id, "\(who.out)")
        let shown = v.json("ticket show \(id)", as: "lan")
        #expect((shown.object["timeline"] as? [[String: Any]] ?? []).map { $0["kind"] as? String ?? "" } == ["call", "note"])
        // Hoa's console is not affected.
        #expect(v.json("whoami", as: "hoa").object["open_ticket"] is NSNull)
    }

    @Test func ticketCommandsValidateAndFilter() throws {
        let v = Vssdesk.ready()
        func new(_ who: String, _ now: String, _ args: String) -> Int? {
            let r = v.json("ticket new \(args)", as: who, env: ["VSSDESK_NOW": now])
            #expect(r.code == 0, "\(args): \(r.err)")
            return r.object["id"] as? Int
        }
        let a = try #require(new("hoa", "2025-03-10T09:00:00+07:00", "--caller 0901234567 --line 121 --category password Quên mật khẩu"))
        let b = try #require(new("lan", "2025-03-12T09:00:00+07:00", "--caller '+84 90 123 4568' --line 122 --category photos --priority high Ảnh mờ"))
        let c = try #require(new("hoa", "2025-03-12T10:00:00+07:00", "--caller '028 3854 3385' --line 125 --category scam Tin nhắn lừa đảo"))
        let resolved = v.run(["--as", "hoa", "--format", "json", "-c", "ticket resolve \(c) đã cảnh báo khách"], env: ["VSSDESK_NOW": "2025-03-12T10:30:00+07:00"])
        #expect(resolved.code == 0 && resolved.object["status"] as? String == "resolved", "\(resolved.err)")
        func ids(_ args: String, as who: String = "hoa", now: String = "2025-03-12T16:00:00+07:00") -> [Int] {
            let r = v.json("ticket list \(args)", as: who, env: ["VSSDESK_NOW": now])
            #expect(r.code == 0, "\(args): \(r.err)")
            return (r.object["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        }
        #expect(ids("") == [c, b, a])
        #expect(ids("--mine") == [c, a])
        #expect(ids("--mine", as: "lan") == [b])
        #expect(ids("--operator lan") == [b])
        #expect(ids("--status resolved") == [c])
        #expect(ids("--status open,pending") == [b, a])
        #expect(ids("--line 125") == [c])
        #expect(ids("--category password") == [a])
        #expect(ids("--from 2025-03-12 --to 2025-03-12") == [c, b])
        #expect(ids("--to 2025-03-11") == [a])
        #expect(ids("--from 2025-03-11") == [c, b])
        #expect(ids("--overdue") == [b, a])
        #expect(ids("--overdue --status resolved") == [])
        #expect(ids("--overdue", now: "2025-03-12T09:30:00+07:00") == [a])
        #expect(ids("--limit 1") == [c])
        let listed = v.json("ticket list --status open", as: "hoa").object["results"] as? [[String: Any]] ?? []
        #expect(listed.allSatisfy { ($0["caller_phone"] as? String)?.contains("***") == true })

        // Refusals: usage is exit 2, a bad value exit 1, with the reason.
        let badStatus = v.run(["--as", "hoa", "-c", "ticket list --status bogus"])
        #expect(badStatus.code == 2)
        let badLine = v.run(["--as", "hoa", "-c", "ticket new --caller 0901234567 --line 119 x"])
        #expect(badLine.code == 1 && badLine.err.contains("120–129"), "\(badLine.err)")
        let badCategory = v.run(["--as", "hoa", "-c", "ticket new --caller 0901234567 --line 121 --category billing x"])
        #expect(badCategory.code == 1 && badCategory.err.contains("password"), "\(badCategory.err)")
        let badPhone = v.run(["--as", "hoa", "-c", "ticket new --caller 12ab --line 121 x"])
        #expect(badPhone.code == 1 && badPhone.err.contains("không phải số điện thoại"), "\(badPhone.err)")
        let noCaller = v.run(["--as", "hoa", "-c", "ticket new --line 121 x"])
        #expect(noCaller.code == 2)
        let close = v.run(["--as", "hoa", "-c", "ticket close \(a)"])
        #expect(close.code == 1 && close.err.contains("đang ở trạng thái “đang mở”; chỉ chuyển được sang: chờ khách, đã giải quyết"), "\(close.err)")
        let english = v.run(["--as", "hoa", "-c", "ticket close \(a)"], env: ["VSSDESK_LANG": "en"])
        #expect(english.err.contains("is open; it can go to: waiting for caller, resolved"), "\(english.err)")
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM tickets") == "3")
        #expect(StockShell.scalar(v.db, "SELECT caller_phone FROM tickets WHERE id = \(b)") == "0901234568")
        #expect(StockShell.scalar(v.db, "SELECT caller_phone FROM tickets WHERE id = \(c)") == "02838543385")
    }
}
