import DeskCore

/// The insured extract (`insured`), as the services need it.
public protocol InsuredStorage: AnyObject {
    /// Inserts or updates by mã số BHXH; true when new.
    @discardableResult
    func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool
    /// The person of the extract with this mã số BHXH.
    func get(_ code: String) throws -> InsuredPerson?
    /// How many people the extract holds.
    func countAll() throws -> Int
    /// Whether the extract has been loaded at all.
    func isLoaded() throws -> Bool
    /// People without a registration whose `key` is `value`.
    func unregistered(by key: InsuredKey, value: String, limit: Int) throws -> [InsuredPerson]
    /// People without a registration whose name matches; `loose` matches every word as a prefix.
    func searchNamesUnregistered(_ q: NameQuery, loose: Bool, limit: Int) throws -> [InsuredPerson]
}
