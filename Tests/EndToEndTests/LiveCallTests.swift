import Foundation
import Testing
import DeskTestSupport

/// Issue 12, "the live call, trusted": what the operator sees on a call can be relied on.
@Suite(.freshDatabases) struct LiveCallTests {
    /// Three registrations: Đức (approved, alone on his phone, his declared CCCD one digit off the registry's), and
    /// Lan and her second registration on one shared phone.
    static func desk() -> Vssdesk {
        let v = Vssdesk.ready()
        let insured = v.write("insured.csv", """
            bhxh_code,full_name,dob,gender,id_number,phone
            7901234567,Nguyễn Văn Đức,1990-05-17,Nam,079090123456,0901234567
            7901234568,Trần Thị Lan,1992-02-03,Nữ,079192004321,0912345678
            7901234569,Trần Thị Lan,1992-02-03,Nữ,079192004321,0912345678

            """)
        let registrations = v.write("registrations.csv", """
            bhxh_code,kind,full_name,dob,gender,id_number,phone,status,agency_code,photo_portrait,photo_id_front,photo_id_back,submitted_at
            7901234567,self,Nguyễn Văn Đức,1990-05-17,Nam,079090173456,0901234567,approved,07916,1,1,1,2025-03-01T08:00:00+07:00
            7901234568,self,Trần Thị Lan,1992-02-03,Nữ,079192004321,0912345678,approved,07916,1,1,1,2025-03-01T08:00:00+07:00
            7901234569,self,Trần Thị Lan,1992-02-03,Nữ,079192004321,0912345678,rejected,07916,1,0,0,2025-03-02T08:00:00+07:00

            """)
        let r = v.run(["-c", "import insured \(insured)", "-c", "import registrations \(registrations)"])
        #expect(r.code == 0, "\(r.err)")
        return v
    }

    static func finding(_ doc: [String: Any], _ rule: String) -> [String: Any]? {
        (doc["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == rule }
    }

    @Test func idMismatchShowsTheDigitsThatDiffer() throws {
        let v = Self.desk()
        // Off a call: masked, but where the numbers differ stays visible (the list mask alone hid it: 0790***456 twice).
        let off = v.json("diagnose 7901234567", as: "hoa")
        #expect(off.code == 0, "\(off.err)")
        let masked = try #require(Self.finding(off.object, "ID_MISMATCH")?["message"] as? String, "\(off.out)")
        #expect(masked.contains("(079****7*456)") && masked.contains("(079****2*456)"), "\(masked)")
        #expect(!masked.contains("079090173456") && !masked.contains("079090123456"), "\(masked)")

        // On the call, as `show` does, the finding gives both numbers in full.
        let on = v.run(["--as", "hoa", "--format", "json", "-c", "call 0901234567", "-c", "diagnose"])
        #expect(on.code == 0, "\(on.err)")
        try #require(on.documents.count == 2, "\(on.out)")
        for doc in on.documents {
            let full = try #require(Self.finding(doc, "ID_MISMATCH")?["message"] as? String, "\(doc)")
            #expect(full.contains("(079090173456)") && full.contains("(079090123456)"), "\(full)")
        }
    }

    @Test func aSecondResendSupersedesTheQueuedSMS() throws {
        let v = Self.desk()
        let verify = "--verify dob=1992-02-03,id=079192004321"
        let r = v.run(["--as", "hoa", "--format", "json", "-c", "resend 7901234568 \(verify)", "-c", "resend 7901234568 \(verify)"])
        #expect(r.code == 0, "\(r.err)")
        try #require(r.documents.count == 2, "\(r.out)")
        let first = try #require(r.documents[0]["sms_id"] as? Int), second = try #require(r.documents[1]["sms_id"] as? Int)
        #expect((r.documents[0]["superseded"] as? [Int]) == [] && r.documents[0]["recently_sent"] is NSNull)
        #expect((r.documents[1]["superseded"] as? [Int]) == [first])
        let rows = StockShell.rows(v.db, "SELECT id, status, CASE WHEN body LIKE '%: ********%' THEN 1 ELSE 0 END FROM sms_outbox ORDER BY id")
        #expect(rows == [[String(first), "superseded", "1"], [String(second), "queued", "0"]])
        let text = v.run(["--as", "hoa", "-c", "resend 7901234568 \(verify)"])
        #expect(text.code == 0 && text.out.contains("#\(second)"), "\(text.out)")
        // The limit (3 a day) is reached: the refusal says when the next one is allowed, in desk time.
        let refused = v.json("resend 7901234568 \(verify)", as: "hoa")
        #expect(refused.code == 1)
        #expect(refused.err.range(of: #"lần tiếp theo được phép lúc \d\d/\d\d/20\d\d \d\d:\d\d"#, options: .regularExpression) != nil, "\(refused.err)")
    }

    @Test func anAssignedTicketShowsItsAssigneeAndIsTheirs() throws {
        let v = Self.desk()
        let made = v.json("ticket new --caller 0901234567 --line 121 --category photos Ảnh mờ", as: "hoa")
        let id = try #require(made.object["id"] as? Int, "\(made.err)")
        let assigned = v.json("ticket assign \(id) lan", as: "hoa")
        #expect(assigned.code == 0 && assigned.object["assignee"] as? String == "lan", "\(assigned.out)")
        #expect(v.json("ticket show \(id)", as: "hoa").object["assignee"] as? String == "lan")
        #expect(v.run(["--as", "hoa", "-c", "ticket show \(id)"]).out.contains("giao cho lan"))
        func ids(_ args: String, as who: String) -> [Int] {
            let rows = v.json("ticket list \(args)", as: who).object["results"] as? [[String: Any]] ?? []
            #expect(rows.allSatisfy { $0.keys.contains("assignee") })
            return rows.compactMap { $0["id"] as? Int }
        }
        #expect(ids("--mine", as: "lan") == [id])  // assigned to her
        #expect(ids("--mine", as: "hoa") == [id])  // opened by her
        #expect(ids("--assignee lan", as: "hoa") == [id])
        #expect(ids("--assignee hoa", as: "hoa") == [])
    }

    @Test func aRepeatCallerContinuesThePendingTicket() throws {
        let v = Self.desk()
        let first = v.run(["--as", "hoa", "--format", "json", "-c", "call 0901234567", "-c", "hold khách sẽ chụp lại CCCD rồi gọi lại"])
        let pending = try #require(first.documents.first?["id"] as? Int, "\(first.err)")
        #expect(first.documents.last?["status"] as? String == "pending")

        // The call screen offers to continue it, with what was last said on it (not its automatic summary).
        let screen = v.run(["--as", "hoa", "-c", "call 0901234567"])
        #expect(screen.out.contains("call 0901234567 --continue \(pending)") && screen.out.contains("khách sẽ chụp lại CCCD"), "\(screen.out)")
        let repeatLine = screen.out.split(separator: "\n").first { $0.hasPrefix("⚠") } ?? ""
        #expect(repeatLine.hasSuffix("khách sẽ chụp lại CCCD rồi gọi lại") && !repeatLine.contains("0901***567"), "\(screen.out)")
        let screenTicket = try #require(Int(StockShell.scalar(v.db, "SELECT ticket_id FROM open_calls WHERE operator = 'hoa'") ?? ""))

        // Continuing: the pending ticket is the live call again, the ticket that call just opened is folded into it.
        let cont = v.json("call 0901234567 --continue \(pending)", as: "hoa")
        #expect(cont.code == 0, "\(cont.err)")
        #expect(cont.object["id"] as? Int == pending && cont.object["continued"] as? Bool == true)
        #expect(cont.object["merged"] as? Int == screenTicket && cont.object["status"] as? String == "open", "\(cont.out)")
        #expect(v.json("whoami", as: "hoa").object["open_ticket"] as? Int == pending)
        #expect(StockShell.scalar(v.db, "SELECT count(*) FROM tickets WHERE id = \(screenTicket)") == "0")
        let done = v.run(["--as", "hoa", "--format", "json", "-c", "note khách đã gửi ảnh", "-c", "done đã hướng dẫn"])
        #expect(done.documents.last?["id"] as? Int == pending && done.documents.last?["status"] as? String == "resolved", "\(done.err)")
        let kinds = (v.json("ticket show \(pending)", as: "hoa").object["timeline"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.filter { $0 == "call" }.count == 3, "\(kinds)")  // its own call, the folded one's, the continuation

        // A later call lists it with its resolution as the last word.
        let later = v.run(["--as", "hoa", "--format", "json", "-c", "call 0901234567", "-c", "done hỏi lại"])
        let repeats = later.documents.first?["repeats"] as? [[String: Any]] ?? []
        #expect(repeats.first?["id"] as? Int == pending && repeats.first?["last_note"] as? String == "đã hướng dẫn", "\(later.out)")

        // Only an open or pending ticket can be continued; a resolved one is reopened instead.
        let refused = v.run(["--as", "hoa", "-c", "call 0901234567 --continue \(pending)"])
        #expect(refused.code == 1 && refused.err.contains("reopen"), "\(refused.err)")
        #expect(v.json("whoami", as: "hoa").object["open_ticket"] is NSNull)
    }

    @Test func severalRegistrationsOnOnePhoneShowTheirWorstFindingAndUseDiagnoses() throws {
        let v = Self.desk()
        let call = v.json("call 0912345678", as: "hoa")
        #expect(call.code == 0, "\(call.err)")
        let regs = call.object["registrations"] as? [[String: Any]] ?? []
        #expect(regs.count == 2)
        let rejected = try #require(regs.first { $0["bhxh_code"] as? String == "7901234569" })
        #expect(rejected["worst_severity"] as? String == "error" && rejected["worst_rule"] is String, "\(rejected)")
        #expect(regs.allSatisfy { $0["sms_status"] is String && $0.keys.contains("worst_rule") })
        let text = v.run(["--as", "hoa", "-c", "use 7901234569"])
        #expect(text.code == 0 && text.out.contains("REJECTED"), "\(text.out)")
        let use = v.json("use 7901234569", as: "hoa")
        #expect((use.object["findings"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "REJECTED" }, "\(use.out)")
    }

    @Test func doneProposesTheCategoryFromWhatWasDone() throws {
        let v = Self.desk()
        let r = v.run(["--as", "hoa", "--format", "json", "-c", "call 0901234567",
                       "-c", "resend --verify dob=1990-05-17,id=079090173456", "-c", "done đã gửi lại mật khẩu"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.documents.last?["category"] as? String == "password" && r.documents.last?["category_proposed"] as? Bool == true,
                "\(r.out)")
        // Said on the screen; an explicit --category wins.
        let text = v.run(["--as", "hoa", "-c", "call 0901234567", "-c", "resend --verify dob=1990-05-17,id=079090173456",
                          "-c", "done đã gửi lại"])
        #expect(text.out.contains("Nội dung cuộc gọi: mật khẩu (đề xuất"), "\(text.out)")
        let chosen = v.run(["--as", "hoa", "--format", "json", "-c", "call 0901234567", "-c", "done hỏi về VNeID --category login"])
        #expect(chosen.documents.last?["category"] as? String == "login" && chosen.documents.last?["category_proposed"] as? Bool == false)
    }
}

extension REPLTests {
    @Test(.enabled(if: REPLTests.available)) func aResumedCallShowsTheCallersRegistrationAgain() throws {
        let v = LiveCallTests.desk()
        let opened = v.run(["-c", "call 0901234567 --line 121"])
        #expect(opened.code == 0, "\(opened.err)")
        let t = start(v)
        defer { t.kill() }
        let s = t.waitFor("ID_MISMATCH")
        #expect(s.contains("Tiếp tục cuộc gọi đang mở") && s.contains("7901234567 — Nguyễn Văn Đức") && s.contains("ID_MISMATCH"), "\(s)")
    }
}
