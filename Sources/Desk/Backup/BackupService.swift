import Foundation
import DeskCore
import DeskStore

/// `backup DEST` and `restore SRC` (admins): a verified copy made while operators keep working, and putting one
/// back with the current file kept beside it.
public struct BackupService {
    let session: Session
    public init(session: Session) { self.session = session }

    public struct Result: Sendable {
        public var path: String
        public var summary: BackupSummary
        public var keyPath: String?
        public var seconds: Double
        /// Where the desk's file before a restore was kept.
        public var keptAs: String?
        /// Whether the copy matched a checksum file (`backup` always writes one).
        public var checksummed = true
    }

    public func backup(to destination: String, replace: Bool, withKey: Bool) throws -> Result {
        try session.require(.admin, for: "backup")
        if UserFile.isProtected(destination) || UserFile.isProtected(destination + ".key") {
            throw UserFile.Failure.isDeskFile(destination)
        }
        let keyPath = destination + ".key"
        if withKey, !replace, FileManager.default.fileExists(atPath: keyPath) {
            throw DeskError.invalid(.fileExists, ["path": .text(keyPath)])
        }
        let started = Date()
        let backups = session.storage.backups
        let counts = try mapped { try backups.backup(to: destination, replace: replace) }
        let summary: BackupSummary
        do {
            summary = try mapped { try backups.verify(destination) }
            guard summary.counts == counts else {
                throw DeskError.invalid(.copyDiffers, ["path": .text(destination)])
            }
        } catch {
            unlink(destination)
            throw error
        }
        try FileDigest.write(for: destination, digest: try FileDigest.sha256(of: destination))
        if withKey {
            if replace { unlink(keyPath) }
            try InstallKey.copy(forDatabase: session.storage.location, to: keyPath)
        }
        try session.storage.transaction {
            try session.audit("backup", target: destination, detail: Self.describe(summary, [("key", withKey ? "1" : "0")]))
        }
        return Result(path: destination, summary: summary, keyPath: withKey ? keyPath : nil,
                      seconds: Date().timeIntervalSince(started), keptAs: nil)
    }

    public func restore(from source: String) throws -> Result {
        try session.require(.admin, for: "restore")
        let started = Date()
        // The checksum first: a copy changed anywhere, even inside a row, is refused before anything is touched.
        var checksummed = false
        if let recorded = try FileDigest.recorded(for: source) {
            guard try FileDigest.sha256(of: source) == recorded else {
                throw DeskError.invalid(.checksumMismatch, ["path": .text(source), "manifest": .text(FileDigest.manifest(for: source))])
            }
            checksummed = true
        }
        let backups = session.storage.backups
        let summary = try mapped { try backups.verify(source) }
        let others = backups.otherProcesses()
        guard others.isEmpty else {
            throw DeskError.unavailable(.othersOpen, ["pids": .text(others.map(String.init).joined(separator: ", "))])
        }
        let live = session.storage.location
        let kept = live + "-before-restore"
        try mapped { try backups.backup(to: kept, replace: true) }
        try mapped { try backups.restore(from: source) }
        var keyPath: String?
        if FileManager.default.fileExists(atPath: source + ".key") {
            try InstallKey.install(from: source + ".key", forDatabase: live)
            keyPath = source + ".key"
        }
        try session.storage.transaction {
            try session.audit("restore", target: source, detail: Self.describe(summary, free: ("kept", kept)))
        }
        return Result(path: source, summary: summary, keyPath: keyPath, seconds: Date().timeIntervalSince(started), keptAs: kept,
                      checksummed: checksummed)
    }

    /// The audit row's detail: what the copy holds (`registrations=… tickets=… audit=…`), in no language.
    static func describe(_ s: BackupSummary, _ more: [(String, String?)] = [], free: (String, String?)? = nil) -> String {
        TimelineDetail.make([("registrations", String(s.counts["registrations"] ?? 0)), ("tickets", String(s.counts["tickets"] ?? 0)),
                             ("audit", String(s.counts["audit"] ?? 0))] + more, free: free)
    }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw DeskError.from(error)
        }
    }
}
