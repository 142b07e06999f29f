import Desk
import DeskCore

/// The settings of `config get|set|list`: the list, defaults and validation are DeskCore's `Setting`.
enum ConfigKeys {
    static var all: [String] { Setting.allCases.map(\.key) }

    static func setting(_ key: String) throws -> Setting {
        guard let s = Setting(rawValue: key) else {
            throw DeskError.usage("unknown setting \"\(key)\"; settings: \(all.joined(separator: ", "))")
        }
        return s
    }

    /// The stored value as it is (even one that fails validation, so that an admin sees what to fix).
    static func value(_ key: String, session: Session) throws -> String {
        try SettingsService(session: session).stored(try setting(key))
    }
}
