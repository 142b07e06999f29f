import DeskCore

/// `config get|set|list` (SPEC §13): settings as stored, and changing one (an admin's act, audited with it).
public struct SettingsService {
    let session: Session
    public init(session: Session) { self.session = session }

    /// The stored value as it is (even one that fails validation, so that an admin sees what to fix), or the default.
    public func stored(_ setting: Setting) throws -> String {
        try session.storage.settings.get(setting.key) ?? setting.defaultValue
    }

    /// Validates, stores and audits `value`, in one transaction.
    public func set(_ setting: Setting, _ value: String) throws {
        try session.require(.admin, for: "config set")
        do {
            try setting.validate(value)
        } catch let e as Setting.Invalid {
            throw DeskError.invalid(.settingInvalid, ["key": .text(e.key), "problem": .message(e.problem)])
        }
        try session.storage.transaction {
            try session.storage.settings.set(setting.key, value)
            try session.audit("config_set", target: setting.key, detail: value)
        }
    }

    /// Where the desk's data is (`whoami`).
    public var location: String { session.storage.location }
}
