import DeskCore

/// Whole-desk copies: a consistent copy made while operators keep working, its check, and putting one back.
public protocol BackupStorage: AnyObject {
    /// Writes a consistent copy to `destination`; the row count of every counted table, read in the copy's snapshot.
    func backup(to destination: String, replace: Bool) throws -> [String: Int]
    /// What a copy holds; throws `StorageError.badCopy` when it is not a usable desk copy.
    func verify(_ path: String) throws -> BackupSummary
    /// Replaces the live desk with the copy at `source`.
    func restore(from source: String) throws
    /// Other processes that have the desk open (a restore waits for none).
    func otherProcesses() -> [Int32]
}
