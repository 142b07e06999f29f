import Foundation

/// Rules about the mobile number the credentials SMS goes to: PHONE_INVALID and PHONE_SHARED.
enum ContactRules {
    /// Not a Vietnamese mobile number. A child registration carries the parent's phone, which gets the SMS, so it
    /// is checked the same way; when a child registration has no phone of its own the parent registration's phone
    /// is the one that counts.
    static func phoneInvalid(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        let raw = smsPhone(s)
        let child = r.kind == .child
        guard !raw.isEmpty else {
            return Diagnosis.finding(
                "PHONE_INVALID", .error, DeskMessage(child ? FindingText.phoneMissingParent : FindingText.phoneMissing),
                DeskMessage(FindingText.phoneMissingAction))
        }
        let phone = Phone(raw)
        let shown = RuleSupport.mask(phone.normalized.isEmpty ? raw : phone.normalized)
        let whose: DeskMessage.Argument = .message(DeskMessage(child ? FindingText.phoneOfParent : FindingText.phoneOfCaller))
        switch phone.kind {
        case .mobile:
            return nil
        case .landline:
            return Diagnosis.finding(
                "PHONE_INVALID", .error, DeskMessage(FindingText.phoneLandline, ["whose": whose, "phone": .text(shown)]),
                DeskMessage(FindingText.phoneLandlineAction))
        case .oldMobile:
            let new = phone.suggestedNew ?? ""
            return Diagnosis.finding(
                "PHONE_INVALID", .error,
                DeskMessage(FindingText.phoneOldMobile, ["whose": whose, "phone": .text(shown), "since": .date("2018-09-15"),
                                                         "old": .text(String(phone.normalized.prefix(4))), "prefix": .text(String(new.prefix(3))),
                                                         "new": .text(RuleSupport.mask(new))]),
                DeskMessage(FindingText.phoneOldMobileAction, ["new": .text(RuleSupport.mask(new))]))
        case .invalid:
            return Diagnosis.finding(
                "PHONE_INVALID", .error, DeskMessage(FindingText.phoneNotMobile, ["whose": whose, "phone": .text(shown)]),
                DeskMessage(FindingText.phoneNotMobileAction))
        }
    }

    /// The phone is on another `self` registration (one phone per account). Only a `self` registration can have
    /// this problem: a child registration carries its parent's phone by design. The registration's own code and
    /// its parent's code never count.
    static func phoneShared(_ s: DiagnosisSnapshot, _ c: DiagnosisContext) -> Finding? {
        let r = s.registration
        guard r.kind == .selfApplicant else { return nil }
        var seen: Set<String> = [r.bhxhCode]
        if let parent = r.parentBhxhCode { seen.insert(parent) }
        let others = s.sharedPhoneCodes.filter { seen.insert($0).inserted }
        guard !others.isEmpty else { return nil }
        let phone = RuleSupport.mask(Phone(r.phone ?? "").normalized)
        let accounts = others.count == 1
            ? DeskMessage(FindingText.sharedOne, ["code": .text(others[0])])
            : DeskMessage(FindingText.sharedMany, ["n": .int(others.count), "codes": .text(others.joined(separator: ", "))])
        return Diagnosis.finding(
            "PHONE_SHARED", .error, DeskMessage(FindingText.phoneShared, ["phone": .text(phone), "accounts": .message(accounts)]),
            DeskMessage(FindingText.phoneSharedAction))
    }

    /// The number the credentials SMS goes to: the registration's own, or for a child without one, the parent's.
    static func smsPhone(_ s: DiagnosisSnapshot) -> String {
        let own = (s.registration.phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if own.isEmpty, s.registration.kind == .child {
            return (s.parent?.phone ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return own
    }
}
