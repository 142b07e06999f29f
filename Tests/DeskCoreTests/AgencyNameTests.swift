import Testing
import DeskCore

/// Agency names as the report and VssID's picker write them: the desk's own district from the guide, provinces from
/// the reference table, any other district by its bare code (no name is guessed).
struct AgencyNameTests {
    @Test func namesWhereTheDataHasThemAndNoGuesses() {
        #expect(AgencyCode.name(of: "07916") == "BHXH Quận 6")
        #expect(AgencyCode.name(of: "079") == "BHXH TP. Hồ Chí Minh")
        #expect(AgencyCode.name(of: "001") == "BHXH TP. Hà Nội")
        #expect(AgencyCode.name(of: "080") == "BHXH tỉnh Long An")
        #expect(AgencyCode.name(of: "07901") == nil && AgencyCode.name(of: "07910") == nil)
        #expect(AgencyCode.name(of: "999") == nil && AgencyCode.name(of: "") == nil)
    }
}
