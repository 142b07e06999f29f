import Desk

/// Key/value settings (`config`); validation is DeskCore's `Setting`.
final class PGSettingsStore: SettingsStorage {
    let db: PGConnection
    init(_ db: PGConnection) { self.db = db }

    func get(_ key: String) throws -> String? {
        try db.queryOne("SELECT value FROM config WHERE key = $1", [.text(key)])?.string(0)
    }

    func set(_ key: String, _ value: String) throws {
        try db.run("INSERT INTO config(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                   [.text(key), .text(value)])
    }

    func unset(_ key: String) throws { try db.run("DELETE FROM config WHERE key = $1", [.text(key)]) }

    func all() throws -> [(String, String)] {
        try db.query("SELECT key, value FROM config ORDER BY key").map { ($0.string(0)!, $0.string(1)!) }
    }
}
