import Foundation
import Testing
import Desk
import DeskCore

/// Services on `InMemoryStorage`: operators, settings, search, detail and diagnosis run with no SQLite at all.
/// (This file and `Fake/` do not import DeskStore.)
@Suite struct FakeStorageTests {
    static let now = DateText.parseInstant("2025-03-12T09:00:00+07:00")!

    static func session(role: Operator.Role = .admin) throws -> (InMemoryStorage, Session) {
        let storage = InMemoryStorage()
        let hoa = Operator(login: "hoa", displayName: "Trần Thị Hoa", line: 121, role: role)
        try storage.operators.upsert(hoa, at: "2025-01-01T00:00:00Z")
        return (storage, Session(storage: storage, actor: hoa, clock: Clock(fixed: now)))
    }

    static func registration(_ code: String, _ name: String, phone: String, status: Registration.Status) -> Registration {
        var r = Registration(bhxhCode: code)
        r.fullName = name
        r.phone = phone
        r.status = status
        r.agencyCode = "07916"
        r.dob = "1990-05-17"
        r.idNumber = "079090001234"
        r.submittedAt = "2025-03-01T01:00:00Z"
        r.photoPortrait = true
        r.photoIdFront = true
        r.photoIdBack = true
        return r
    }

    @Test func operatorsAreAddedListedAndDisabledWithTheirAudit() throws {
        let (storage, session) = try Self.session()
        let ops = OperatorService(session: session)
        _ = try ops.add(login: "nam", displayName: "Lê Văn Nam", line: 122, role: .operatorRole)
        #expect(try ops.list().map(\.login) == ["hoa", "nam"])
        try ops.disable("nam")
        #expect(try storage.operators.get("nam")?.active == false)
        #expect(throws: DeskError.self) { try ops.add(login: "x", displayName: nil, line: 130, role: .operatorRole) }
        #expect(throws: DeskError.self) { try ops.disable("hoa") }
        // A refused disable inside its transaction leaves no audit row behind.
        #expect(throws: DeskError.self) { try ops.disable("nobody") }
        let actions = try AuditLog(session: session).entries(operator: nil, code: nil, from: nil, to: nil, action: nil, limit: 10)
            .map(\.action)
        #expect(actions == ["operator_disable", "operator_add"])
    }

    @Test func settingsAreValidatedStoredAndAudited() throws {
        let (storage, session) = try Self.session()
        let settings = SettingsService(session: session)
        #expect(try settings.stored(.reviewWorkingDays) == "3")
        try settings.set(.reviewWorkingDays, "5")
        #expect(try session.settings.int(.reviewWorkingDays) == 5)
        #expect(throws: DeskError.self) { try settings.set(.reviewWorkingDays, "five") }
        #expect(try storage.settings.get("review_working_days") == "5")
        #expect(storage.state.audit.map(\.action) == ["config_set"])
        let (_, operatorSession) = try Self.session(role: .operatorRole)
        #expect(throws: DeskError.self) { try SettingsService(session: operatorSession).set(.reviewWorkingDays, "4") }
    }

    @Test func searchFindsByCodePhoneAndNameWithExactDiacriticsFirst() throws {
        let (storage, session) = try Self.session()
        for r in [Self.registration("7901234568", "Nguyen Van Duc", phone: "0912345678", status: .approved),
                  Self.registration("7901234567", "Nguyễn Văn Đức", phone: "0901234567", status: .submitted)] {
            try storage.registrations.upsert(r, at: "2025-03-01T01:00:00Z", operator: "import", eventKind: "import")
        }
        let service = RegistrationService(session: session)
        #expect(try service.search("7901234567").hits.map(\.bhxhCode) == ["7901234567"])
        #expect(try service.search("0912 345 678").hits.map(\.bhxhCode) == ["7901234568"])
        let folded = try service.search("nguyen van duc")
        #expect(folded.kind == "name" && folded.total == 2)
        #expect(try service.search("Nguyễn Văn Đức").hits.first?.bhxhCode == "7901234567")
        let detail = try service.detail("7901234567")
        #expect(detail.events.map(\.kind) == ["import"])
        // Every lookup is audited, with the codes it showed.
        #expect(storage.state.audit.map(\.action) == ["search", "search", "search", "search", "show"])
        #expect(storage.state.audit[0].detail?.hasSuffix("codes: 7901234567") == true)
    }

    @Test func diagnosisRunsThePureRulesOnWhatTheStorageHolds() throws {
        let (storage, session) = try Self.session()
        var rejected = Self.registration("7901234570", "Đặng Đức Hùng", phone: "0383111222", status: .rejected)
        rejected.rejectReason = "ảnh CCCD mờ"
        try storage.registrations.upsert(rejected, at: "2025-03-01T01:00:00Z", operator: nil, eventKind: "import")
        let (_, findings) = try DiagnosisService(session: session).diagnose("7901234570")
        #expect(findings.contains { $0.rule == "REJECTED" && $0.severity == .error })
        #expect(throws: DeskError.self) { try DiagnosisService(session: session).diagnose("7999999999") }
    }
}
