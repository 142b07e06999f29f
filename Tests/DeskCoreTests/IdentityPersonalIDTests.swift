import Foundation
import Testing
@testable import DeskCore

struct CenturyCase: Sendable, CustomTestStringConvertible {
    let digit: Int
    let gender: Gender
    let century: Int
    var testDescription: String { "digit \(digit)" }
}

struct InconsistencyCase: Sendable, CustomTestStringConvertible {
    let number: String
    let gender: Gender?
    let year: Int?
    let problems: [String]
    var testDescription: String { "\(number) \(gender?.rawValue ?? "-") \(year.map(String.init) ?? "-")" }
}

@Suite("Identity: CCCD")
struct IdentityCCCDTests {
    /// SPEC §3: 0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, 6/7 = 2200–2299, 8/9 = 2300–2399.
    @Test(arguments: [
        CenturyCase(digit: 0, gender: .male, century: 1900),
        CenturyCase(digit: 1, gender: .female, century: 1900),
        CenturyCase(digit: 2, gender: .male, century: 2000),
        CenturyCase(digit: 3, gender: .female, century: 2000),
        CenturyCase(digit: 4, gender: .male, century: 2100),
        CenturyCase(digit: 5, gender: .female, century: 2100),
        CenturyCase(digit: 6, gender: .male, century: 2200),
        CenturyCase(digit: 7, gender: .female, century: 2200),
        CenturyCase(digit: 8, gender: .male, century: 2300),
        CenturyCase(digit: 9, gender: .female, century: 2300),
    ])
    func genderAndCenturyDigit(c: CenturyCase) throws {
        for yy in [0, 1, 9, 10, 45, 85, 99] {
            let number = "079" + String(c.digit) + String(format: "%02d", yy) + "123456"
            let id = try #require(CCCD(number))
            #expect(id.gender == c.gender, "\(number)")
            #expect(id.century == c.century, "\(number)")
            #expect(id.birthYear == c.century + yy, "\(number)")
            #expect(id.inconsistencies(gender: c.gender, birthYear: c.century + yy).isEmpty, "\(number)")
        }
    }

    @Test(arguments: [
        ("079085123456", "079", "Hồ Chí Minh", Gender.male, 1985),
        ("001199012345", "001", "Hà Nội", .female, 1999),
        ("001200012345", "001", "Hà Nội", .male, 2000),
        ("079305001234", "079", "Hồ Chí Minh", .female, 2005),
        ("096 1 90 123456", "096", "Cà Mau", .female, 1990),
        ("048.0.77.000001", "048", "Đà Nẵng", .male, 1977),
    ])
    func fields(number: String, code: String, province: String, gender: Gender, year: Int) throws {
        let id = try #require(CCCD(number))
        #expect(id.value.count == 12)
        #expect(id.provinceCode == code)
        #expect(id.provinceName == province)
        #expect(id.gender == gender)
        #expect(id.birthYear == year)
    }

    @Test(arguments: ["", "07908512345", "0790851234567", "07908512345A", "CCCD079085123", "abcdefghijkl"])
    func invalid(number: String) {
        #expect(CCCD(number) == nil)
    }

    @Test(arguments: [
        InconsistencyCase(number: "079085123456", gender: .male, year: 1985, problems: []),
        InconsistencyCase(number: "079085123456", gender: nil, year: nil, problems: []),
        InconsistencyCase(number: "079085123456", gender: .female, year: 1985,
                          problems: ["chữ số giới tính cho biết Nam, khai báo là Nữ"]),
        InconsistencyCase(number: "079185123456", gender: .male, year: nil,
                          problems: ["chữ số giới tính cho biết Nữ, khai báo là Nam"]),
        InconsistencyCase(number: "079085123456", gender: .male, year: 1986,
                          problems: ["năm sinh trong số CCCD là 1985, khai báo là 1986"]),
        InconsistencyCase(number: "079085123456", gender: nil, year: 2085,
                          problems: ["chữ số thế kỷ cho biết sinh trong thế kỷ 1900–1999, khai báo năm 2085"]),
        InconsistencyCase(number: "079205123456", gender: .male, year: 2005, problems: []),
        InconsistencyCase(number: "079205123456", gender: .male, year: 1905,
                          problems: ["chữ số thế kỷ cho biết sinh trong thế kỷ 2000–2099, khai báo năm 1905"]),
        InconsistencyCase(number: "079305123456", gender: .male, year: 2005,
                          problems: ["chữ số giới tính cho biết Nữ, khai báo là Nam"]),
        InconsistencyCase(number: "003085123456", gender: nil, year: nil,
                          problems: ["mã tỉnh nơi sinh 003 không tồn tại"]),
        InconsistencyCase(number: "003185123456", gender: .male, year: 1990,
                          problems: ["mã tỉnh nơi sinh 003 không tồn tại", "chữ số giới tính cho biết Nữ, khai báo là Nam",
                                     "năm sinh trong số CCCD là 1985, khai báo là 1990"]),
    ])
    func inconsistencies(c: InconsistencyCase) throws {
        let id = try #require(CCCD(c.number))
        #expect(id.inconsistencies(gender: c.gender, birthYear: c.year).map(\.vietnamese) == c.problems)
    }
}

@Suite("Identity: personal ID (CCCD / CMND / passport)")
struct IdentityPersonalIDTests {
    @Test(arguments: [
        ("079085123456", "cccd", "079085123456"),
        ("079 085 123 456", "cccd", "079085123456"),
        ("003085123456", "cccd", "003085123456"),  // shape only; the province is checked by inconsistencies
        ("123456789", "cmnd", "123456789"),
        ("025 123 456", "cmnd", "025123456"),
        ("B1234567", "passport", "B1234567"),
        ("b1234567", "passport", "B1234567"),
        ("C 123 4567", "passport", "C1234567"),
        ("N1234567", "passport", "N1234567"),
    ])
    func parses(input: String, kind: String, normalized: String) throws {
        let id = try #require(PersonalID(input))
        switch (id, kind) {
        case (.cccd(let c), "cccd"): #expect(c.value == normalized)
        case (.cmnd(let s), "cmnd"): #expect(s == normalized)
        case (.passport(let s), "passport"): #expect(s == normalized)
        default: Issue.record("\(input) parsed as \(id), expected \(kind)")
        }
        #expect(id.normalized == normalized)
    }

    @Test(arguments: [
        "", "12345678", "1234567890", "12345678901", "1234567890123", "12345678A", "BB123456", "B123456",
        "B12345678", "1B234567", "Đ1234567", "B123456X", "AB1234567",
    ])
    func invalid(input: String) {
        #expect(PersonalID(input) == nil)
    }
}

@Suite("Identity: gender parsing")
struct IdentityGenderTests {
    @Test(arguments: ["M", "m", "Nam", "nam", "NAM", " Nam ", "male", "Male"])
    func male(raw: String) {
        #expect(Gender(parsing: raw) == .male)
    }

    @Test(arguments: ["F", "f", "Nữ", "nữ", "NỮ", "Nu", "nu", "female", "Nữ".decomposedStringWithCanonicalMapping])
    func female(raw: String) {
        #expect(Gender(parsing: raw) == .female)
    }

    @Test(arguments: ["", "X", "Khác", "nam nữ", "1", "0"])
    func unknown(raw: String) {
        #expect(Gender(parsing: raw) == nil)
    }

    @Test func machineValues() {
        #expect(Gender.male.rawValue == "M")
        #expect(Gender.female.rawValue == "F")
    }
}
