import Foundation
import Testing
import DeskTestSupport

/// SPEC §9: what a script reads from a bulk fix.
@Suite(.freshDatabases) struct BulkScriptTests {
    @Test func dryRunJSONSaysWouldChangeNotChanged() {
        let v = Vssdesk.ready(demo: 200)
        let r = v.json("bulk resend --where sms=failed --dry-run")
        #expect(r.code == 0, "\(r.err)")
        let o = r.object
        for key in ["action", "dry_run", "matched", "changed", "would_change", "skipped", "skipped_reasons"] {
            #expect(o[key] != nil, "missing \(key): \(r.out)")
        }
        #expect(o["dry_run"] as? Bool == true)
        #expect(o["changed"] as? Int == 0)
        #expect((o["would_change"] as? Int ?? 0) > 0)
        let reasons = o["skipped_reasons"] as? [String: Int] ?? [:]
        #expect(reasons.values.reduce(0, +) == o["skipped"] as? Int)
        let real = v.json("bulk resend --where sms=failed --yes")
        #expect(real.object["changed"] as? Int == o["would_change"] as? Int)
        #expect(real.object["dry_run"] as? Bool == false)
    }

    @Test func invalidToIsNamed() {
        let v = Vssdesk.ready(demo: 20)
        let r = v.json("bulk set-status --where status=submitted --to waiting --dry-run")
        #expect(r.code == 2)
        let message = (r.object["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("waiting") && message.contains("không phải trạng thái hợp lệ"), "\(message)")
        let english = v.json("bulk set-status --where status=submitted --to waiting --dry-run", env: ["VSSDESK_LANG": "en"])
        #expect(((english.object["error"] as? [String: Any])?["message"] as? String ?? "").contains("not a valid status"))
    }

    @Test(.enabled(if: REPLTests.available)) func nothingToChangeAsksNothing() {
        let v = Vssdesk.ready(demo: 50)
        let t = REPLTests().start(v)
        defer { t.kill() }
        t.type("bulk set-agency --where agency=07916 --to 07916")
        t.keys("Enter")
        let screen = t.waitFor("Không có gì cần thay đổi")
        #expect(screen.contains("Không có gì cần thay đổi: 0 trong số"))
        #expect(!screen.contains("Gõ “có” để tiếp tục"))
    }
}
