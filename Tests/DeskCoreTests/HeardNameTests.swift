import Testing
@testable import DeskCore

@Suite struct HeardNameTests {
    @Test(arguments: [
        ("van", "dan"), ("van", "gian"), ("dung", "vung"), ("tram", "cham"), ("suong", "xuong"), ("toan", "toang"),
        ("lan", "lang"), ("minh", "min"), ("phat", "phac"), ("giang", "dan"), ("trung", "chun"), ("sang", "xan"),
        ("gi", "di"), ("vinh", "din"),
    ])
    func southernMergesSoundAlike(_ a: String, _ b: String) {
        #expect(HeardName.sound(a) == HeardName.sound(b), "\(a) ~ \(b)")
        #expect(HeardName.matches(a, b))
    }

    @Test(arguments: [("lan", "lam"), ("minh", "mai"), ("tam", "tan"), ("an", "am"), ("thu", "chu"), ("nga", "na"),
                      ("hoa", "hoai"), ("tuan", "tuyen"), ("binh", "bich")])
    func otherSoundsStayApart(_ a: String, _ b: String) {
        #expect(!HeardName.matches(a, b), "\(a) !~ \(b)")
    }

    @Test(arguments: [("nguyen", "nguyn"), ("nguyen", "nguyeen"), ("nguyen", "nguyan"), ("nguyen", "ngyuen"),
                      ("phuong", "phuogn"), ("thanh", "thnah")])
    func oneSlipInALongWord(_ a: String, _ b: String) {
        #expect(HeardName.isOneSlip(a, b), "\(a) ~ \(b)")
        // The slip keys of the two share one entry: an index lookup finds it.
        #expect(!Set(HeardName.lookupKeys(a)).isDisjoint(with: HeardName.indexKeys(b)))
    }

    @Test(arguments: [("nguyen", "nguyen"), ("hoa", "hao"), ("nguyen", "ngyyan"), ("tuan", "tuna"), ("phuong", "phuo")])
    func notOneSlip(_ a: String, _ b: String) {
        #expect(!HeardName.isOneSlip(a, b), "\(a) / \(b)")
    }

    @Test func heardLookupFindsTheCallersSpelling() {
        // "toang" heard for Toàn, "cham" for Trâm: the sound keys meet.
        #expect(HeardName.lookupKeys("toang").contains(HeardName.indexKeys("toan")[0]))
        #expect(HeardName.lookupKeys("cham").contains(HeardName.indexKeys("tram")[0]))
        #expect(HeardName.slipKeys("anh").isEmpty)
    }
}
