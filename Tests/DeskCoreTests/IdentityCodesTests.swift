import Testing
@testable import DeskCore

@Suite("Identity: mã số BHXH")
struct IdentityBhxhCodeTests {
    @Test(arguments: [
        ("7912345678", "7912345678"),
        ("0112345678", "0112345678"),
        ("79 1234 5678", "7912345678"),
        ("79.123.456.78", "7912345678"),
        ("79-1234-5678", "7912345678"),
        ("  7912345678\n", "7912345678"),
        ("79\u{00A0}1234\u{00A0}5678", "7912345678"),
        ("79\t1234\t5678", "7912345678"),
        ("0000000000", "0000000000"),
    ])
    func valid(input: String, value: String) throws {
        let c = try #require(BhxhCode(input))
        #expect(c.value == value)
        #expect(c.description == value)
    }

    @Test(arguments: [
        "", "   ", "791234567", "79123456789", "79123A5678", "+791234567", "７９１２３４５６７８",
        "HS4797912345678", "079085123456", "abcdefghij",
    ])
    func invalid(input: String) {
        #expect(BhxhCode(input) == nil)
    }

    @Test func equalCodesFromDifferentSpellingsAreEqual() {
        #expect(BhxhCode("79 1234 5678") == BhxhCode("7912345678"))
        #expect(Set([BhxhCode("7912345678")!, BhxhCode("79-1234-5678")!]).count == 1)
    }
}

struct CardCase: Sendable, CustomTestStringConvertible {
    let input: String
    let value: String
    let object: String
    let level: Int
    let province: String
    let bhxh: String
    var testDescription: String { input }
}

@Suite("Identity: BHYT card number")
struct IdentityCardNumberTests {
    @Test(arguments: [
        CardCase(input: "HS4797912345678", value: "HS4797912345678", object: "HS", level: 4, province: "79", bhxh: "7912345678"),
        CardCase(input: "hs4797912345678", value: "HS4797912345678", object: "HS", level: 4, province: "79", bhxh: "7912345678"),
        CardCase(input: "Hs 4 79 7912345678", value: "HS4797912345678", object: "HS", level: 4, province: "79", bhxh: "7912345678"),
        CardCase(input: "HT-2-79-7912345678", value: "HT2797912345678", object: "HT", level: 2, province: "79", bhxh: "7912345678"),
        CardCase(input: "TE1010112345678", value: "TE1010112345678", object: "TE", level: 1, province: "01", bhxh: "0112345678"),
        CardCase(input: "GD5797912345678", value: "GD5797912345678", object: "GD", level: 5, province: "79", bhxh: "7912345678"),
        CardCase(input: "dn 3 01 0123456789", value: "DN3010123456789", object: "DN", level: 3, province: "01", bhxh: "0123456789"),
        CardCase(input: " CN3.96.9612345678\n", value: "CN3969612345678", object: "CN", level: 3, province: "96", bhxh: "9612345678"),
    ])
    func valid(c: CardCase) throws {
        let card = try #require(CardNumber(c.input))
        #expect(card.value == c.value)
        #expect(card.objectCode == c.object)
        #expect(card.benefitLevel == c.level)
        #expect(card.provinceCode == c.province)
        #expect(card.bhxhCode.value == c.bhxh)
        #expect(card.bhxhCode == BhxhCode(c.bhxh))
        #expect(card.value.hasSuffix(card.bhxhCode.value))
    }

    @Test(arguments: 1...5)
    func everyBenefitLevelFromOneToFive(level: Int) throws {
        let card = try #require(CardNumber("HS\(level)797912345678"))
        #expect(card.benefitLevel == level)
    }

    @Test(arguments: [0, 6, 7, 8, 9])
    func benefitLevelOutsideOneToFiveIsRejected(level: Int) {
        #expect(CardNumber("HS\(level)797912345678") == nil)
    }

    @Test(arguments: [
        "",
        "HS479791234567",  // 14 characters
        "HS47979123456789",  // 16 characters
        "HS4797912345",  // 12 characters
        "7912345678",  // only the mã số BHXH
        "124797912345678",  // digits where the letters go
        "H44797912345678",  // one letter
        "HSX797912345678",  // letter where the benefit digit goes
        "HS479791234567X",  // letter in the mã số BHXH
        "HS4A97912345678",  // letter in the province code
        "ĐS4797912345678",  // non-ASCII letter
        "HS4797912345678A",
    ])
    func invalid(input: String) {
        #expect(CardNumber(input) == nil)
    }

    @Test(arguments: [("HS", "học sinh"), ("TE", "trẻ em dưới 6 tuổi"), ("GD", "hộ gia đình"), ("SV", "sinh viên")])
    func objectNames(code: String, name: String) {
        #expect(CardNumber("\(code)4797912345678")?.objectName == name)
    }

    @Test func objectCodesNamedInTheSpecAreKnown() {
        for code in ["HS", "TE", "GD", "DN", "HT"] {
            #expect(CardNumber.objectNames[code] != nil, "\(code)")
        }
        for (code, name) in CardNumber.objectNames {
            #expect(code.utf8.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }, "\(code)")
            #expect(!name.isEmpty && name == name.nfc, "\(code)")
        }
        #expect(CardNumber("ZZ4797912345678")?.objectName == nil)
    }
}

@Suite("Identity: agency code")
struct IdentityAgencyCodeTests {
    @Test(arguments: [
        ("079", "079", false, "Hồ Chí Minh"),
        ("07916", "07916", true, "Hồ Chí Minh"),
        ("001", "001", false, "Hà Nội"),
        ("00101", "00101", true, "Hà Nội"),
        ("096", "096", false, "Cà Mau"),
        ("[07916]", "07916", true, "Hồ Chí Minh"),
        (" 079 16 ", "07916", true, "Hồ Chí Minh"),
        ("079.16", "07916", true, "Hồ Chí Minh"),
    ])
    func valid(input: String, value: String, district: Bool, province: String) throws {
        let a = try #require(AgencyCode(input))
        #expect(a.value == value)
        #expect(a.isDistrict == district)
        #expect(a.provinceCode == String(value.prefix(3)))
        #expect(a.provinceName == province)
    }

    @Test(arguments: [
        "999", "0791", "79", "7916", "079166", "0", "", "ABC", "07A16", "00316", "09916", "099", "100", "000",
        "079 1", "[]",
    ])
    func invalid(input: String) {
        #expect(AgencyCode(input) == nil)
    }

    @Test func deskDefaultIsQuan6() {
        #expect(AgencyCode.desk.value == "07916")
        #expect(AgencyCode.desk.isDistrict)
        #expect(AgencyCode.desk.provinceName == "Hồ Chí Minh")
        #expect(AgencyCode.desk == AgencyCode("[07916]"))
    }
}
