import Foundation
import Testing
@testable import DeskCore

// The shipped reference data (Sources/DeskCore/Data/*.tsv) read at test time, so every row is checked against the
// identifier code and against the generated ReferenceData.swift (scripts/gen-reference-data.sh cannot drift).

struct ProvinceRow: Sendable, CustomTestStringConvertible {
    let code: String
    let name: String
    var testDescription: String { "\(code) \(name)" }
}

struct OldPrefixRow: Sendable, CustomTestStringConvertible {
    let old: String
    let new: String
    let carrier: String
    var testDescription: String { "\(old)→\(new) \(carrier)" }
}

struct SurnameRow: Sendable {
    let surname: String
    let percentText: String
}

enum IdentTSV {
    static let dataDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DeskCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/DeskCore/Data")

    static let provinceFile = "cccd-province-codes.tsv"
    static let prefixFile = "mobile-prefix-2018.tsv"
    static let surnameFile = "surname-frequency.tsv"

    /// The raw text of a data file, or nil when it cannot be read (a test then fails, instead of a crash).
    static func text(_ file: String) -> String? {
        try? String(contentsOf: dataDirectory.appendingPathComponent(file), encoding: .utf8)
    }

    /// Lines split on `\n` exactly (a stray `\r` stays visible to the format tests); the final newline adds no line.
    static func lines(_ file: String) -> [String] {
        guard let t = text(file) else { return [] }
        var lines = t.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Data rows (header dropped), each split on tabs.
    static func rows(_ file: String) -> [[String]] {
        lines(file).dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static let provinces: [ProvinceRow] = rows(provinceFile).compactMap { r in
        r.count == 2 ? ProvinceRow(code: r[0], name: r[1]) : nil
    }
    static let oldPrefixes: [OldPrefixRow] = rows(prefixFile).compactMap { r in
        r.count == 3 ? OldPrefixRow(old: r[0], new: r[1], carrier: r[2]) : nil
    }
    static let surnames: [SurnameRow] = rows(surnameFile).compactMap { r in
        r.count == 2 ? SurnameRow(surname: r[0], percentText: r[1]) : nil
    }
    static let provinceCodes: Set<String> = Set(provinces.map(\.code))
}

@Suite("ReferenceData: TSV files")
struct ReferenceDataFileTests {
    @Test(arguments: [
        (IdentTSV.provinceFile, "code\tprovince", 2),
        (IdentTSV.prefixFile, "old_prefix\tnew_prefix\tcarrier", 3),
        (IdentTSV.surnameFile, "surname\tshare_percent", 2),
    ])
    func wellFormed(file: String, header: String, columns: Int) throws {
        let text = try #require(IdentTSV.text(file), "cannot read \(file) in \(IdentTSV.dataDirectory.path)")
        // The generator reads with `while read`, which silently drops a last line without a newline.
        #expect(text.hasSuffix("\n"), "\(file) must end with a newline")
        #expect(!text.contains("\r"), "\(file) must use LF line ends")
        let lines = IdentTSV.lines(file)
        #expect(lines.first == header)
        #expect(lines.count > 1)
        for (i, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == columns, "\(file):\(i + 1) has \(fields.count) fields: \(line)")
            for f in fields {
                #expect(!f.isEmpty, "\(file):\(i + 1) empty field")
                #expect(f == f.trimmingCharacters(in: .whitespaces), "\(file):\(i + 1) padded field \"\(f)\"")
                #expect(f == f.nfc, "\(file):\(i + 1) field \"\(f)\" is not NFC")
                // The generator writes Swift string literals without escaping.
                #expect(!f.contains("\"") && !f.contains("\\"), "\(file):\(i + 1) field needs escaping")
            }
        }
    }

    @Test func provinceFileHasThe63ProvinceCodesOfCircular07() {
        let codes = IdentTSV.provinces.map(\.code)
        #expect(codes.count == 63)
        #expect(Set(codes).count == codes.count, "duplicate province code")
        #expect(Set(IdentTSV.provinces.map(\.name)).count == 63, "duplicate province name")
        #expect(codes == codes.sorted(), "codes are listed in order")
        for c in codes {
            #expect(c.utf8.count == 3 && c.allSatisfy(\.isASCII) && c.allSatisfy(\.isNumber), "bad code \(c)")
            #expect(("001"..."096").contains(c), "code \(c) out of range")
        }
        #expect(IdentTSV.provinces.first.map { [$0.code, $0.name] } == ["001", "Hà Nội"])
        #expect(IdentTSV.provinces.last.map { [$0.code, $0.name] } == ["096", "Cà Mau"])
        #expect(IdentTSV.provinces.first { $0.code == "079" }?.name == "Hồ Chí Minh")
    }

    @Test func prefixFileShapes() {
        let rows = IdentTSV.oldPrefixes
        #expect(rows.count == 21)
        #expect(Set(rows.map(\.old)).count == rows.count, "duplicate old prefix")
        #expect(Set(rows.map(\.new)).count == rows.count, "two old prefixes map to one new prefix")
        for r in rows {
            #expect(r.old.utf8.count == 4 && r.old.hasPrefix("01") && r.old.allSatisfy(\.isNumber), "old \(r.old)")
            #expect(r.new.utf8.count == 3 && r.new.hasPrefix("0") && r.new.allSatisfy(\.isNumber), "new \(r.new)")
            #expect(["Viettel", "MobiFone", "VinaPhone", "Vietnamobile", "Gmobile"].contains(r.carrier), "carrier \(r.carrier)")
        }
    }

    @Test func surnameFileShares() throws {
        let rows = IdentTSV.surnames
        #expect(rows.count == 16)
        #expect(rows.first?.surname == "Nguyễn")
        #expect(rows.first?.percentText == "38.4")
        var total = 0.0
        for r in rows {
            let p = try #require(Double(r.percentText), "share \(r.percentText) of \(r.surname)")
            #expect(p > 0 && p <= 100)
            total += p
        }
        #expect(total <= 100)
        #expect(total > 80, "the listed surnames cover most of the population")
    }
}

@Suite("ReferenceData: generated Swift equals the TSV files")
struct ReferenceDataGeneratedTests {
    @Test func cccdProvincesEqualTheFile() {
        var fromFile: [String: String] = [:]
        for r in IdentTSV.provinces { fromFile[r.code] = r.name }
        #expect(fromFile.count == 63)
        #expect(ReferenceData.cccdProvinces == fromFile)
        let onlyInSwift = Set(ReferenceData.cccdProvinces.keys).subtracting(fromFile.keys).sorted()
        let onlyInFile = Set(fromFile.keys).subtracting(ReferenceData.cccdProvinces.keys).sorted()
        #expect(onlyInSwift.isEmpty, "in ReferenceData.swift only: \(onlyInSwift)")
        #expect(onlyInFile.isEmpty, "in the TSV only: \(onlyInFile) — run scripts/gen-reference-data.sh")
    }

    @Test func oldMobilePrefixesEqualTheFile() {
        let rows = IdentTSV.oldPrefixes
        #expect(ReferenceData.oldMobilePrefixes.count == rows.count)
        #expect(Set(ReferenceData.oldMobilePrefixes.keys) == Set(rows.map(\.old)))
        for r in rows {
            let entry = ReferenceData.oldMobilePrefixes[r.old]
            #expect(entry?.new == r.new, "\(r.old): \(String(describing: entry?.new)) ≠ \(r.new)")
            #expect(entry?.carrier == r.carrier, "\(r.old): \(String(describing: entry?.carrier)) ≠ \(r.carrier)")
        }
    }

    @Test func surnameSharesEqualTheFileInOrder() throws {
        let rows = IdentTSV.surnames
        #expect(ReferenceData.surnameShares.count == rows.count)
        for (generated, row) in zip(ReferenceData.surnameShares, rows) {
            #expect(generated.surname == row.surname)
            let p = try #require(Double(row.percentText))
            #expect(generated.percent == p, "\(row.surname): \(generated.percent) ≠ \(p)")
        }
    }
}

@Suite("ReferenceData: every CCCD province row")
struct ReferenceDataProvinceTests {
    @Test(arguments: IdentTSV.provinces)
    func provinceCodeBuildsAValidCCCD(row: ProvinceRow) throws {
        for digit in 0...9 {
            let number = row.code + String(digit) + "85" + "123456"
            let c = try #require(CCCD(number))
            #expect(c.value == number)
            #expect(c.provinceCode == row.code)
            #expect(c.provinceName == row.name)
            #expect(c.birthYear == 1900 + digit / 2 * 100 + 85)
            #expect(c.inconsistencies(gender: nil, birthYear: nil).isEmpty)
            guard case .cccd(let viaPersonalID)? = PersonalID(number) else {
                Issue.record("PersonalID(\(number)) is not a CCCD")
                continue
            }
            #expect(viaPersonalID == c)
        }
        let check = IdentifierCheck.classify(row.code + " 085 123 456")
        #expect(check.kind == .cccd)
        #expect(check.valid)
        #expect(check.normalized == row.code + "085123456")
        #expect(check.problems.isEmpty)
        #expect(check.details.first { $0.0 == "province" }?.1.vietnamese == row.name)
        #expect(check.details.first { $0.0 == "province_code" }?.1.vietnamese == row.code)
    }

    @Test(arguments: IdentTSV.provinces)
    func provinceCodeIsAnAgencyPrefix(row: ProvinceRow) throws {
        let province = try #require(AgencyCode(row.code))
        #expect(province.provinceName == row.name)
        #expect(!province.isDistrict)
        let district = try #require(AgencyCode(row.code + "01"))
        #expect(district.provinceName == row.name)
        #expect(district.provinceCode == row.code)
        #expect(district.isDistrict)
        #expect(IdentifierCheck.classify(row.code).kind == .agency)
        #expect(IdentifierCheck.classify(row.code).valid)
    }

    @Test(arguments: ["000", "003", "005", "009", "013", "099", "100", "097", "098", "090", "081", "500", "999"])
    func codeNotInTheFileIsUnknown(code: String) throws {
        #expect(!IdentTSV.provinceCodes.contains(code))
        let number = code + "085123456"
        let c = try #require(CCCD(number), "still 12 digits: parsed, reported as inconsistent")
        #expect(c.provinceName == nil)
        #expect(c.inconsistencies(gender: .male, birthYear: 1985).map(\.vietnamese) == ["mã tỉnh nơi sinh \(code) không tồn tại"])
        let check = IdentifierCheck.classify(number)
        #expect(check.kind == .cccd)
        #expect(!check.valid)
        #expect(check.problems.map(\.vietnamese) == ["mã tỉnh nơi sinh \(code) không tồn tại"])
        #expect(!check.details.contains { $0.0 == "province" })
        #expect(AgencyCode(code) == nil)
        #expect(AgencyCode(code + "16") == nil)
    }

    @Test func exactlyTheFileCodesAreKnownAmongAll1000() {
        var known: [String] = []
        for n in 0..<1000 {
            let code = String(format: "%03d", n)
            let c = CCCD(code + "085123456")!
            if let name = c.provinceName {
                known.append(code)
                #expect(IdentTSV.provinces.first { $0.code == code }?.name == name)
            }
            #expect((AgencyCode(code) != nil) == IdentTSV.provinceCodes.contains(code), "agency \(code)")
        }
        #expect(known == IdentTSV.provinces.map(\.code))
    }
}

@Suite("ReferenceData: every 2018 mobile prefix row")
struct ReferenceDataOldMobileTests {
    static let tail = "1234567"

    @Test(arguments: IdentTSV.oldPrefixes)
    func oldNumberConvertsToTheNewPrefix(row: OldPrefixRow) {
        let old = row.old + Self.tail
        let expectedNew = row.new + Self.tail
        let p = Phone(old)
        #expect(p.kind == .oldMobile)
        #expect(p.normalized == old)
        #expect(p.suggestedNew == expectedNew)
        #expect(p.carrier == row.carrier)
        #expect(!p.isMobile)
        #expect(Phone.looksLikePhone(old))

        let converted = Phone(expectedNew)
        #expect(converted.kind == .mobile, "the new prefix \(row.new) must be a valid mobile range")
        #expect(converted.carrier == row.carrier, "carrier of \(row.new)")
        #expect(converted.suggestedNew == nil)
    }

    @Test(arguments: IdentTSV.oldPrefixes)
    func oldNumberInOtherSpellings(row: OldPrefixRow) {
        let expectedNew = row.new + Self.tail
        let national = String(row.old.dropFirst())  // "162"
        let spellings = [
            "\(row.old) 123 4567", "\(row.old).123.4567", "\(row.old)-123-4567", "(\(row.old)) 1234567",
            "+84 \(national) 123 4567", "84\(national)1234567", "0084 \(national) 123 4567",
            "+84 (0) \(national) 123 4567",
            "\(national)1234567",  // the leading 0 dropped by a spreadsheet
        ]
        for s in spellings {
            let p = Phone(s)
            #expect(p.kind == .oldMobile, "\(s)")
            #expect(p.normalized == row.old + Self.tail, "\(s)")
            #expect(p.suggestedNew == expectedNew, "\(s)")
        }
        // Every tail keeps its last 7 digits.
        for tail in ["0000000", "9999999", "0101010"] {
            #expect(Phone(row.old + tail).suggestedNew == row.new + tail)
        }
    }

    @Test(arguments: IdentTSV.oldPrefixes)
    func oldNumberWithWrongLengthIsInvalid(row: OldPrefixRow) {
        #expect(Phone(row.old + "123456").kind == .invalid)  // 10 digits
        #expect(Phone(row.old + "12345678").kind == .invalid)  // 12 digits
    }

    @Test(arguments: IdentTSV.oldPrefixes)
    func checkReportsTheNewNumber(row: OldPrefixRow) {
        let c = IdentifierCheck.classify(row.old + Self.tail)
        #expect(c.kind == .mobile)
        #expect(!c.valid)
        #expect(c.normalized == row.old + Self.tail)
        #expect(c.details.first { $0.0 == "new_number" }?.1.vietnamese == row.new + Self.tail)
        #expect(c.details.first { $0.0 == "carrier" }?.1.vietnamese == row.carrier)
        #expect(c.problems.count == 1)
        #expect(c.problems.first?.vietnamese.contains(row.new + Self.tail) == true)
    }

    @Test func prefixesNotInTheFileAreNotOldMobiles() {
        let listed = Set(IdentTSV.oldPrefixes.map(\.old))
        for n in 0..<1000 {
            let prefix = "0" + String(format: "%03d", n)
            guard prefix.hasPrefix("01"), !listed.contains(prefix) else { continue }
            let p = Phone(prefix + Self.tail)
            #expect(p.kind == .invalid, "\(prefix)")
            #expect(p.suggestedNew == nil)
            #expect(p.carrier == nil)
        }
    }
}
