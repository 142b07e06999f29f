import Foundation
import Testing

/// Issue 12, "the live call, trusted": what the operator sees on a call can be relied on.
@Suite struct LiveCallTests {
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
        let rows = SQLite3Shell.rows(v.db, "SELECT id, status, body LIKE '%: ********%' FROM sms_outbox ORDER BY id")
        #expect(rows == [[String(first), "superseded", "1"], [String(second), "queued", "0"]])
        let text = v.run(["--as", "hoa", "-c", "resend 7901234568 \(verify)"])
        #expect(text.code == 0 && text.out.contains("#\(second)"), "\(text.out)")
        // The limit (3 a day) is reached: the refusal says when the next one is allowed, in desk time.
        let refused = v.json("resend 7901234568 \(verify)", as: "hoa")
        #expect(refused.code == 1)
        #expect(refused.err.contains("next one is allowed at 20"), "\(refused.err)")
    }
}
