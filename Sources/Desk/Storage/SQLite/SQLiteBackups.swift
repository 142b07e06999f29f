import DeskCore
import DeskStore

/// `BackupStorage` with SQLite's online backup API (`DatabaseCopy`).
final class SQLiteBackups: BackupStorage {
    let db: Database
    init(_ db: Database) { self.db = db }

    func backup(to destination: String, replace: Bool) throws -> [String: Int] {
        try mapped { try DatabaseCopy.backup(db, to: destination, replace: replace) }
    }

    func verify(_ path: String) throws -> BackupSummary {
        try mapped { try DatabaseCopy.verify(path) }
    }

    func restore(from source: String) throws { try mapped { try DatabaseCopy.restore(db, from: source) } }

    func otherProcesses() -> [Int32] { DatabaseCopy.otherProcessesUsing(db) }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseCopy.Failure {
            throw StorageError.badCopy(e.message)
        }
    }
}
