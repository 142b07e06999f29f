import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport

@Suite(.freshDatabases) struct DiagnosisServiceTests {
    /// The storage's narrowing of `diagnose --stuck` (SQL on either engine) must agree with the pure rules on every
    /// registration of a varied data set.
    @Test func sqlCountsEqualSwiftRuleCounts() throws {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 1500)
        let service = DiagnosisService(session: f.session)
        let ctx = try service.context()
        var swiftCounts: [String: Int] = [:]
        var stuck = 0
        for r in try f.storage.registrations.list(RegistrationFilter(), limit: 100_000) {
            let errors = Diagnosis.run(try service.snapshot(r), ctx).filter { $0.severity == .error }
            if !errors.isEmpty { stuck += 1 }
            for e in errors { swiftCounts[e.rule, default: 0] += 1 }
        }
        let criteria = StuckCriteria(deskAgency: ctx.deskAgency, today: ctx.today, insuredLoaded: try f.storage.insured.isLoaded())
        let sql = try f.storage.registrations.stuckCounts(criteria, agency: nil)
        for (rule, count) in sql.counts {
            #expect(count == swiftCounts[rule, default: 0], "\(rule): SQL \(count) vs rules \(swiftCounts[rule, default: 0])")
        }
        #expect(Set(sql.counts.map(\.rule)).isSuperset(of: swiftCounts.keys))
        #expect(sql.total == stuck)
        #expect(stuck > 50)
    }

    /// The demo data has active accounts with missing photos, another agency or a parent without an account: none of
    /// them is stuck, in SQL or in Swift.
    @Test func activeAccountsAreNeverStuck() throws {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 600)
        let report = try DiagnosisService(session: f.session).stuck(rule: nil, agency: nil, limit: 10_000)
        #expect(report.total > 0 && report.rows.count == report.total)
        #expect(!report.rows.contains { $0.registration.status == .active })
        let activeDefects = try f.count("""
            SELECT count(*) FROM registrations WHERE status = 'active' AND (agency_code <> '07916' OR photo_portrait = 0
              OR photo_id_back = 0 OR (kind = 'child' AND photo_birth_cert = 0))
            """)
        #expect(activeDefects > 0)
    }

    @Test func stuckListsOnlyConfirmedErrorsAndFiltersByRule() throws {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 600)
        let report = try DiagnosisService(session: f.session).stuck(rule: "REJECTED", agency: nil, limit: 10)
        #expect(!report.rows.isEmpty)
        for row in report.rows {
            #expect(row.registration.status == .rejected)
            #expect(row.findings.contains { $0.rule == "REJECTED" })
        }
        #expect(throws: DeskError.self) { try DiagnosisService(session: f.session).stuck(rule: "NOPE", agency: nil, limit: 5) }
    }

    @Test func stuckNeedsSupervisor() throws {
        let f = try Fixture(role: .operatorRole)
        #expect {
            try DiagnosisService(session: f.session).stuck(rule: nil, agency: nil, limit: 5)
        } throws: { error in
            if case DeskError.notAllowed = error { return true }
            return false
        }
    }

    @Test func diagnoseIsAuditedAndAttachedToTheOpenCall() throws {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        let (_, findings) = try DiagnosisService(session: f.session).diagnose("7901234570")
        #expect(findings.first?.rule == "REJECTED" || findings.contains { $0.rule == "REJECTED" })
        #expect(findings.first?.severity == .error)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'diagnose' AND target = '7901234570'") == 1)
    }
}
