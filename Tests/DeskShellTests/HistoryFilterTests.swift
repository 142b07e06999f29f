import Testing
@testable import DeskShell

@Suite struct HistoryFilterTests {
    @Test(arguments: [
        // --verify in any spelling close to it: the value goes, the flag stays.
        ("resend 7901234567 --verify dob=1990-05-17,id=079090001234", "resend 7901234567 --verify …"),
        ("resend 7901234567 --verfy dob=1990-05-17,id=079090001234", "resend 7901234567 --verfy …"),
        ("resend --verif dob=1990-05-17,id=1 7901234567", "resend --verif … 7901234567"),
        ("resend --vrify 'dob=1990-05-17, id=1'", "resend --vrify …"),
        ("resend -verify dob=1990-05-17,id=1", "resend -verify …"),
        ("resend --verify=dob=1990-05-17,id=079090001234 7901234567", "resend --verify=… 7901234567"),
        ("resend --VERIFY dob=1990-05-17", "resend --VERIFY …"),
        ("resend 7901234567 --verify", "resend 7901234567 --verify"),
        // Verification values typed bare, without the flag.
        ("resend 7901234567 dob=1990-01-01,id=079090001234", "resend 7901234567 …"),
        ("resend 7901234567 cccd=079090001234", "resend 7901234567 …"),
        ("note ID=079090001234", "note …"),
        // Phones and ID numbers, wherever they are.
        ("call 0912345678", "call 0912***678"),
        ("call 0901 234 567 --line 121", "call 0901***567 --line 121"),
        ("call +84 912 345 678", "call 0912***678"),
        ("call 0912.345.678", "call 0912***678"),
        ("ticket new --caller 0912345678 --line 121 Quên mật khẩu", "ticket new --caller 0912***678 --line 121 Quên mật khẩu"),
        ("search 079090001166", "search 079******166"),
        ("search 079 090 001 166", "search 079******166"),
        ("search 025123456", "search 025***456"),
        ("note khách gọi từ sdt:0987654321 hôm qua", "note khách gọi từ sdt:0987***321 hôm qua"),
        ("note 'CCCD 079090001166 bị mờ'", "note 'CCCD 079******166 bị mờ'"),
        // What stays as typed.
        ("done 'đã gửi lại mật khẩu' --category password", "done 'đã gửi lại mật khẩu' --category password"),
        ("show 7901234567", "show 7901234567"),
        ("show 2712345678", "show 2712345678"),
        ("ticket show 1042", "ticket show 1042"),
        ("search 'Nguyễn Văn'", "search 'Nguyễn Văn'"),
        ("bulk resend --where status=rejected,agency=07916 --reason x", "bulk resend --where status=rejected,agency=07916 --reason x"),
        ("stats --by day --from 2025-03-01", "stats --by day --from 2025-03-01"),
        ("search --limit 5 nguyen", "search --limit 5 nguyen"),
    ])
    func sanitizes(line: String, kept: String) {
        #expect(HistoryFilter.sanitize(line) == kept)
    }

    @Test func passwordFlagsLoseTheirValue() {
        #expect(HistoryFilter.sanitize("x --password hunter2") == "x --password …")
        #expect(HistoryFilter.sanitize("x password=hunter2") == "x …")
    }

    @Test func unterminatedQuoteIsStillFiltered() {
        let safe = HistoryFilter.sanitize("resend 7901234567 --verfy 'dob=1990-05-17,id=079090001234")
        #expect(!safe.contains("1990") && !safe.contains("079090001234"))
        #expect(!HistoryFilter.sanitize("note 'gọi 0912345678").contains("0912345678"))
    }

    @Test func aServerPasswordNeverReachesTheHistory() {
        for line in ["migrate --to postgresql://hoa:Secr3tPw@db.q6/vssdesk",
                     "migrate --to 'postgres://hoa:Secr3tPw@db1,db2/vssdesk?target_session_attrs=read-write'",
                     "migrate --to=postgresql://hoa:Secr3tPw@db.q6/vssdesk"] {
            let kept = HistoryFilter.sanitize(line)
            #expect(!kept.contains("Secr3tPw") && kept.contains("hoa:***@"), "\(kept)")
        }
        #expect(!HistoryFilter.sanitize("migrate --to postgresql:///vssdesk?host=/run/pg").contains("***"))
    }
}
