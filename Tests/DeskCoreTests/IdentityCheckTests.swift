import Foundation
import Testing
@testable import DeskCore

struct CheckCase: Sendable, CustomTestStringConvertible {
    let input: String
    let kind: IdentifierCheck.Kind
    let valid: Bool
    let normalized: String
    /// Details that must be present with these values (others may be present too).
    let details: [String: String]
    /// A text each problem list must contain (empty: the check has no problems).
    let problem: String

    init(_ input: String, _ kind: IdentifierCheck.Kind, _ valid: Bool, _ normalized: String,
         _ details: [String: String] = [:], problem: String = "") {
        self.input = input
        self.kind = kind
        self.valid = valid
        self.normalized = normalized
        self.details = details
        self.problem = problem
    }

    var testDescription: String { "\"\(input)\" → \(kind.rawValue)" }
}

@Suite("Identity: IdentifierCheck.classify")
struct IdentityCheckTests {
    static let cases: [CheckCase] = [
        // mã số BHXH
        CheckCase("7912345678", .bhxhCode, true, "7912345678", ["province_code": "79"]),
        CheckCase("79 1234 5678", .bhxhCode, true, "7912345678", ["province_code": "79"]),
        CheckCase("0112345678", .bhxhCode, true, "0112345678", ["province_code": "01"]),
        // SPEC §4: 10 digits are a mã số BHXH unless they are a valid mobile number
        CheckCase("0992123456", .bhxhCode, true, "0992123456"),
        CheckCase("1621234567", .bhxhCode, true, "1621234567"),
        // BHYT card
        CheckCase("HS4797912345678", .card, true, "HS4797912345678",
                  ["object_code": "HS", "benefit_level": "4", "province_code": "79", "bhxh_code": "7912345678",
                   "object": "học sinh"]),
        CheckCase("hs 4 79 7912345678", .card, true, "HS4797912345678", ["object_code": "HS", "benefit_level": "4"]),
        CheckCase("TE1010112345678", .card, true, "TE1010112345678",
                  ["object_code": "TE", "benefit_level": "1", "province_code": "01", "bhxh_code": "0112345678"]),
        CheckCase("GD5797912345678", .card, true, "GD5797912345678", ["benefit_level": "5"]),
        CheckCase("HS6797912345678", .card, false, "HS6797912345678", problem: "mức hưởng (1–5)"),
        CheckCase("HS0797912345678", .card, false, "HS0797912345678", problem: "mức hưởng (1–5)"),
        CheckCase("ZZ4797912345678", .card, false, "ZZ4797912345678", ["object_code": "ZZ"],
                  problem: "mã đối tượng ZZ không rõ"),
        CheckCase("HS479791234567X", .card, false, "HS479791234567X", problem: "10 số mã BHXH"),
        // CCCD
        CheckCase("079085123456", .cccd, true, "079085123456",
                  ["province_code": "079", "province": "Hồ Chí Minh", "gender": "Nam", "birth_year": "1985"]),
        CheckCase("001 305 012345", .cccd, true, "001305012345",
                  ["province_code": "001", "province": "Hà Nội", "gender": "Nữ", "birth_year": "2005"]),
        CheckCase("096199000001", .cccd, true, "096199000001",
                  ["province": "Cà Mau", "gender": "Nữ", "birth_year": "1999"]),
        CheckCase("003085123456", .cccd, false, "003085123456",
                  ["province_code": "003", "gender": "Nam", "birth_year": "1985"],
                  problem: "mã tỉnh nơi sinh 003 không tồn tại"),
        // CMND, passport
        CheckCase("123456789", .cmnd, true, "123456789"),
        CheckCase("025 123 456", .cmnd, true, "025123456"),
        CheckCase("B1234567", .passport, true, "B1234567"),
        CheckCase("b 1234567", .passport, true, "B1234567"),
        // mobile
        CheckCase("0901234567", .mobile, true, "0901234567", ["carrier": "MobiFone"]),
        CheckCase("+84 90 123 4567", .mobile, true, "0901234567", ["carrier": "MobiFone"]),
        CheckCase("84901234567", .mobile, true, "0901234567", ["carrier": "MobiFone"]),
        CheckCase("0084 90 123 4567", .mobile, true, "0901234567", ["carrier": "MobiFone"]),
        CheckCase("0901.234.567", .mobile, true, "0901234567"),
        CheckCase("090-123-4567", .mobile, true, "0901234567"),
        CheckCase("(090) 123 4567", .mobile, true, "0901234567"),
        CheckCase("0321234567", .mobile, true, "0321234567", ["carrier": "Viettel"]),
        CheckCase("0559123456", .mobile, true, "0559123456", ["carrier": "Wintel"]),
        CheckCase("01621234567", .mobile, false, "01621234567", ["carrier": "Viettel", "new_number": "0321234567"],
                  problem: "0321234567"),
        CheckCase("+84 162 123 4567", .mobile, false, "01621234567", ["new_number": "0321234567"],
                  problem: "0321234567"),
        CheckCase("09912345678", .mobile, false, "09912345678", problem: "không thuộc đầu số di động"),
        CheckCase("+1 415 555 1234", .mobile, false, "14155551234", problem: "không thuộc đầu số di động"),
        // landline
        CheckCase("028 3854 3385", .landline, false, "02838543385", problem: "máy bàn"),
        CheckCase("+84 24 3789 9999", .landline, false, "02437899999", problem: "SMS"),
        // agency
        CheckCase("079", .agency, true, "079", ["province": "Hồ Chí Minh"]),
        CheckCase("07916", .agency, true, "07916", ["province": "Hồ Chí Minh", "name": "BHXH Quận 6"]),
        CheckCase("[07916]", .agency, true, "07916", ["name": "BHXH Quận 6"]),
        CheckCase("00101", .agency, true, "00101", ["province": "Hà Nội"]),
        CheckCase("999", .agency, false, "999", problem: "mã tỉnh"),
        CheckCase("09916", .agency, false, "09916", problem: "mã tỉnh"),
        // unknown
        CheckCase("0791", .unknown, false, "0791", problem: "4 chữ số"),
        CheckCase("", .unknown, false, "", problem: "giá trị trống"),
        CheckCase("   ", .unknown, false, "", problem: "giá trị trống"),
        CheckCase("12345678901234567890", .unknown, false, "12345678901234567890", problem: "20 chữ số"),
        CheckCase("Nguyễn Văn A", .unknown, false, "NGUYỄNVĂNA", problem: "không nhận ra"),
        CheckCase("BB123456", .unknown, false, "BB123456", problem: "không nhận ra"),
        CheckCase("HS479791234567", .unknown, false, "HS479791234567", problem: "không nhận ra"),
        CheckCase("HS47979123456789", .unknown, false, "HS47979123456789", problem: "không nhận ra"),
        CheckCase("12345678", .unknown, false, "12345678", problem: "8 chữ số"),
    ]

    @Test(arguments: cases)
    func classify(c: CheckCase) {
        let r = IdentifierCheck.classify(c.input)
        #expect(r.input == c.input.nfc)
        #expect(r.kind == c.kind)
        #expect(r.valid == c.valid)
        #expect(r.normalized == c.normalized)
        let details = Dictionary(r.details.map { ($0.0, $0.1.vietnamese) }, uniquingKeysWith: { a, _ in a })
        #expect(details.count == r.details.count, "duplicate detail keys: \(r.details.map(\.0))")
        for (k, v) in c.details {
            #expect(details[k] == v, "detail \(k)")
        }
        if c.problem.isEmpty {
            #expect(r.problems.isEmpty)
        } else {
            #expect(r.problems.contains { $0.vietnamese.contains(c.problem) }, "problems: \(r.problems.map(\.vietnamese))")
        }
        #expect(r.valid == r.problems.isEmpty, "a check is valid exactly when it has no problem")
    }

    @Test func everyKindIsCovered() {
        let kinds = Set(Self.cases.map(\.kind.rawValue))
        #expect(kinds == ["bhxh_code", "card", "cccd", "cmnd", "passport", "mobile", "landline", "agency", "unknown"])
    }

    @Test func cccdDetailsInOrder() {
        let r = IdentifierCheck.classify("079085123456")
        #expect(r.details.map(\.0) == ["province_code", "province", "gender", "birth_year"])
        #expect(r.details.map(\.1.vietnamese) == ["079", "Hồ Chí Minh", "Nam", "1985"])
    }

    @Test func cardDetailsInOrder() {
        let r = IdentifierCheck.classify("HS4797912345678")
        #expect(r.details.map(\.0) == ["object_code", "benefit_level", "province_code", "bhxh_code", "object"])
    }

    @Test func oldMobileDetails() {
        let r = IdentifierCheck.classify("0162 123 4567")
        #expect(r.details.map(\.0) == ["carrier", "new_number"])
        #expect(r.problems.map(\.vietnamese) == ["số 11 chữ số cũ, đã chuyển thành 0321234567 từ 15/09/2018"])
    }

    @Test func inputIsKeptInNFC() {
        let nfd = "Nguyễn".decomposedStringWithCanonicalMapping
        let r = IdentifierCheck.classify(nfd)
        #expect(r.input == "Nguyễn")
        #expect(r.input.unicodeScalars.count == "Nguyễn".unicodeScalars.count)
    }

    @Test func equalityComparesEveryField() {
        #expect(IdentifierCheck.classify("0901234567") == IdentifierCheck.classify("0901234567"))
        #expect(IdentifierCheck.classify("0901234567") != IdentifierCheck.classify("0901 234 567"))  // input differs
        #expect(IdentifierCheck.classify("079") != IdentifierCheck.classify("001"))
    }

    /// The kinds `check` reports agree with the parsers they wrap.
    @Test(arguments: ["7912345678", "HS4797912345678", "079085123456", "123456789", "B1234567", "0901234567",
                      "02838543385", "07916"])
    func agreesWithTheParsers(input: String) {
        let r = IdentifierCheck.classify(input)
        switch r.kind {
        case .bhxhCode: #expect(BhxhCode(input)?.value == r.normalized)
        case .card: #expect(CardNumber(input)?.value == r.normalized)
        case .cccd, .cmnd, .passport: #expect(PersonalID(input)?.normalized == r.normalized)
        case .mobile, .landline: #expect(Phone(input).normalized == r.normalized)
        case .agency: #expect(AgencyCode(input)?.value == r.normalized)
        case .unknown: Issue.record("\(input) is unknown")
        }
    }
}
