import DeskCore
import DeskStore

/// `BackupStorage` with SQLite's online backup API (`DatabaseCopy`).
final class SQLiteBackups: BackupStorage {
    let store: Store
    init(_ store: Store) { self.store = store }

    func backup(to destination: String, replace: Bool) throws -> [String: Int] {
        try mapped { try store.backup(to: destination, replace: replace) }
    }

    func verify(_ path: String) throws -> BackupSummary {
        try mapped { try DatabaseCopy.verify(path) }
    }

    func restore(from source: String) throws { try mapped { try store.restore(from: source) } }

    func otherProcesses() -> [Int32] { store.otherProcesses() }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DatabaseCopy.Failure {
            throw StorageError.badCopy(e.message)
        }
    }
}
