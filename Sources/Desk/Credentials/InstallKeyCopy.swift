import Crypto
import DeskStore
import Foundation

/// The key travels with a backup (`DEST.key`, 0640): without it no temporary password in the copy can be checked.
extension InstallKey {
    /// Writes the desk's key beside a backup, with the user's own rights.
    public static func copy(forDatabase path: String, to destination: String) throws {
        let key = try load(forDatabase: path)
        try writeKey(key, to: destination)
    }

    /// Puts the key kept beside a backup in place of the desk's (the old one is kept as `KEY-before-restore`).
    public static func install(from source: String, forDatabase path: String) throws {
        let bytes = try UserFile.read(source)
        guard let hex = String(bytes: bytes, encoding: .utf8), hex.count >= 64,
              hex.prefix(64).allSatisfy(\.isHexDigit) else {
            throw DeskError.invalid("\(source) is not a vssdesk key file")
        }
        let target = keyPath(forDatabase: path)
        try DeskGroup.withDeskGroup {
            _ = unlink(target + "-before-restore")
            _ = link(target, target + "-before-restore")
            let partial = target + ".\(getpid()).tmp"
            try writeText(String(hex.prefix(64)), to: partial)
            guard rename(partial, target) == 0 else {
                unlink(partial)
                throw DeskError.unavailable("cannot replace the key file \(target)")
            }
        }
        forget()
    }

    /// Drops keys read earlier by this process (after a restore put another in place).
    public static func forget() {
        lockedCacheReset()
    }

    static func writeKey(_ key: SymmetricKey, to destination: String) throws {
        let hex = key.withUnsafeBytes { Array($0) }.map { String(format: "%02x", $0) }.joined()
        try writeText(hex, to: destination)
    }

    private static func writeText(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw DeskError.invalid("cannot write \(path): \(String(cString: strerror(errno)))") }
        _ = fchmod(fd, 0o640)
        let written = text.withCString { Foundation.write(fd, $0, strlen($0)) }
        let synced = fsync(fd)
        close(fd)
        guard written == text.utf8.count, synced == 0 else {
            unlink(path)
            throw DeskError.invalid("cannot write \(path)")
        }
    }
}
