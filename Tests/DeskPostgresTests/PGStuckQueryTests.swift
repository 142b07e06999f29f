import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// `diagnose --stuck` below the seam: the same counts and candidates on both engines for the same data.
final class PGStuckQueryTests: XCTestCase {
    func testTheRulesAreSQLitesInTheSameOrder() throws {
        try BothEngines.same("rules") { _, s in s.registrations.stuckRules }
    }

    func testStuckCountsAndCandidatesAreTheSameOnBothEngines() throws {
        let criteria = StuckCriteria(deskAgency: "07916", today: "2025-03-12", insuredLoaded: true)
        try BothEngines.same("stuck") { engine, s in
            try BothEngines.loadDemo(s, count: 3_000)
            // Rows the demo does not make: a garbage date and ID, an 11-digit phone, a child of nobody who has an
            // ID, a minor registering alone, a name the extract spells otherwise.
            var odd = BothEngines.registration("7909000001", "Lê Văn Lạ", phone: "01687654321")
            odd.dob = "19x0-01-01"
            odd.idNumber = "07912345678X"
            var orphan = BothEngines.registration("7909000002", "Lê Bé", kind: .child)
            orphan.parentBhxhCode = "7909999999"
            orphan.dob = "2020-02-29"
            orphan.idNumber = "079320001234"
            var minor = BothEngines.registration("7909000003", "Lê Văn Nhỏ", phone: "0901234567")
            minor.dob = "2010-06-01"
            for r in [odd, orphan, minor] { try s.registrations.upsert(r, at: BothEngines.at, operator: nil, eventKind: "import") }
            // A self registration that names a parent with its own phone: the parent does not count as sharing it.
            let parent = try s.registrations.list(RegistrationFilter(), limit: 50).first { $0.kind == .selfApplicant && $0.phone != nil }!
            var withParent = BothEngines.registration("7909000004", "Lê Văn Con", phone: parent.phone)
            withParent.parentBhxhCode = parent.bhxhCode
            try s.registrations.upsert(withParent, at: BothEngines.at, operator: nil, eventKind: "import")
            XCTAssertEqual(try s.registrations.stuckCandidates(criteria, rule: "PHONE_SHARED", agency: nil, after: "7909000003", limit: 1)
                .first?.bhxhCode == "7909000004", false, engine)
            var otherName = InsuredPerson(bhxhCode: "7909000003")
            otherName.fullName = "Lê Văn Lớn"
            try s.insured.upsert(otherName)
            let (counts, total) = try s.registrations.stuckCounts(criteria, agency: nil)
            XCTAssertGreaterThan(total, 100, engine)
            XCTAssertTrue(counts.allSatisfy { $0.count > 0 }, "\(engine): every rule fires somewhere \(counts)")
            var out = counts.map { "\($0.rule)=\($0.count)" } + ["total=\(total)"]
            let (agencyCounts, agencyTotal) = try s.registrations.stuckCounts(criteria, agency: "07916")
            out += agencyCounts.map { "07916 \($0.rule)=\($0.count)" } + ["07916 total=\(agencyTotal)"]
            for rule in [nil] + s.registrations.stuckRules {
                let first = try s.registrations.stuckCandidates(criteria, rule: rule, agency: nil, after: nil, limit: 25).map(\.bhxhCode)
                let next = try s.registrations.stuckCandidates(criteria, rule: rule, agency: "07916", after: first.last, limit: 25).map(\.bhxhCode)
                out.append("\(rule ?? "any"): \(first.joined(separator: ",")) | \(next.joined(separator: ","))")
            }
            return out
        }
    }

    func testAdultBirthdayIsSQLitesDateMinusEighteenYears() {
        XCTAssertEqual(PGStuckQuery.adultBirthday(today: "2025-03-12"), "2007-03-12")
        XCTAssertEqual(PGStuckQuery.adultBirthday(today: "2024-02-29"), "2006-03-01")
        XCTAssertEqual(PGStuckQuery.adultBirthday(today: "2036-02-29"), "2018-03-01")
        XCTAssertEqual(PGStuckQuery.adultBirthday(today: "2032-02-29"), "2014-03-01")
    }
}
