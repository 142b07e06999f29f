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
            throw StorageError.badCopy(Self.message(e))
        }
    }

    static func message(_ f: DatabaseCopy.Failure) -> DeskMessage {
        switch f {
        case .exists(let p): return DeskMessage(ServiceText.fileExists, ["path": .text(p)])
        case .cannotWrite(let p, let reason): return DeskMessage(ServiceText.copyCannotWrite, ["path": .text(p), "reason": .text(reason)])
        case .cannotRead(let p): return DeskMessage(ServiceText.copyCannotRead, ["path": .text(p)])
        case .notSQLite(let p): return DeskMessage(ServiceText.copyNotSQLite, ["path": .text(p)])
        case .integrity(let p, let problems): return DeskMessage(ServiceText.copyIntegrity, ["path": .text(p), "problems": .text(problems)])
        case .notVssdesk(let p): return DeskMessage(ServiceText.notVssdeskDatabase, ["path": .text(p)])
        case .schemaTooNew(let p, let version, let known):
            return DeskMessage(ServiceText.copySchemaTooNew, ["path": .text(p), "version": .int(version), "known": .int(known)])
        case .chainBroken(let p, let row): return DeskMessage(ServiceText.copyChainBroken, ["path": .text(p), "row": .text(String(row))])
        case .pageSize(let p, let copy, let desk):
            return DeskMessage(ServiceText.copyPageSize, ["path": .text(p), "copy": .int(copy), "desk": .int(desk)])
        case .cannotCopy(let reason): return DeskMessage(ServiceText.copyCannotCopy, ["reason": .text(reason)])
        }
    }
}
