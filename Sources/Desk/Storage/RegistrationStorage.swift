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
    /// Whether a registration with this mã số BHXH exists.
    func exists(_ code: String) throws -> Bool
    /// Registrations on a mobile number, including its pre-2018 11-digit spellings.
    func byPhoneAnySpelling(_ phone: String, limit: Int) throws -> [Registration]
    /// Registrations with this CCCD/CMND/passport number.
    func byIDNumber(_ id: String, limit: Int) throws -> [Registration]
    /// The child registrations whose parent is `parent`.
    func children(of parent: String) throws -> [Registration]
    /// Other `self` registrations that declare `phone` (PHONE_SHARED).
    func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int) throws -> [String]
    /// A registration's history, oldest first.
    func events(_ code: String) throws -> [RegistrationEvent]
    /// A keyset page in mã số order.
    func list(_ f: RegistrationFilter, afterCode: String?, limit: Int) throws -> [Registration]
    /// How many registrations the filter matches.
    func count(_ f: RegistrationFilter) throws -> Int
    /// How many registrations there are.
    func countAll() throws -> Int
    /// A name search's page: ranked, at most `limit`, with its (capped) total.
    func searchNames(_ q: NameQuery, filter: RegistrationFilter, limit: Int) throws -> NamePage
    /// Sets status fields and appends an event, in the caller's transaction.
    func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String,
                   operator login: String?, eventKind: String, detail: String) throws
    /// Moves a registration to another agency and appends an event.
    func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws
    /// SMS queued: `credentials_sent` for an approved registration, and the time.
    func markCredentialsQueued(_ code: String, at: String) throws
    /// Sets the SMS status of the registration's last credentials message.
    func setSMSStatus(_ code: String, _ status: String) throws
    /// Counts per value of `field`, most first.
    func countBy(_ field: RegistrationField) throws -> [(String, Int)]
    /// Candidates for the error rules the storage can narrow by (`stuckRules`), in mã số order.
    func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration]
    /// Per-rule counts of `stuckRules` and how many registrations have at least one, in one pass.
    func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int)
    /// The error rules `stuckCandidates` can narrow by.
    var stuckRules: [String] { get }
}
