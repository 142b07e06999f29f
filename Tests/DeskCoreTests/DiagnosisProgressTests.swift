import Foundation
import Testing
@testable import DeskCore

/// Still submitted at `submittedAt`, diagnosed on `today` (2025-03-03 is a Monday).
private func pending(_ submittedAt: String?, today: String, holidays: Set<String> = [], days: Int = 3) -> RuleCase.Edit {
    { s, c in
        s.registration.status = .submitted
        s.registration.submittedAt = submittedAt
        c.today = today
        c.now = today + "T10:00:00Z"
        c.holidays = holidays
        c.reviewWorkingDays = days
    }
}

/// Credentials sent at `sentAt`, never logged in; now is 2025-03-12T03:00:00Z.
private func sent(_ sentAt: String?, status: Registration.Status = .credentialsSent) -> RuleCase.Edit {
    { s, _ in
        s.registration.status = status
        s.registration.credentialsSentAt = sentAt
        s.registration.lastLoginAt = nil
    }
}

private let resendAdult = "resend 7912345678 --verify dob=YYYY-MM-DD,id=…"

/// PENDING_TOO_LONG, REJECTED, SMS_FAILED, NEVER_LOGGED_IN.
let progressRuleCases: [RuleCase] = [
    RuleCase("PENDING_TOO_LONG", "Monday + 3 working days: due Thursday, late on Friday", fires: true,
             severity: .warning, says: ["03/03/2025", "06/03/2025", "3 ngày làm việc", "trễ 1 ngày"],
             action: ["BHXH Quận 6", "xac-minh-tai-co-quan"],
             pending("2025-03-03T02:00:00Z", today: "2025-03-07")),
    RuleCase("PENDING_TOO_LONG", "Monday submission on its deadline Thursday", fires: false,
             pending("2025-03-03T02:00:00Z", today: "2025-03-06")),
    RuleCase("PENDING_TOO_LONG", "Friday submission: due Wednesday across the weekend", fires: false,
             pending("2025-03-07T08:00:00Z", today: "2025-03-12")),
    RuleCase("PENDING_TOO_LONG", "Friday submission, Thursday after", fires: true, says: ["12/03/2025"],
             pending("2025-03-07T08:00:00Z", today: "2025-03-13")),
    RuleCase("PENDING_TOO_LONG", "Saturday submission counts from Monday: due Wednesday", fires: false,
             pending("2025-03-08T03:00:00Z", today: "2025-03-12")),
    RuleCase("PENDING_TOO_LONG", "Saturday submission, Thursday after", fires: true, says: ["08/03/2025", "12/03/2025"],
             pending("2025-03-08T03:00:00Z", today: "2025-03-13")),
    RuleCase("PENDING_TOO_LONG", "deadline Friday, diagnosed Saturday: late by no working day yet", fires: true,
             says: ["14/03/2025"], saysNot: ["trễ"], pending("2025-03-11T02:00:00Z", today: "2025-03-15")),
    RuleCase("PENDING_TOO_LONG", "Thursday submission seen on the weekend before its Tuesday deadline", fires: false,
             pending("2025-03-06T02:00:00Z", today: "2025-03-08")),
    RuleCase("PENDING_TOO_LONG", "submitted_at late Sunday UTC is Monday at the desk", fires: false,
             pending("2025-03-02T18:00:00Z", today: "2025-03-06")),
    RuleCase("PENDING_TOO_LONG", "desk-date submission, one day later", fires: true, says: ["03/03/2025"],
             pending("2025-03-02T18:00:00Z", today: "2025-03-07")),
    RuleCase("PENDING_TOO_LONG", "30/4 and 1/5 are holidays: due Monday 5/5", fires: false,
             pending("2025-04-28T02:00:00Z", today: "2025-05-05", holidays: ["2025-04-30", "2025-05-01"])),
    RuleCase("PENDING_TOO_LONG", "after the holiday-extended deadline", fires: true, says: ["05/05/2025"],
             pending("2025-04-28T02:00:00Z", today: "2025-05-06",
                        holidays: Set(OfficeCalendar.vietnamFixedHolidays(year: 2025)))),
    RuleCase("PENDING_TOO_LONG", "the same dates without a holiday list", fires: true, says: ["01/05/2025"],
             pending("2025-04-28T02:00:00Z", today: "2025-05-02")),
    RuleCase("PENDING_TOO_LONG", "5 working days configured", fires: false,
             pending("2025-03-03T02:00:00Z", today: "2025-03-10", days: 5)),
    RuleCase("PENDING_TOO_LONG", "5 working days configured, one day late", fires: true, says: ["5 ngày làm việc"],
             pending("2025-03-03T02:00:00Z", today: "2025-03-11", days: 5)),
    RuleCase("PENDING_TOO_LONG", "no submission time", fires: false, pending(nil, today: "2025-03-20")),
    RuleCase("PENDING_TOO_LONG", "unreadable submission time", fires: false, pending("soon", today: "2025-03-20")),
    RuleCase("PENDING_TOO_LONG", "approved long ago is not pending", fires: false) { s, _ in
        s.registration.status = .approved
    },
    RuleCase("PENDING_TOO_LONG", "child dossier waiting", fires: true, child: true) { _, c in c.today = "2025-03-20" },

    RuleCase("REJECTED", "blurred portrait", fires: true, severity: .error,
             says: ["từ chối", "“Ảnh chân dung bị mờ”", "chụp lại"], action: ["chụp lại"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Ảnh chân dung bị mờ"
    },
    RuleCase("REJECTED", "phone used by another account", fires: true,
             says: ["Số điện thoại đã được sử dụng", "số di động"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Số điện thoại đã được sử dụng cho tài khoản khác"
    },
    RuleCase("REJECTED", "name without diacritics, typed without diacritics", fires: true,
             says: ["họ tên đầy đủ, có dấu"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Sai ho ten"
    },
    RuleCase("REJECTED", "CCCD and agency", fires: true, says: ["số CCCD", "[07916] BHXH Quận 6"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Số CCCD không đúng, chọn sai cơ quan"
    },
    RuleCase("REJECTED", "a blurred CCCD photo, reason in NFD: the photo, not the number", fires: true,
             says: ["chụp lại"], saysNot: ["khai đúng số CCCD"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Ảnh CCCD mặt sau bị lóa".decomposedStringWithCanonicalMapping
    },
    RuleCase("REJECTED", "no reason recorded", fires: true, says: ["không ghi lý do"], action: ["lý do"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = nil
    },
    RuleCase("REJECTED", "an unfamiliar reason", fires: true, says: ["“Hồ sơ trùng”", "sửa đúng nội dung"]) { s, _ in
        s.registration.status = .rejected
        s.registration.rejectReason = "Hồ sơ trùng"
    },
    RuleCase("REJECTED", "resubmitted: an old reason no longer counts", fires: false) { s, _ in
        s.registration.status = .submitted
        s.registration.rejectReason = "Ảnh chân dung bị mờ"
    },
    RuleCase("REJECTED", "active account", fires: false) { _, _ in },

    RuleCase("SMS_FAILED", "approved, SMS failed", fires: true, severity: .error, says: ["0901***567", "xác minh"],
             action: [resendAdult]) { s, _ in
        s.registration.status = .approved
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "credentials sent, SMS failed", fires: true, action: [resendAdult]) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "child: resend to the parent", fires: true, child: true, says: ["cha/mẹ"],
             action: ["resend 7923456789 --verify"]) { s, _ in
        s.registration.status = .approved
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "active: they logged in after all", fires: false) { s, _ in
        s.registration.status = .active
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "still submitted", fires: false) { s, _ in
        s.registration.status = .submitted
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "rejected", fires: false) { s, _ in
        s.registration.status = .rejected
        s.registration.smsStatus = .failed
    },
    RuleCase("SMS_FAILED", "approved, SMS queued", fires: false) { s, _ in
        s.registration.status = .approved
        s.registration.smsStatus = .queued
    },
    RuleCase("SMS_FAILED", "credentials sent, SMS sent", fires: false) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.smsStatus = .sent
    },

    RuleCase("NEVER_LOGGED_IN", "sent 8 days ago", fires: true, severity: .warning, says: ["04/03/2025", "8 ngày"],
             action: [resendAdult], sent("2025-03-04T02:00:00Z")),
    RuleCase("NEVER_LOGGED_IN", "exactly 7 days ago is not more than 7", fires: false, sent("2025-03-05T03:00:00Z")),
    RuleCase("NEVER_LOGGED_IN", "7 days and a second ago", fires: true, sent("2025-03-05T02:59:59Z")),
    RuleCase("NEVER_LOGGED_IN", "sent 2 days ago", fires: false, sent("2025-03-10T02:00:00Z")),
    RuleCase("NEVER_LOGGED_IN", "approved with credentials_sent_at set", fires: true,
             sent("2025-03-01T02:00:00Z", status: .approved)),
    RuleCase("NEVER_LOGGED_IN", "approved, nothing sent", fires: false, sent(nil, status: .approved)),
    RuleCase("NEVER_LOGGED_IN", "active accounts are in use", fires: false, sent("2025-01-01T02:00:00Z", status: .active)),
    RuleCase("NEVER_LOGGED_IN", "credentials_sent without a time: status change time counts", fires: true) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.credentialsSentAt = nil
        s.registration.statusChangedAt = "2025-03-01T02:00:00Z"
        s.registration.lastLoginAt = nil
    },
    RuleCase("NEVER_LOGGED_IN", "credentials_sent with no time at all", fires: false) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.credentialsSentAt = nil
        s.registration.statusChangedAt = nil
        s.registration.lastLoginAt = nil
    },
    RuleCase("NEVER_LOGGED_IN", "logged in once", fires: false) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.credentialsSentAt = "2025-01-01T02:00:00Z"
    },
    RuleCase("NEVER_LOGGED_IN", "empty last_login_at means never", fires: true) { s, _ in
        s.registration.status = .credentialsSent
        s.registration.lastLoginAt = ""
    },
    RuleCase("NEVER_LOGGED_IN", "30 days configured", fires: false) { s, c in
        s.registration.status = .credentialsSent
        s.registration.credentialsSentAt = "2025-03-01T02:00:00Z"
        s.registration.lastLoginAt = nil
        c.neverLoggedInDays = 30
    },
    RuleCase("NEVER_LOGGED_IN", "child: the parent got the SMS", fires: true, child: true, says: ["cha/mẹ"],
             sent("2025-02-01T02:00:00Z")),
]

extension DiagnosisTests {
    @Test("progress rules", arguments: progressRuleCases)
    func progressRules(_ c: RuleCase) { c.check() }
}
