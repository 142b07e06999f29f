import Foundation
import Testing
@testable import DeskCore

/// NOT_IN_REGISTRY, NAME_NO_DIACRITICS, NAME_MISMATCH, ID_MISMATCH: the registration against the registry.
let registryRuleCases: [RuleCase] = [
    RuleCase("NOT_IN_REGISTRY", "no insured row while the extract is loaded", fires: true, severity: .error,
             says: ["7912345678", "10 số cuối"], action: ["search \"Nguyễn Văn Đức\""],
             quiet: ["NAME_MISMATCH", "NAME_NO_DIACRITICS", "ID_MISMATCH"]) { s, _ in s.insured = nil },
    RuleCase("NOT_IN_REGISTRY", "no insured row but the extract was never loaded", fires: false) { s, _ in
        s.insured = nil
        s.insuredLoaded = false
    },
    RuleCase("NOT_IN_REGISTRY", "insured row present", fires: false) { _, _ in },
    RuleCase("NOT_IN_REGISTRY", "child not in the registry", fires: true, child: true) { s, _ in s.insured = nil },

    RuleCase("NAME_NO_DIACRITICS", "plain ASCII name", fires: true, severity: .warning,
             says: ["Nguyen Van Duc", "Nguyễn Văn Đức", "có dấu"], action: ["Nguyễn Văn Đức"],
             quiet: ["NAME_MISMATCH"]) { s, _ in s.registration.fullName = "Nguyen Van Duc" },
    RuleCase("NAME_NO_DIACRITICS", "upper-case ASCII name", fires: true, quiet: ["NAME_MISMATCH"]) { s, _ in
        s.registration.fullName = "NGUYEN VAN DUC"
    },
    RuleCase("NAME_NO_DIACRITICS", "registry name stored in NFD", fires: true, quiet: ["NAME_MISMATCH"]) { s, _ in
        s.registration.fullName = "Nguyen Van Duc"
        s.insured?.fullName = "Nguyễn Văn Đức".decomposedStringWithCanonicalMapping
    },
    RuleCase("NAME_NO_DIACRITICS", "declared in NFD with diacritics", fires: false, quiet: ["NAME_MISMATCH"]) { s, _ in
        s.registration.fullName = Fixture.adultName.decomposedStringWithCanonicalMapping
    },
    RuleCase("NAME_NO_DIACRITICS", "registry name has no diacritics either", fires: false,
             quiet: ["NAME_MISMATCH"]) { s, _ in
        s.registration.fullName = "Nguyen Van Duc"
        s.insured?.fullName = "Nguyen Van Duc"
    },
    RuleCase("NAME_NO_DIACRITICS", "only đ is missing: still has other diacritics", fires: false) { s, _ in
        s.registration.fullName = "Nguyễn Văn Dức"
    },
    RuleCase("NAME_NO_DIACRITICS", "empty declared name is a mismatch, not a diacritics problem", fires: false) { s, _ in
        s.registration.fullName = ""
    },
    RuleCase("NAME_NO_DIACRITICS", "no diacritics and other letters: both rules fire", fires: true) { s, _ in
        s.registration.fullName = "Nguyen Van Dung"
    },

    RuleCase("NAME_MISMATCH", "letters differ", fires: true, severity: .error,
             says: ["Nguyễn Văn Dũng", "Nguyễn Văn Đức", "khác chữ"], action: ["Nguyễn Văn Đức"]) { s, _ in
        s.registration.fullName = "Nguyễn Văn Dũng"
    },
    RuleCase("NAME_MISMATCH", "no diacritics and other letters", fires: true, severity: .error) { s, _ in
        s.registration.fullName = "Nguyen Van Dung"
    },
    RuleCase("NAME_MISMATCH", "only a tone mark differs", fires: true, severity: .warning,
             says: ["chỉ ở dấu"], saysNot: ["khác chữ"]) { s, _ in s.registration.fullName = "Nguyễn Văn Đực" },
    RuleCase("NAME_MISMATCH", "only đ written as d", fires: true, severity: .warning, says: ["chỉ ở dấu"]) { s, _ in
        s.registration.fullName = "Nguyễn Văn Dức"
    },
    RuleCase("NAME_MISMATCH", "same name in NFD", fires: false) { s, _ in
        s.registration.fullName = Fixture.adultName.decomposedStringWithCanonicalMapping
    },
    RuleCase("NAME_MISMATCH", "case and white space only", fires: false) { s, _ in
        s.registration.fullName = "  nguyễn   VĂN\tđức "
    },
    RuleCase("NAME_MISMATCH", "upper case NFD", fires: false) { s, _ in
        s.registration.fullName = "NGUYỄN VĂN ĐỨC".decomposedStringWithCanonicalMapping
    },
    RuleCase("NAME_MISMATCH", "empty declared name", fires: true, severity: .error, says: ["để trống"]) { s, _ in
        s.registration.fullName = ""
    },
    RuleCase("NAME_MISMATCH", "no registry row to compare with", fires: false) { s, _ in
        s.registration.fullName = "Trần Thị Bình"
        s.insured = nil
    },
    RuleCase("NAME_MISMATCH", "registry name empty", fires: false) { s, _ in s.insured?.fullName = "" },
    RuleCase("NAME_MISMATCH", "child name differs", fires: true, child: true, severity: .error) { s, _ in
        s.registration.fullName = "Nguyễn Thị Mây"
    },

    RuleCase("ID_MISMATCH", "another CCCD", fires: true, severity: .error, says: ["(079***654321)", "(079***123456)"],
             action: ["kb show cap-nhat-cccd"]) { s, _ in s.registration.idNumber = "079090654321" },
    // Masked the list way, two numbers differing in one hidden digit looked identical (0790***456 twice).
    RuleCase("ID_MISMATCH", "one digit differs in the middle", fires: true, severity: .error,
             says: ["(079**1***456)", "(079**0***456)"], saysNot: ["0790***456"]) { s, _ in
        s.registration.idNumber = "079091123456"
    },
    RuleCase("ID_MISMATCH", "two neighbours swapped", fires: true, says: ["(079***21*456)", "(079***12*456)"]) { s, _ in
        s.registration.idNumber = "079090213456"
    },
    RuleCase("ID_MISMATCH", "old 9-digit CMND against the registry's CCCD", fires: true, severity: .error,
             says: ["CMND 9 số", "CCCD", "cập nhật"], action: ["cap-nhat-cccd"]) { s, _ in
        s.registration.idNumber = "025123456"
    },
    RuleCase("ID_MISMATCH", "same CCCD with spaces", fires: false) { s, _ in
        s.registration.idNumber = "079 090 123 456"
    },
    RuleCase("ID_MISMATCH", "same CCCD with dots in the registry", fires: false) { s, _ in
        s.insured?.idNumber = "079.090.123.456"
    },
    RuleCase("ID_MISMATCH", "passport differing only in case", fires: false) { s, _ in
        s.registration.idNumber = "b1234567"
        s.insured?.idNumber = "B1234567"
    },
    RuleCase("ID_MISMATCH", "registry has no ID", fires: false) { s, _ in
        s.registration.idNumber = "025123456"
        s.insured?.idNumber = nil
    },
    RuleCase("ID_MISMATCH", "nothing declared", fires: false) { s, _ in
        s.registration.idNumber = "  "
    },
    RuleCase("ID_MISMATCH", "child without ID, registry has one", fires: false, child: true) { s, _ in
        s.insured?.idNumber = "079315123456"
    },
]

/// ID_INVALID and ID_INCONSISTENT: the declared ID number on its own.
let identityRuleCases: [RuleCase] = [
    RuleCase("ID_INVALID", "5 digits", fires: true, severity: .error, says: ["12345", "5 chữ số"]) { s, _ in
        s.registration.idNumber = "12345"
    },
    RuleCase("ID_INVALID", "13 digits", fires: true, says: ["13 chữ số"]) { s, _ in
        s.registration.idNumber = "0790901234567"
    },
    RuleCase("ID_INVALID", "two letters then digits", fires: true, says: ["chữ cái"]) { s, _ in
        s.registration.idNumber = "AB123456"
    },
    RuleCase("ID_INVALID", "12 digits with an unknown province code", fires: true, says: ["003"],
             quiet: []) { s, _ in s.registration.idNumber = "003090123456" },
    RuleCase("ID_INVALID", "old 9-digit CMND", fires: false) { s, _ in s.registration.idNumber = "025123456" },
    RuleCase("ID_INVALID", "passport", fires: false) { s, _ in s.registration.idNumber = "B1234567" },
    RuleCase("ID_INVALID", "passport in lower case", fires: false) { s, _ in s.registration.idNumber = "c7654321" },
    RuleCase("ID_INVALID", "CCCD typed with spaces", fires: false) { s, _ in
        s.registration.idNumber = "079 090 123 456"
    },
    RuleCase("ID_INVALID", "child with no ID", fires: false, child: true) { _, _ in },
    RuleCase("ID_INVALID", "child with an impossible ID", fires: true, child: true) { s, _ in
        s.registration.idNumber = "0123"
    },
    RuleCase("ID_INVALID", "adult self registration with no ID", fires: true, says: ["Chưa khai"],
             quiet: ["MINOR_WITHOUT_ID"]) { s, _ in s.registration.idNumber = nil },
    RuleCase("ID_INVALID", "exactly 18 today with no ID", fires: true, quiet: ["MINOR_WITHOUT_ID"]) { s, _ in
        s.registration.idNumber = ""
        s.registration.dob = "2007-03-12"
    },
    RuleCase("ID_INVALID", "17 (18 tomorrow) with no ID: MINOR_WITHOUT_ID instead", fires: false) { s, _ in
        s.registration.idNumber = ""
        s.registration.dob = "2007-03-13"
    },
    RuleCase("ID_INVALID", "no ID and no date of birth anywhere", fires: true) { s, _ in
        s.registration.idNumber = nil
        s.registration.dob = nil
        s.insured?.dob = nil
    },

    RuleCase("ID_INCONSISTENT", "century digit 2 for someone born in 1999", fires: true, severity: .error,
             says: ["thế kỷ", "1999"]) { s, _ in
        s.registration.idNumber = "079299123456"
        s.registration.dob = "1999-05-15"
    },
    RuleCase("ID_INCONSISTENT", "century digit 3 for a woman born in 1999", fires: true, says: ["thế kỷ"]) { s, _ in
        s.registration.idNumber = "079399123456"
        s.registration.dob = "1999-05-15"
        s.registration.gender = .female
    },
    RuleCase("ID_INCONSISTENT", "gender digit says female, declared male", fires: true, says: ["giới tính", "Nữ"]) { s, _ in
        s.registration.idNumber = "079190123456"
    },
    RuleCase("ID_INCONSISTENT", "birth year 1991, declared 1990", fires: true, says: ["1991", "1990"]) { s, _ in
        s.registration.idNumber = "079091123456"
    },
    RuleCase("ID_INCONSISTENT", "unknown province code", fires: true, says: ["003"]) { s, _ in
        s.registration.idNumber = "003090123456"
    },
    RuleCase("ID_INCONSISTENT", "declared date of birth given as DD/MM/YYYY", fires: false) { s, _ in
        s.registration.dob = "15/05/1990"
    },
    RuleCase("ID_INCONSISTENT", "woman born 2005 with digit 3", fires: false) { s, _ in
        s.registration.idNumber = "079305123456"
        s.registration.dob = "2005-01-20"
        s.registration.gender = .female
    },
    RuleCase("ID_INCONSISTENT", "a 9-digit CMND has nothing to check", fires: false) { s, _ in
        s.registration.idNumber = "025123456"
        s.registration.dob = "2001-01-01"
    },
    RuleCase("ID_INCONSISTENT", "nothing declared to compare with", fires: false) { s, _ in
        s.registration.idNumber = "079190123456"
        s.registration.gender = nil
        s.registration.dob = nil
    },
    RuleCase("ID_INCONSISTENT", "child's CCCD disagrees", fires: true, child: true) { s, _ in
        s.registration.idNumber = "079214123456"  // male, 2014; the child is a girl born 2015
    },
]

extension DiagnosisTests {
    @Test("registry rules", arguments: registryRuleCases)
    func registryRules(_ c: RuleCase) { c.check() }

    @Test("identity rules", arguments: identityRuleCases)
    func identityRules(_ c: RuleCase) { c.check() }

    @Test func unknownProvinceIsBothInvalidAndInconsistent() {
        var s = Fixture.adult()
        s.registration.idNumber = "003090123456"
        let rules = Diagnosis.run(s, Fixture.context).map(\.rule)
        #expect(rules.contains("ID_INVALID"))
        #expect(rules.contains("ID_INCONSISTENT"))
    }

    @Test func nameMessagesAreNFCForNFDInput() {
        var s = Fixture.adult()
        s.registration.fullName = "Nguyễn Văn Dũng".decomposedStringWithCanonicalMapping
        s.insured?.fullName = Fixture.adultName.decomposedStringWithCanonicalMapping
        let f = Diagnosis.run(s, Fixture.context).first { $0.rule == "NAME_MISMATCH" }
        #expect(f?.severity == .error)
        let message = f?.message.vietnamese ?? ""
        #expect(Array(message.unicodeScalars) == Array(message.nfc.unicodeScalars))
        #expect(message.unicodeScalars.contains("\u{1EE9}"))  // precomposed ứ of Đức
    }
}
