import Foundation
import Testing
@testable import DeskCore

/// PHONE_INVALID and PHONE_SHARED.
let contactRuleCases: [RuleCase] = [
    RuleCase("PHONE_INVALID", "a landline (the hotline's own number)", fires: true, severity: .error,
             says: ["máy bàn", "SMS"]) { s, _ in s.registration.phone = "028 3854 3385" },
    RuleCase("PHONE_INVALID", "old 11-digit Viettel number", fires: true, severity: .error,
             says: ["11 chữ số", "0168", "038", "0381***567"], action: ["0381***567"]) { s, _ in
        s.registration.phone = "01681234567"
    },
    RuleCase("PHONE_INVALID", "old 11-digit VinaPhone number with +84", fires: true, says: ["0123", "083"]) { s, _ in
        s.registration.phone = "+84 123 456 7890"
    },
    RuleCase("PHONE_INVALID", "outside the mobile ranges", fires: true, says: ["không phải số di động"]) { s, _ in
        s.registration.phone = "0111234567"
    },
    RuleCase("PHONE_INVALID", "too short", fires: true) { s, _ in s.registration.phone = "090123" },
    RuleCase("PHONE_INVALID", "letters", fires: true) { s, _ in s.registration.phone = "không có" },
    RuleCase("PHONE_INVALID", "no phone", fires: true, says: ["Chưa khai"]) { s, _ in s.registration.phone = nil },
    RuleCase("PHONE_INVALID", "+84 spelling of a mobile", fires: false) { s, _ in
        s.registration.phone = "+84 90 123 4567"
    },
    RuleCase("PHONE_INVALID", "84 prefix without plus", fires: false) { s, _ in s.registration.phone = "84901234567" },
    RuleCase("PHONE_INVALID", "dots and dashes", fires: false) { s, _ in s.registration.phone = "090.123-4567" },
    RuleCase("PHONE_INVALID", "Gmobile 099", fires: false) { s, _ in s.registration.phone = "0991234567" },
    RuleCase("PHONE_INVALID", "child carrying the parent's landline", fires: true, child: true,
             says: ["cha/mẹ", "máy bàn"]) { s, _ in s.registration.phone = "02838543392" },
    RuleCase("PHONE_INVALID", "child without a phone: the parent's counts", fires: false, child: true) { s, _ in
        s.registration.phone = nil
    },
    RuleCase("PHONE_INVALID", "child without a phone whose parent's is invalid", fires: true, child: true) { s, _ in
        s.registration.phone = ""
        s.parent?.phone = "0281234567"
    },
    RuleCase("PHONE_INVALID", "child without a phone and no parent registration", fires: true, child: true,
             says: ["cha/mẹ"]) { s, _ in
        s.registration.phone = nil
        s.parent = nil
    },

    RuleCase("PHONE_SHARED", "another self registration has the phone", fires: true, severity: .error,
             says: ["0901***567", "7911111111", "một tài khoản"], action: ["doi-sdt-email"]) { s, _ in
        s.sharedPhoneCodes = ["7911111111"]
    },
    RuleCase("PHONE_SHARED", "two others, listed once each", fires: true,
             says: ["2 tài khoản", "7911111111, 7922222222"]) { s, _ in
        s.sharedPhoneCodes = ["7911111111", "7922222222", "7911111111"]
    },
    RuleCase("PHONE_SHARED", "nobody else", fires: false) { s, _ in s.sharedPhoneCodes = [] },
    RuleCase("PHONE_SHARED", "only the registration's parent", fires: false) { s, _ in
        s.registration.parentBhxhCode = "7900000001"
        s.sharedPhoneCodes = ["7900000001"]
    },
    RuleCase("PHONE_SHARED", "the parent and a stranger: the stranger counts", fires: true,
             says: ["7911111111"], saysNot: ["7900000001"]) { s, _ in
        s.registration.parentBhxhCode = "7900000001"
        s.sharedPhoneCodes = ["7900000001", "7911111111"]
    },
    RuleCase("PHONE_SHARED", "its own code only", fires: false) { s, _ in s.sharedPhoneCodes = [Fixture.adultCode] },
    RuleCase("PHONE_SHARED", "child registrations never fire", fires: false, child: true) { s, _ in
        s.sharedPhoneCodes = ["7911111111", "7922222222"]
    },
]

/// PHOTO_MISSING, WRONG_AGENCY, DECLARATION_NOT_FORWARDED.
let dossierRuleCases: [RuleCase] = [
    RuleCase("PHOTO_MISSING", "portrait missing", fires: true, severity: .error, says: ["ảnh chân dung"],
             saysNot: ["mặt trước", "mặt sau"], action: ["ảnh chân dung"]) { s, _ in
        s.registration.photoPortrait = false
    },
    RuleCase("PHOTO_MISSING", "CCCD matches the registry: ID photos not needed", fires: false) { s, _ in
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CCCD matching with separators still counts", fires: false) { s, _ in
        s.registration.idNumber = "079-090-123-456"
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CCCD matches but the portrait is missing", fires: true, says: ["ảnh chân dung"],
             saysNot: ["mặt trước", "mặt sau"]) { s, _ in
        s.registration.photoPortrait = false
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CCCD differs from the registry: both ID photos needed", fires: true,
             says: ["ảnh mặt trước CCCD", "ảnh mặt sau CCCD"], saysNot: ["chân dung"]) { s, _ in
        s.registration.idNumber = "079090654321"
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "no registry row: ID photos needed", fires: true,
             says: ["ảnh mặt trước CCCD", "ảnh mặt sau CCCD"]) { s, _ in
        s.insured = nil
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CMND: back photo missing", fires: true, says: ["ảnh mặt sau CMND"],
             saysNot: ["mặt trước", "chân dung"]) { s, _ in
        s.registration.idNumber = "025123456"
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CMND: front photo missing", fires: true, says: ["ảnh mặt trước CMND"],
             saysNot: ["mặt sau"]) { s, _ in
        s.registration.idNumber = "025123456"
        s.registration.photoIdFront = false
    },
    RuleCase("PHOTO_MISSING", "all three missing", fires: true,
             says: ["ảnh chân dung, ảnh mặt trước CMND, ảnh mặt sau CMND"]) { s, _ in
        s.registration.idNumber = "025123456"
        s.registration.photoPortrait = false
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },
    RuleCase("PHOTO_MISSING", "CMND with all photos", fires: false) { s, _ in s.registration.idNumber = "025123456" },
    RuleCase("PHOTO_MISSING", "child: birth certificate missing", fires: true, child: true,
             says: ["ảnh giấy khai sinh"], saysNot: ["chân dung", "CCCD"]) { s, _ in
        s.registration.photoBirthCert = false
    },
    RuleCase("PHOTO_MISSING", "child needs no portrait or ID photos", fires: false, child: true) { s, _ in
        s.registration.photoPortrait = false
        s.registration.photoIdFront = false
        s.registration.photoIdBack = false
    },

    RuleCase("WRONG_AGENCY", "another district of HCMC", fires: true, severity: .error,
             says: ["07901", "[079] BHXH TP. Hồ Chí Minh → [07916] BHXH Quận 6"],
             action: ["[079] BHXH TP. Hồ Chí Minh → [07916] BHXH Quận 6"]) { s, _ in
        s.registration.agencyCode = "07901"
    },
    RuleCase("WRONG_AGENCY", "only the province agency chosen", fires: true, says: ["[07916] BHXH Quận 6"]) { s, _ in
        s.registration.agencyCode = "079"
    },
    RuleCase("WRONG_AGENCY", "no agency", fires: true, says: ["Chưa chọn"]) { s, _ in s.registration.agencyCode = nil },
    RuleCase("WRONG_AGENCY", "not an agency code", fires: true, says: ["99999", "không hợp lệ"]) { s, _ in
        s.registration.agencyCode = "99999"
    },
    RuleCase("WRONG_AGENCY", "four digits", fires: true, says: ["không hợp lệ"]) { s, _ in
        s.registration.agencyCode = "0791"
    },
    RuleCase("WRONG_AGENCY", "bracketed desk code", fires: false) { s, _ in s.registration.agencyCode = "[07916]" },
    RuleCase("WRONG_AGENCY", "desk code with spaces", fires: false) { s, _ in s.registration.agencyCode = " 07916 " },
    RuleCase("WRONG_AGENCY", "a desk configured for another district", fires: false) { s, c in
        s.registration.agencyCode = "07901"
        c.deskAgency = "07901"
    },
    RuleCase("WRONG_AGENCY", "Quận 6 chosen at a desk configured elsewhere", fires: true, says: ["[07901]"]) { _, c in
        c.deskAgency = "07901"
    },
    RuleCase("WRONG_AGENCY", "child registration sent to Hà Nội", fires: true, child: true,
             says: ["[00101]", "BHXH TP. Hà Nội"]) { s, _ in s.registration.agencyCode = "00101" },

    RuleCase("DECLARATION_NOT_FORWARDED", "student, submitted, not forwarded", fires: true, severity: .warning,
             says: ["giáo viên chủ nhiệm"], action: ["Xem tờ khai", "kb show xem-to-khai"]) { s, _ in
        s.insured?.cardNumber = "HS4797912345678"
        s.registration.status = .submitted
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "card number typed in lower case with spaces", fires: true) { s, _ in
        s.insured?.cardNumber = "hs 4 79 7912345678"
        s.registration.status = .submitted
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "already forwarded", fires: false) { s, _ in
        s.insured?.cardNumber = "HS4797912345678"
        s.registration.status = .submitted
        s.registration.declarationForwarded = true
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "already approved", fires: false) { s, _ in
        s.insured?.cardNumber = "HS4797912345678"
        s.registration.status = .approved
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "a university student (SV) is not HS", fires: false) { s, _ in
        s.insured?.cardNumber = "SV4797912345678"
        s.registration.status = .submitted
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "new card with only the 10 digits", fires: false) { s, _ in
        s.insured?.cardNumber = "7912345678"
        s.registration.status = .submitted
    },
    RuleCase("DECLARATION_NOT_FORWARDED", "no registry row", fires: false) { s, _ in
        s.insured = nil
        s.registration.status = .submitted
    },
]

extension DiagnosisTests {
    @Test("contact rules", arguments: contactRuleCases)
    func contactRules(_ c: RuleCase) { c.check() }

    @Test("dossier rules", arguments: dossierRuleCases)
    func dossierRules(_ c: RuleCase) { c.check() }
}
