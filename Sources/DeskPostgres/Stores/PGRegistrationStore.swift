import Desk
import DeskCore

final class PGRegistrationStore: RegistrationStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    @discardableResult
    func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String, bulk: (any BulkLoading)?) throws -> Bool { throw PGStoreError.notImplemented("upsert") }
    func addEvent(code: String, at: String, operator login: String?, kind: String, detail: String) throws { throw PGStoreError.notImplemented("addEvent") }
    func get(_ code: String) throws -> Registration? { throw PGStoreError.notImplemented("get") }
    func exists(_ code: String) throws -> Bool { throw PGStoreError.notImplemented("exists") }
    func byPhoneAnySpelling(_ phone: String, limit: Int) throws -> [Registration] { throw PGStoreError.notImplemented("byPhoneAnySpelling") }
    func byIDNumber(_ id: String, limit: Int) throws -> [Registration] { throw PGStoreError.notImplemented("byIDNumber") }
    func children(of parent: String) throws -> [Registration] { throw PGStoreError.notImplemented("children") }
    func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int) throws -> [String] { throw PGStoreError.notImplemented("selfCodesSharingPhone") }
    func events(_ code: String) throws -> [RegistrationEvent] { throw PGStoreError.notImplemented("events") }
    func list(_ f: RegistrationFilter, afterCode: String?, limit: Int) throws -> [Registration] { throw PGStoreError.notImplemented("list") }
    func count(_ f: RegistrationFilter) throws -> Int { throw PGStoreError.notImplemented("count") }
    func countAll() throws -> Int { throw PGStoreError.notImplemented("countAll") }
    func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage { throw PGStoreError.notImplemented("searchNames") }
    func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String, operator login: String?, eventKind: String, detail: String) throws { throw PGStoreError.notImplemented("setStatus") }
    func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws { throw PGStoreError.notImplemented("setAgency") }
    func markCredentialsQueued(_ code: String, at: String) throws { throw PGStoreError.notImplemented("markCredentialsQueued") }
    func setSMSStatus(_ code: String, _ status: String) throws { throw PGStoreError.notImplemented("setSMSStatus") }
    func countBy(_ field: RegistrationField) throws -> [(String, Int)] { throw PGStoreError.notImplemented("countBy") }
    func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] { throw PGStoreError.notImplemented("stuckCandidates") }
    func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) { throw PGStoreError.notImplemented("stuckCounts") }
    var stuckRules: [String] { [] }
}
