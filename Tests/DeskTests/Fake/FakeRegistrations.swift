import Foundation
import Desk
import DeskCore

/// Registrations and the insured extract of `InMemoryStorage`: lookups by key, and a name search that is a plain scan
/// of folded names (no ranking beyond exact-diacritics first).
final class FakeRegistrations: RegistrationStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }

    private var all: [Registration] { s.state.registrations.values.sorted { $0.bhxhCode < $1.bhxhCode } }

    func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String, bulk: (any BulkLoading)?) throws -> Bool {
        let inserted = s.state.registrations[r.bhxhCode] == nil
        s.state.registrations[r.bhxhCode] = r
        try addEvent(code: r.bhxhCode, at: at, operator: login, kind: inserted ? eventKind : eventKind + "_update",
                     detail: "status=\(r.status.rawValue)")
        return inserted
    }
    func addEvent(code: String, at: String, operator login: String?, kind: String, detail: String) throws {
        s.state.events[code, default: []].append(RegistrationEvent(at: at, operatorLogin: login, kind: kind, detail: detail))
    }
    func get(_ code: String) throws -> Registration? { s.state.registrations[code] }
    func exists(_ code: String) throws -> Bool { s.state.registrations[code] != nil }
    func byPhoneAnySpelling(_ phone: String, limit: Int) throws -> [Registration] {
        let spellings = Set([phone] + Phone.pre2018Spellings(of: phone))
        return Array(all.filter { $0.phone.map(spellings.contains) ?? false }.prefix(limit))
    }
    func byIDNumber(_ id: String, limit: Int) throws -> [Registration] { Array(all.filter { $0.idNumber == id }.prefix(limit)) }
    func children(of parent: String) throws -> [Registration] { all.filter { $0.parentBhxhCode == parent } }
    func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int) throws -> [String] {
        Array(all.filter { $0.phone == phone && $0.bhxhCode != code && $0.kind == .selfApplicant }.map(\.bhxhCode).prefix(limit))
    }
    func events(_ code: String) throws -> [RegistrationEvent] { s.state.events[code] ?? [] }
    func list(_ f: RegistrationFilter, afterCode: String?, limit: Int) throws -> [Registration] {
        Array(all.filter { Self.matches($0, f) && (afterCode == nil || $0.bhxhCode > afterCode!) }.prefix(limit))
    }
    func count(_ f: RegistrationFilter) throws -> Int { all.filter { Self.matches($0, f) }.count }
    func countAll() throws -> Int { s.state.registrations.count }

    func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage {
        let found = all.filter { Self.matches($0, filter) && NameQuery.containsWords(q.words, in: Folding.fold($0.fullName)) }
        let exact = q.exactFirst ? found.filter { NameQuery.containsWords(q.exactWords, in: $0.fullName) } : []
        let ranked = exact + found.filter { r in !exact.contains { $0.bhxhCode == r.bhxhCode } }
        return NamePage(registrations: Array(ranked.prefix(limit)), total: min(found.count, max(q.cap, limit)),
                        capped: found.count >= max(q.cap, limit), loose: false)
    }

    func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String, operator login: String?,
                   eventKind: String, detail: String) throws {
        guard var r = s.state.registrations[code] else { return }
        if r.status.rawValue != status { r.statusChangedAt = at }
        r.status = Registration.Status(rawValue: status) ?? r.status
        if let sms = smsStatus.flatMap(Registration.SMSStatus.init(rawValue:)) { r.smsStatus = sms }
        if status == "rejected", let rejectReason { r.rejectReason = rejectReason }
        s.state.registrations[code] = r
        try addEvent(code: code, at: at, operator: login, kind: eventKind, detail: detail)
    }
    func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws {
        s.state.registrations[code]?.agencyCode = agency
        try addEvent(code: code, at: at, operator: login, kind: "set_agency", detail: "agency=\(agency)")
    }
    func markCredentialsQueued(_ code: String, at: String) throws {
        guard var r = s.state.registrations[code] else { return }
        r.smsStatus = .queued
        if r.status == .approved { r.status = .credentialsSent; r.statusChangedAt = at }
        r.credentialsSentAt = at
        s.state.registrations[code] = r
    }
    func setSMSStatus(_ code: String, _ status: String) throws {
        s.state.registrations[code]?.smsStatus = Registration.SMSStatus(rawValue: status) ?? .none
    }
    func countBy(_ field: RegistrationField) throws -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for r in all {
            let key = switch field {
            case .status: r.status.rawValue
            case .agency: r.agencyCode ?? ""
            case .kind: r.kind.rawValue
            case .smsStatus: r.smsStatus.rawValue
            }
            counts[key, default: 0] += 1
        }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }

    /// The fake narrows by no rule: every registration is a candidate and the pure rules decide.
    var stuckRules: [String] { [] }
    func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] {
        Array(all.filter { (agency == nil || $0.agencyCode == agency) && (after == nil || $0.bhxhCode > after!) }.prefix(limit))
    }
    /// The pure rules over every registration: the errors they find are what makes a registration stuck.
    func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) {
        let ctx = DiagnosisContext(today: c.today, now: c.today + "T00:00:00Z", deskAgency: c.deskAgency)
        var counts: [String: Int] = [:]
        var total = 0
        for r in all where agency == nil || r.agencyCode == agency {
            var snapshot = DiagnosisSnapshot(registration: r, insured: s.state.insured[r.bhxhCode], insuredLoaded: c.insuredLoaded)
            if let parent = r.parentBhxhCode {
                snapshot.parent = s.state.registrations[parent]
                snapshot.parentInsured = s.state.insured[parent]
            }
            if let phone = r.phone { snapshot.sharedPhoneCodes = try selfCodesSharingPhone(phone, except: r.bhxhCode, limit: 10) }
            let errors = Set(Diagnosis.run(snapshot, ctx).filter { $0.severity == .error }.map(\.rule))
            for rule in errors { counts[rule, default: 0] += 1 }
            if !errors.isEmpty { total += 1 }
        }
        return (counts.map { (rule: $0.key, count: $0.value) }.sorted { $0.rule < $1.rule }, total)
    }

    static func matches(_ r: Registration, _ f: RegistrationFilter) -> Bool {
        (f.status == nil || r.status.rawValue == f.status) && (f.smsStatus == nil || r.smsStatus.rawValue == f.smsStatus)
            && (f.agency == nil || r.agencyCode == f.agency) && (f.kind == nil || r.kind.rawValue == f.kind)
            && (f.submittedBefore == nil || (r.submittedAt ?? "") < f.submittedBefore!)
            && (f.submittedAfter == nil || (r.submittedAt ?? "") >= f.submittedAfter!)
    }
}

final class FakeInsured: InsuredStorage {
    unowned let s: InMemoryStorage
    init(_ s: InMemoryStorage) { self.s = s }

    private var unregistered: [InsuredPerson] {
        s.state.insured.values.filter { s.state.registrations[$0.bhxhCode] == nil }.sorted { $0.bhxhCode < $1.bhxhCode }
    }

    func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool {
        defer { s.state.insured[p.bhxhCode] = p }
        return s.state.insured[p.bhxhCode] == nil
    }
    func get(_ code: String) throws -> InsuredPerson? { s.state.insured[code] }
    func countAll() throws -> Int { s.state.insured.count }
    func isLoaded() throws -> Bool { !s.state.insured.isEmpty }
    func unregistered(by key: InsuredKey, value: String, limit: Int) throws -> [InsuredPerson] {
        let field: (InsuredPerson) -> String? = switch key {
        case .bhxhCode: { $0.bhxhCode }
        case .idNumber: { $0.idNumber }
        case .phone: { $0.phone }
        }
        return Array(unregistered.filter { field($0) == value }.prefix(limit))
    }
    func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson] {
        Array(unregistered.filter { NameQuery.containsWords(q.words, in: Folding.fold($0.fullName)) }.prefix(limit))
    }
}
