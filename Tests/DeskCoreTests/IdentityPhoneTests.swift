import Foundation
import Testing
@testable import DeskCore

@Suite("Identity: phone normalisation")
struct IdentityPhoneNormalisationTests {
    @Test(arguments: [
        "0901234567",
        "+84 90 123 4567",
        "+84901234567",
        "84901234567",
        "84 90 123 4567",
        "0084 90 123 4567",
        "+84 (0) 90 123 4567",
        "84 0901234567",
        "0901.234.567",
        "090-123-4567",
        "(090) 123 4567",
        "(+84) 90-123-4567",
        " 0901 234 567\n",
        "090\u{00A0}123\u{00A0}4567",
        "090\t123\t4567",
        "901234567",  // a spreadsheet dropped the leading 0
    ])
    func spellingsOfOneMobileNumber(raw: String) {
        let p = Phone(raw)
        #expect(p.input == raw)
        #expect(p.normalized == "0901234567")
        #expect(p.kind == .mobile)
        #expect(p.isMobile)
        #expect(p.suggestedNew == nil)
        #expect(p.carrier == "MobiFone")
    }

    @Test(arguments: [
        ("028 3854 3385", "02838543385"),
        ("(028) 3854 3385", "02838543385"),
        ("+84 28 3854 3385", "02838543385"),
        ("84 28 3854 3385", "02838543385"),
        ("2838543385", "02838543385"),
        ("024 3789 9999", "02437899999"),
        ("0203.3825.123", "02033825123"),
    ])
    func landline(raw: String, normalized: String) {
        let p = Phone(raw)
        #expect(p.kind == .landline)
        #expect(p.normalized == normalized)
        #expect(!p.isMobile)
        #expect(p.carrier == nil)
        #expect(p.suggestedNew == nil)
    }

    @Test(arguments: [
        ("", ""),
        ("abc", "abc"),
        ("0901234567a", "0901234567a"),
        ("12345", "12345"),
        ("1901234567", "1901234567"),  // 10 digits without the leading 0 are not a national number
        ("1900 25 25 10", "1900252510"),  // a premium hotline stays as written
        ("1900 9068", "19009068"),
        ("+1 415 555 1234", "14155551234"),
        ("+65 9123 4567", "6591234567"),
        ("090123456", "090123456"),  // 9 digits with the 0: one short
        ("09012345678", "09012345678"),  // one too many
        ("0283854338", "0283854338"),  // a landline one short
        ("028385433851", "028385433851"),
        ("0101234567", "0101234567"),
        ("0601234567", "0601234567"),
    ])
    func invalid(raw: String, normalized: String) {
        let p = Phone(raw)
        #expect(p.kind == .invalid)
        #expect(p.normalized == normalized)
        #expect(p.carrier == nil)
        #expect(p.suggestedNew == nil)
        #expect(!p.isMobile)
    }

    @Test(arguments: [
        ("01621234567", "0321234567", "Viettel"),
        ("0162 123 4567", "0321234567", "Viettel"),
        ("+84 162 123 4567", "0321234567", "Viettel"),
        ("1621234567", "0321234567", "Viettel"),
        ("01201234567", "0701234567", "MobiFone"),
        ("01211234567", "0791234567", "MobiFone"),
        ("01231234567", "0831234567", "VinaPhone"),
        ("01861234567", "0561234567", "Vietnamobile"),
        ("01991234567", "0591234567", "Gmobile"),
    ])
    func oldElevenDigitMobile(raw: String, new: String, carrier: String) {
        let p = Phone(raw)
        #expect(p.kind == .oldMobile)
        #expect(p.suggestedNew == new)
        #expect(p.carrier == carrier)
        #expect(Phone(new).kind == .mobile)
    }
}

@Suite("Identity: libphonenumber mobile ranges")
struct IdentityPhoneRangeTests {
    /// SPEC §3, anchored, with the leading 0.
    static let specRegex = try! NSRegularExpression(
        pattern: #"^0(?:(?:3\d|7[06-9])\d{7}|5(?:[1689]\d|2[238]|59)\d{6}|8(?:[1-8]\d|9[6-9])\d{6}|9(?:[0-8]\d|9[013-9])\d{6})$"#)

    static func specSaysMobile(_ s: String) -> Bool {
        specRegex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Boundary numbers just inside and just outside each range.
    @Test(arguments: [
        // 3\d: the whole 03x block
        ("0301234567", true), ("0311234567", true), ("0321234567", true), ("0391234567", true),
        // 7[06-9]
        ("0701234567", true), ("0711234567", false), ("0721234567", false), ("0731234567", false),
        ("0741234567", false), ("0751234567", false), ("0761234567", true), ("0771234567", true),
        ("0781234567", true), ("0791234567", true),
        // 5[1689]\d
        ("0501234567", false), ("0511234567", true), ("0531234567", false), ("0541234567", false),
        ("0561234567", true), ("0571234567", false), ("0581234567", true), ("0591234567", true),
        // 52[238]: 052x only for 2, 3, 8
        ("0520123456", false), ("0521123456", false), ("0522123456", true), ("0523123456", true),
        ("0524123456", false), ("0525123456", false), ("0526123456", false), ("0527123456", false),
        ("0528123456", true), ("0529123456", false),
        // 559: 055 only 0559
        ("0550123456", false), ("0551123456", false), ("0558123456", false), ("0559123456", true),
        // 8[1-8]\d
        ("0801234567", false), ("0811234567", true), ("0851234567", true), ("0861234567", true),
        ("0871234567", true), ("0881234567", true),
        // 89[6-9]: 089 only 896–899
        ("0890123456", false), ("0893123456", false), ("0895123456", false), ("0896123456", true),
        ("0897123456", true), ("0898123456", true), ("0899123456", true),
        // 9[0-8]\d
        ("0901234567", true), ("0921234567", true), ("0951234567", true), ("0981234567", true),
        // 99[013-9]: 099 but not 0992
        ("0990123456", true), ("0991123456", true), ("0992123456", false), ("0993123456", true),
        ("0999123456", true),
        // outside every range
        ("0001234567", false), ("0101234567", false), ("0201234567", false), ("0401234567", false),
        ("0601234567", false),
        // extreme subscriber digits
        ("0300000000", true), ("0399999999", true), ("0559000000", true), ("0559999999", true),
        ("0896000000", true), ("0999999999", true),
    ])
    func boundary(number: String, mobile: Bool) {
        #expect(Self.specSaysMobile(number) == mobile, "the test table disagrees with the SPEC regex")
        #expect((Phone(number).kind == .mobile) == mobile)
        #expect(Phone.isMobileSubscriber(number.dropFirst()) == mobile)
    }

    /// Every 4-digit opening `0abc` with several tails agrees with the SPEC regex.
    @Test func allOpeningsAgreeWithTheSpecRegex() {
        var mobileOpenings = 0
        for n in 0..<1000 {
            let opening = "0" + String(format: "%03d", n)
            for tail in ["000000", "123456", "999999"] {
                let number = opening + tail
                let expected = Self.specSaysMobile(number)
                #expect((Phone(number).kind == .mobile) == expected, "\(number)")
                if expected && tail == "000000" { mobileOpenings += 1 }
            }
        }
        // 03x 100 + 07x 50 + 05x (40 + 3 + 1) + 08x (80 + 4) + 09x (90 + 9)
        #expect(mobileOpenings == 100 + 50 + 44 + 84 + 99)
    }

    @Test(arguments: [
        ("0321234567", "Viettel"), ("0391234567", "Viettel"), ("0861234567", "Viettel"), ("0961234567", "Viettel"),
        ("0971234567", "Viettel"), ("0981234567", "Viettel"),
        ("0701234567", "MobiFone"), ("0761234567", "MobiFone"), ("0791234567", "MobiFone"), ("0896123456", "MobiFone"),
        ("0901234567", "MobiFone"), ("0931234567", "MobiFone"),
        ("0811234567", "VinaPhone"), ("0851234567", "VinaPhone"), ("0881234567", "VinaPhone"),
        ("0911234567", "VinaPhone"), ("0941234567", "VinaPhone"),
        ("0522123456", "Vietnamobile"), ("0561234567", "Vietnamobile"), ("0581234567", "Vietnamobile"),
        ("0921234567", "Vietnamobile"),
        ("0591234567", "Gmobile"), ("0991123456", "Gmobile"),
        ("0871234567", "iTel"),
        ("0559123456", "Wintel"),
    ])
    func carrier(number: String, carrier: String) {
        #expect(Phone(number).kind == .mobile)
        #expect(Phone(number).carrier == carrier)
    }

    @Test(arguments: [
        "0301234567", "0511234567", "0951234567",  // valid ranges with no operator listed
        "0551234567", "0891234567", "0992123456",  // invalid numbers inside an operator's 2-digit block
        "02838543385",  // landline
    ])
    func noCarrier(number: String) {
        #expect(Phone(number).carrier == nil)
    }
}

@Suite("Identity: phone masking and detection")
struct IdentityPhoneMaskTests {
    @Test(arguments: [
        ("0901234567", "0901***567"),
        ("02838543385", "0283***385"),
        ("12345678", "1234***678"),
        ("1234567", "*******"),
        ("123", "***"),
        ("", ""),
    ])
    func mask(phone: String, masked: String) {
        #expect(Masking.phone(phone) == masked)
    }

    @Test(arguments: [
        "0901234567", "+84 90 123 4567", "84901234567", "(090) 123 4567", "090-123-4567", "0901.234.567",
        " 0901234567 ", "028 3854 3385", "01621234567", "+84 162 123 4567",
    ])
    func looksLikePhone(raw: String) {
        #expect(Phone.looksLikePhone(raw))
    }

    @Test(arguments: [
        "", "Nguyễn", "nguyen van a", "12345", "1901234567", "0992123456", "abc0901234567", "HS4797912345678",
        "0283854338",
    ])
    func doesNotLookLikePhone(raw: String) {
        #expect(!Phone.looksLikePhone(raw))
    }
}

/// One mask for lists, findings and messages (SPEC §10).
struct MaskingTests {
    @Test(arguments: [
        ("079090123456", "079******456"), ("025123456", "025***456"), ("B1234567", "B12**567"), ("123456", "******"), ("", ""),
    ])
    func id(value: String, masked: String) {
        #expect(Masking.id(value) == masked)
    }

    @Test(arguments: [
        ("079091123456", "079090123456", "079**1***456"),
        ("079090213456", "079090123456", "079***21*456"),
        ("079090654321", "079090123456", "079***654321"),  // at most 3 hidden differences shown
        ("079090123456", "079090123456", "079******456"),
        ("025123456", "079090123456", "025***456"),  // different lengths: the plain mask
    ])
    func idDifferingFrom(value: String, other: String, masked: String) {
        #expect(Masking.id(value, differingFrom: other) == masked)
    }

    @Test(arguments: [("0901234567", "0901***567"), ("02838543385", "0283***385"), ("079090123456", "079******456"),
                      ("025123456", "025***456")])
    func number(value: String, masked: String) {
        #expect(Masking.number(value) == masked)
    }

    @Test func revealPutsBackTheOnlyValueAMaskFits() {
        let values = ["079090123456", "079091123456", "0901234567"]
        #expect(Masking.reveal("khai (079**1***456) khác (079**0***456), số 0901***567.", from: values)
                == "khai (079091123456) khác (079090123456), số 0901234567.")
        // Two values fit the plain mask: it stays masked rather than guess.
        #expect(Masking.reveal("CCCD 079******456", from: values) == "CCCD 079******456")
        #expect(Masking.reveal("không có số", from: values) == "không có số")
    }
}
