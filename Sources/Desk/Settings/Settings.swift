import DeskCore

/// Reads settings through the same validation as `config set` (SPEC §13): a bad stored value is an error naming
/// the key and the fix, never a value a service acts on.
public struct Settings {
    let storage: any SettingsStorage

    public func value(_ setting: Setting) throws -> String {
        let raw = try storage.get(setting.key) ?? setting.defaultValue
        do {
            try setting.validate(raw)
        } catch let e as Setting.Invalid {
            throw DeskError.invalid(.storedSettingInvalid, ["key": .text(e.key), "problem": .message(e.problem),
                                                            "default": .text(setting.defaultValue.isEmpty ? "…" : setting.defaultValue)])
        }
        return raw
    }

    public func int(_ setting: Setting) throws -> Int {
        guard let n = Int(try value(setting)) else { throw DeskError.invalid(.storedSettingNotANumber, ["key": .text(setting.key)]) }
        return n
    }

    public func holidays() throws -> Set<String> { OfficeCalendar.parseHolidayList(try value(.holidays)) }

    /// A partial SLA setting keeps the defaults for the priorities it does not name.
    public func sla(_ setting: Setting) throws -> [String: Int] {
        let defaults = (try? Setting.parseSLA(setting.defaultValue, key: setting.key)) ?? [:]
        let given = try Setting.parseSLA(try value(setting), key: setting.key)
        return defaults.merging(given) { $1 }
    }
}

extension Session {
    public var settings: Settings { Settings(storage: storage.settings) }
}
