import DeskCore

/// The registrations, their history and their name search, as the services need them.
public protocol RegistrationStorage: AnyObject {
    /// Inserts or updates by mã số BHXH and appends an event; true when the row was new. `bulk` is a load begun
    /// with `DeskStorage.beginBulkLoad` in the current transaction.
    @discardableResult
    func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String,
                bulk: (any BulkLoading)?) throws -> Bool
    /// Appends one history entry.
    func addEvent(code: String, at: String, operator login: String?, kind: String, detail: String) throws
    /// The registration with this mã số BHXH.
    func get(_ code: String) throws -> Registration?
    func exists(_ code: String) throws -> Bool
    /// Registrations on a mobile number, including its pre-2018 11-digit spellings.
    func byPhoneAnySpelling(_ phone: String, limit: Int) throws -> [Registration]
    func byIDNumber(_ id: String, limit: Int) throws -> [Registration]
    func children(of parent: String) throws -> [Registration]
    /// Other `self` registrations that declare `phone` (PHONE_SHARED).
    func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int) throws -> [String]
    func events(_ code: String) throws -> [RegistrationEvent]
    /// A keyset page in mã số order.
    func list(_ f: RegistrationFilter, afterCode: String?, limit: Int) throws -> [Registration]
    func count(_ f: RegistrationFilter) throws -> Int
    func countAll() throws -> Int
    /// A name search's page: ranked, at most `limit`, with its (capped) total.
    func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage
    /// Sets status fields and appends an event, in the caller's transaction.
    func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String,
                   operator login: String?, eventKind: String, detail: String) throws
    func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws
    /// SMS queued: `credentials_sent` for an approved registration, and the time.
    func markCredentialsQueued(_ code: String, at: String) throws
    func setSMSStatus(_ code: String, _ status: String) throws
    /// Counts per value of one of `status`, `agency_code`, `kind`, `sms_status`, most first.
    func countBy(column: String) throws -> [(String, Int)]
    /// Candidates for the error rules the storage can narrow by (`stuckRules`), in mã số order.
    func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration]
    /// Per-rule counts of `stuckRules` and how many registrations have at least one, in one pass.
    func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int)
    /// The error rules `stuckCandidates` can narrow by.
    var stuckRules: [String] { get }
}

/// The insured extract (`insured`), as the services need it.
public protocol InsuredStorage: AnyObject {
    /// Inserts or updates by mã số BHXH; true when new.
    @discardableResult
    func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool
    func get(_ code: String) throws -> InsuredPerson?
    func countAll() throws -> Int
    /// Whether the extract has been loaded at all.
    func isLoaded() throws -> Bool
    /// People without a registration whose `bhxh_code`, `id_number` or `phone` is `value`.
    func unregistered(column: String, value: String, limit: Int) throws -> [InsuredPerson]
    /// People without a registration whose name matches; `loose` matches every word as a prefix.
    func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson]
}

/// A many-row load in one transaction (import, demo): the storage may defer index work to `finish`.
public protocol BulkLoading: AnyObject {
    /// Brings every index up to date; before the transaction commits.
    func finish() throws
}

/// The two tables a bulk load fills.
public enum BulkTable: String, Sendable {
    case registrations, insured
}
