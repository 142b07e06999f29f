import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport
@_spi(RawSQL) import DeskStore

@Suite(.freshDatabases) struct BulkTests {
    func loaded() throws -> Fixture {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 400)
        return f
    }

    @Test func filterParsing() throws {
        let f = try BulkFilter.parse("status=approved,sms=failed,rule=SMS_FAILED,submitted-before=2025-03-01", forTickets: false)
        #expect(f.registration.status == "approved" && f.registration.smsStatus == "failed" && f.rule == "SMS_FAILED")
        #expect(f.registration.submittedBefore == "2025-02-28T17:00:00Z")
        for bad in ["status=waiting", "colour=red", "rule=NOPE", "submitted-before=tomorrow", "", "status"] {
            #expect(throws: DeskError.self) { try BulkFilter.parse(bad, forTickets: false) }
        }
    }

    @Test func dryRunChangesNothing() throws {
        let f = try loaded()
        let before = try f.count("SELECT count(*) FROM sms_outbox")
        let s = try BulkService(session: f.session).run(.resend, filter: "sms=failed", value: nil, reason: nil, dryRun: true)
        // A preview reports what it would do, never that it did it (a cron job reads `changed`).
        #expect(s.matched > 0 && s.wouldChange > 0 && s.changed == 0)
        #expect(s.wouldChange + s.skipped == s.matched)
        #expect(try f.count("SELECT count(*) FROM sms_outbox") == before)
        let real = try BulkService(session: f.session).run(.resend, filter: "sms=failed", value: nil, reason: nil, dryRun: false)
        #expect(real.changed == s.wouldChange && real.wouldChange == real.changed)
    }

    @Test func skippedRowsSayWhy() throws {
        let f = try loaded()
        let service = BulkService(session: f.session)
        let all = try service.run(.resend, filter: "kind=self", value: nil, reason: nil, dryRun: true)
        let notApproved = try f.count("SELECT count(*) FROM registrations WHERE kind = 'self' AND status IN ('submitted','rejected')")
        #expect(notApproved > 0)
        #expect(all.skippedReasons["not_approved"] == notApproved)
        #expect(all.skippedReasons.values.reduce(0, +) == all.skipped)
        #expect(Set(all.skippedReasons.keys).isSubset(of: Set(BulkService.SkipReason.allCases.map(\.rawValue))))
        let same = try service.run(.setAgency, filter: "agency=07916", value: "07916", reason: nil, dryRun: true)
        #expect(same.matched > 0 && same.wouldChange == 0 && same.skippedReasons == ["unchanged": same.matched])
    }

    @Test func anInvalidToValueSaysItIsInvalid() throws {
        let f = try loaded()
        let service = BulkService(session: f.session)
        for (action, value, words) in [(BulkService.Action.setStatus, "waiting", "not a valid status"),
                                       (.setAgency, "7916x", "not a valid agency code"),
                                       (.setStatus, nil, "needs --to"), (.setAgency, nil, "needs --to")] {
            #expect {
                try service.run(action, filter: "status=submitted", value: value, reason: nil, dryRun: true)
            } throws: { error in
                guard case DeskError.usage(let message) = error else { return false }
                let text = message.english
                return text.contains(words) && (value == nil || text.contains(value!))
            }
        }
    }

    @Test func realRunAuditsEachChangeAndIsIdempotent() throws {
        let f = try loaded()
        let s = try BulkService(session: f.session).run(.resend, filter: "sms=failed,status=approved", value: nil, reason: nil, dryRun: false)
        #expect(s.changed > 0)
        #expect(try f.count("SELECT count(*) FROM sms_outbox") == s.changed)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'bulk_resend' AND substr(target, 1, 1) BETWEEN '0' AND '9'") == s.changed)
        #expect(try f.count("SELECT count(*) FROM sms_outbox WHERE body LIKE '%Mat khau tam thoi: ********%'") == 0)
        let again = try BulkService(session: f.session).run(.resend, filter: "status=credentials_sent,sms=queued", value: nil, reason: nil, dryRun: false)
        #expect(again.changed == 0)
        #expect(try f.count("SELECT count(*) FROM sms_outbox") == s.changed)
    }

    @Test func setAgencyByRuleAndInterruption() throws {
        let f = try loaded()
        // WRONG_AGENCY is about a dossier in flight: an active account is never stuck on its agency.
        let wrong = try f.count("SELECT count(*) FROM registrations WHERE agency_code <> '07916' AND status <> 'active'")
        #expect(wrong > 0)
        f.session.isCancelled = { true }
        let stopped = try BulkService(session: f.session).run(.setAgency, filter: "rule=WRONG_AGENCY", value: "07916", reason: nil, dryRun: false)
        #expect(stopped.interrupted && stopped.changed == 0)
        #expect(try f.count("SELECT count(*) FROM registrations WHERE agency_code <> '07916' AND status <> 'active'") == wrong)
        f.session.isCancelled = { false }
        let first = try BulkService(session: f.session).run(.setAgency, filter: "rule=WRONG_AGENCY", value: "07916", reason: nil, dryRun: false)
        #expect(first.changed == wrong)
        #expect(try f.count("SELECT count(*) FROM registrations WHERE agency_code <> '07916' AND status <> 'active'") == 0)
        #expect(try f.count("SELECT count(*) FROM registration_events WHERE kind = 'set_agency'") == wrong)
        let rerun = try BulkService(session: f.session).run(.setAgency, filter: "rule=WRONG_AGENCY", value: "07916", reason: nil, dryRun: false)
        #expect(rerun.changed == 0)
    }

    @Test func setStatusRejectedNeedsReasonAndRoles() throws {
        let f = try loaded()
        #expect(throws: DeskError.self) {
            try BulkService(session: f.session).run(.setStatus, filter: "status=submitted", value: "rejected", reason: nil, dryRun: false)
        }
        let s = try BulkService(session: f.session).run(.setStatus, filter: "status=submitted,kind=child", value: "rejected", reason: "Thiếu giấy khai sinh", dryRun: false)
        #expect(try f.count("SELECT count(*) FROM registrations WHERE status = 'rejected' AND reject_reason = 'Thiếu giấy khai sinh'") == s.changed)
        let op = try Fixture(role: .operatorRole)
        #expect {
            try BulkService(session: op.session).run(.resend, filter: "sms=failed", value: nil, reason: nil, dryRun: true)
        } throws: { error in
            if case DeskError.notAllowed = error { return true }
            return false
        }
    }
}
