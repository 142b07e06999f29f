import Testing
@testable import DeskCore

@Suite struct ConfirmationTests {
    @Test(arguments: [("yes", true), ("YES", true), (" có ", true), ("CÓ", true), ("co\u{0301}", true), ("co", true), ("Co", true),
                      ("y", false), ("không", false), ("", false), ("yes please", false), ("cô", false)])
    func acceptedWords(_ answer: String, _ accepted: Bool) {
        #expect(Confirmation.accepts(answer) == accepted)
    }

    @Test func theListIsTheSpecs() {
        #expect(Confirmation.words == ["yes", "có", "co"])
    }
}
