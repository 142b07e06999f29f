import Foundation
import Testing
import DeskTestSupport

/// SPEC §14 through the binary: Vietnamese whatever `LANG` says, English with `VSSDESK_LANG=en`, and an unknown
/// language refused before anything runs.
@Suite(.freshDatabases) struct LanguageEndToEndTests {
    @Test func vietnameseByDefaultWhateverLangSays() {
        let v = Vssdesk.ready()
        for lang in ["C", "en_US.UTF-8", "vi_VN.UTF-8"] {
            let r = v.run(["help"], env: ["LANG": lang])
            #expect(r.code == 0 && r.out.contains("Cuộc gọi:") && r.out.contains("Sửa hàng loạt:"), "\(lang): \(r.out)")
            #expect(!r.out.contains("Calls:"))
        }
        let bad = v.run(["serch", "nguyen"])
        #expect(bad.code == 2 && bad.err.contains("lỗi: không có lệnh \"serch\" (ý bạn là search?)"), "\(bad.err)")
        let flag = v.run(["search", "--limt", "3", "x"])
        #expect(flag.code == 2 && flag.err.contains("không có tùy chọn --limt"), "\(flag.err)")
    }

    @Test func englishOnRequestWithTheSameMachineValues() {
        let v = Vssdesk.ready()
        let r = v.run(["help", "bulk"], env: ["VSSDESK_LANG": "en"])
        #expect(r.code == 0 && r.out.contains("Example: bulk resend") && r.out.contains("show what would change"), "\(r.out)")
        let bad = v.run(["serch"], env: ["VSSDESK_LANG": "en"])
        #expect(bad.code == 2 && bad.err.contains("error: unknown command \"serch\""), "\(bad.err)")
        // JSON keys and group ids do not change with the language.
        let vi = v.json("help"), en = v.json("help", env: ["VSSDESK_LANG": "en"])
        let groups = { (o: [String: Any]) in Set(((o["commands"] as? [[String: Any]]) ?? []).compactMap { $0["group"] as? String }) }
        #expect(groups(vi.object) == groups(en.object) && groups(vi.object).contains("Calls"))
    }

    @Test func anUnknownLanguageIsAUsageErrorNamingTheLanguages() {
        let v = Vssdesk.ready()
        let r = v.run(["help"], env: ["VSSDESK_LANG": "fr"])
        #expect(r.code == 2 && r.out.isEmpty, "\(r.out)")
        #expect(r.err.contains("VSSDESK_LANG=fr") && r.err.contains("vi (tiếng Việt), en (English)"), "\(r.err)")
    }
}
