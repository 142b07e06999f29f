import Foundation

/// Rules about where the dossier is in its life: PENDING_TOO_LONG, REJECTED, SMS_FAILED, NEVER_LOGGED_IN.
enum ProgressRules {
    /// Still `submitted` after the review deadline. The deadline is the date `c.reviewWorkingDays` working days after
    /// the desk date of `submitted_at` (weekends and `c.holidays` do not count, the submission day never counts);
    /// the rule fires from the day after the deadline. Without a submission time there is nothing to measure.
    static func pendingTooLong(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.status == .submitted, let at = r.submittedAt.flatMap(DateText.parseInstant),
              let today = RuleSupport.today(c) else { return nil }
        let calendar = OfficeCalendar(holidays: c.holidays)
        let submitted = DateText.deskDate(at)
        let deadline = calendar.addWorkingDays(c.reviewWorkingDays, to: submitted)
        guard today > deadline else { return nil }
        let late = calendar.workingDays(after: deadline, through: today)
        return Diagnosis.finding(
            "PENDING_TOO_LONG", .warning,
            DeskMessage(late > 0 ? FindingText.pendingLate : FindingText.pending,
                        ["submitted": .date(submitted), "days": .int(c.reviewWorkingDays), "deadline": .date(deadline), "late": .int(late)]),
            DeskMessage(FindingText.pendingAction, ["agency": .message(AgencyNames.label(c.deskAgency))]))
    }

    /// Status `rejected`: the reason as recorded and what to correct, guessed from the reason's words.
    static func rejected(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.status == .rejected else { return nil }
        let reason = (r.rejectReason ?? "").nfcCollapsed
        let fixes = corrections(for: reason, desk: c.deskAgency)
        let topics = Reason(reason)
        let reasonText = reason.isEmpty ? DeskMessage(FindingText.rejectedNoReason)
            : DeskMessage(FindingText.rejectedReason, ["reason": .text(reason)])
        let fixText = fixes.isEmpty ? DeskMessage(FindingText.rejectedFixAny)
            : DeskMessage(FindingText.rejectedFixes, ["fixes": .list(fixes, .semicolon)])
        return Diagnosis.finding(
            "REJECTED", .error,
            DeskMessage(FindingText.rejected, ["reason": .message(reasonText), "fix": .message(fixText)]),
            reason.isEmpty ? DeskMessage(FindingText.rejectedAskWhy) : DeskMessage(FindingText.rejectedGuide, ["fix": .message(fixText)]),
            kb: rejectionArticle(topics))
    }

    /// The KB article for a rejection: the first topic of the reason in this order (a blurred ID photo is about the
    /// photo, so photos come before the ID number); none recognised, or no reason: verifying at the agency.
    static let rejectionArticles: [(topic: Reason.Topic, article: String)] = [
        (.photo, "cap-nhat-anh"), (.idNumber, "cap-nhat-cccd"), (.name, "dang-ky-tai-khoan"), (.dob, "dang-ky-tai-khoan"),
        (.phone, "doi-sdt-email"), (.agency, "chon-co-quan"), (.verification, "xac-minh-tai-co-quan"),
    ]

    static func rejectionArticle(_ reason: Reason) -> String {
        rejectionArticles.first { reason.topics.contains($0.topic) }?.article ?? "xac-minh-tai-co-quan"
    }

    /// What a reviewer's rejection reason is about, from the words reviewers typically write (matched folded, so
    /// "ảnh" and "anh" alike).
    struct Reason {
        enum Topic { case name, dob, idNumber, phone, photo, agency, verification }
        let topics: Set<Topic>

        init(_ reason: String) {
            let words = " " + Folding.fold(reason) + " "
            func has(_ keys: [String]) -> Bool { keys.contains { words.contains(" \($0) ") } }
            var t: Set<Topic> = []
            if has(["ho ten", "ten", "dau"]) { t.insert(.name) }
            if has(["ngay sinh", "nam sinh"]) { t.insert(.dob) }
            let photo = has(["anh", "hinh", "chan dung", "mat truoc", "mat sau", "khai sinh"])
            if photo { t.insert(.photo) }
            // "Ảnh CCCD bị lóa" is about the photo, not the number; "số CCCD" always is about the number.
            if has(["so cccd", "so cmnd", "so can cuoc", "so giay to", "so dinh danh", "so ho chieu"])
                || !photo && has(["cccd", "cmnd", "can cuoc", "ho chieu", "giay to", "dinh danh"]) { t.insert(.idNumber) }
            if has(["dien thoai", "sdt", "so dt", "thue bao"]) { t.insert(.phone) }
            if has(["co quan", "noi tiep nhan", "noi nhan"]) { t.insert(.agency) }
            if has(["xac minh", "doi chieu", "truc tiep"]) { t.insert(.verification) }
            topics = t
        }
    }

    /// `approved` or `credentials_sent`, and the credentials SMS failed: resend after verifying the caller.
    static func smsFailed(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.status == .approved || r.status == .credentialsSent, r.smsStatus == .failed else { return nil }
        let to = Phone(ContactRules.smsPhone(s)).normalized
        return Diagnosis.finding(
            "SMS_FAILED", .error,
            DeskMessage(to.isEmpty ? FindingText.smsFailed : FindingText.smsFailedTo,
                        ["phone": .text(RuleSupport.mask(to)), "verify": RuleSupport.verifyHint(r)]),
            RuleSupport.resendAction(r))
    }

    /// Credentials were sent (status `credentials_sent`, or `credentials_sent_at` set on a registration that is not
    /// `active`) more than `c.neverLoggedInDays` whole days ago, and there has never been a login. The time sent is
    /// `credentials_sent_at`, or the last status change for a `credentials_sent` row without one.
    static func neverLoggedIn(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        let sentStamp = r.credentialsSentAt ?? (r.status == .credentialsSent ? r.statusChangedAt : nil)
        guard r.status == .credentialsSent || (r.credentialsSentAt != nil && r.status != .active),
              (r.lastLoginAt ?? "").trimmingCharacters(in: .whitespaces).isEmpty,
              let sent = sentStamp.flatMap(DateText.parseInstant), let now = RuleSupport.now(c) else { return nil }
        let elapsed = now.timeIntervalSince(sent)
        guard elapsed > TimeInterval(c.neverLoggedInDays * 86400) else { return nil }
        let days = Int(elapsed / 86400)
        return Diagnosis.finding(
            "NEVER_LOGGED_IN", .warning,
            DeskMessage(FindingText.neverLoggedIn, ["sent": .date(DateText.deskDate(sent)), "days": .int(days),
                                                    "verify": RuleSupport.verifyHint(r)]),
            RuleSupport.resendAction(r))
    }

    /// What to correct for each topic of a rejection's reason; order follows the registration form.
    private static func corrections(for reason: String, desk: String) -> [DeskMessage] {
        let t = Reason(reason).topics
        var fixes: [DeskMessage] = []
        if t.contains(.name) { fixes.append(DeskMessage(FindingText.fixName)) }
        if t.contains(.dob) { fixes.append(DeskMessage(FindingText.fixDOB)) }
        if t.contains(.idNumber) { fixes.append(DeskMessage(FindingText.fixID)) }
        if t.contains(.phone) { fixes.append(DeskMessage(FindingText.fixPhone)) }
        if t.contains(.photo) { fixes.append(DeskMessage(FindingText.fixPhoto)) }
        if t.contains(.agency) { fixes.append(DeskMessage(FindingText.fixAgency, ["agency": .message(AgencyNames.choice(desk))])) }
        if t.contains(.verification) { fixes.append(DeskMessage(FindingText.fixVerify, ["agency": .message(AgencyNames.label(desk))])) }
        return fixes
    }
}
