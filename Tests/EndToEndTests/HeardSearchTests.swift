import Foundation
import Testing
import DeskTestSupport

/// The third match tier of SPEC §4: names as an operator hears them, after every exact and folded match.
@Suite(.freshDatabases) struct HeardSearchTests {
    static func desk() -> Vssdesk {
        let v = Vssdesk.ready(demo: 300)
        let csv = """
            bhxh_code,full_name,dob,gender,phone,status,kind,agency_code,submitted_at
            7910000101,Nguyễn Trung Toàn,1990-01-01,M,0912345601,submitted,self,07916,2026-01-05T08:00:00Z
            7910000102,Lê Minh Trâm,1991-01-01,F,0912345602,submitted,self,07916,2026-01-05T08:00:00Z
            7910000103,Võ Thị Sương,1992-01-01,F,0912345603,submitted,self,07916,2026-01-05T08:00:00Z
            7910000104,Phạm Văn Phát,1993-01-01,M,0912345604,submitted,self,07916,2026-01-05T08:00:00Z
            7910000105,Lê Minh Châm,1994-01-01,F,0912345605,submitted,self,07916,2026-01-05T08:00:00Z
            7910000106,Giang Thị Dân,1995-01-01,F,0912345606,submitted,self,07916,2026-01-05T08:00:00Z

            """
        #expect(v.run(["import", "registrations", v.write("heard.csv", csv)]).code == 0)
        return v
    }

    func results(_ v: Vssdesk, _ query: String) -> [(name: String, match: String)] {
        let r = v.json("search \(query)")
        return ((r.object["results"] as? [[String: Any]]) ?? []).map { ($0["full_name"] as? String ?? "", $0["match"] as? String ?? "") }
    }

    @Test func southernMergesAndSlipsFindTheCaller() {
        let v = Self.desk()
        for (query, name) in [("nguyen trung toang", "Nguyễn Trung Toàn"), ("le minh cham", "Lê Minh Châm"),
                              ("do thi xuong", "Võ Thị Sương"), ("pham van phac", "Phạm Văn Phát"),
                              ("nguyn trung toan", "Nguyễn Trung Toàn"), ("dang thi van", "Giang Thị Dân")] {
            let found = results(v, query)
            #expect(found.contains { $0.name == name }, "\(query) → \(found)")
        }
        // "le minh cham": Lê Minh Châm is a folded match, Lê Minh Trâm one as heard, after it.
        let cham = results(v, "le minh cham")
        #expect(cham.first.map { $0.name == "Lê Minh Châm" && $0.match == "folded" } == true, "\(cham)")
        #expect(cham.contains { $0.name == "Lê Minh Trâm" && $0.match == "heard" }, "\(cham)")
    }

    @Test func aHeardMatchNeverPushesAnExactOrFoldedOneDown() {
        let v = Self.desk()
        let found = results(v, "Lê Minh Trâm")
        #expect(found.first.map { $0.name == "Lê Minh Trâm" && $0.match == "exact" } == true, "\(found)")
        let tiers = found.map(\.match)
        let rank = ["exact": 0, "folded": 1, "heard": 2]
        #expect(tiers == tiers.sorted { rank[$0, default: 3] < rank[$1, default: 3] }, "\(found)")
        // A page full of folded matches has no heard ones.
        let nguyen = results(v, "nguyen")
        #expect(!nguyen.isEmpty && nguyen.allSatisfy { $0.match != "heard" })
    }

    @Test func theScreenMarksWhatWasOnlyHeard() {
        let v = Self.desk()
        let r = v.run(["search", "nguyen trung toang"])
        #expect(r.out.contains("≈ Nguyễn Trung Toàn"))
        #expect(r.out.contains("nghe giống"))
        #expect(!v.run(["search", "Nguyễn Trung Toàn"]).out.contains("≈ Nguyễn Trung Toàn"))
    }
}
