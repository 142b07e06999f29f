import DeskCore

/// Key/value settings; validation is DeskCore's `Setting`.
public protocol SettingsStorage: AnyObject {
    /// The stored value of `key`, if any.
    func get(_ key: String) throws -> String?
    /// Stores `value` under `key`.
    func set(_ key: String, _ value: String) throws
    /// Removes `key`.
    func unset(_ key: String) throws
    /// Every stored key and value, by key.
    func all() throws -> [(String, String)]
}
