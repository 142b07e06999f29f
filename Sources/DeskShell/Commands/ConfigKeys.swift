import Desk
import DeskCore

/// The settings of `config get|set|list`: the list, defaults and validation are DeskCore's `Setting`.
enum ConfigKeys {
    static var all: [String] { Setting.allCases.map(\.key) }

    static func setting(_ key: String, catalog: Catalog) throws -> Setting {
        guard let s = Setting(rawValue: key) else {
            throw ShellError.usage(catalog.text("usage.unknownSetting", ["key": .text(key), "list": .text(all.joined(separator: ", "))]))
        }
        return s
    }

    /// The stored value as it is (even one that fails validation, so that an admin sees what to fix).
    static func value(_ key: String, session: Session, catalog: Catalog) throws -> String {
        try SettingsService(session: session).stored(try setting(key, catalog: catalog))
    }
}
