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
            throw DeskError.invalid(.notAKeyFile, ["path": .text(source)])
        }
        let target = keyPath(forDatabase: path)
        try DeskGroup.withDeskGroup {
            _ = unlink(target + "-before-restore")
            _ = link(target, target + "-before-restore")
            let partial = target + ".\(getpid()).tmp"
            try writeKeyFile(String(hex.prefix(64)), to: partial)
            guard rename(partial, target) == 0 else {
                unlink(partial)
                throw DeskError.unavailable(.keyCannotReplace, ["path": .text(target)])
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
        try writeKeyFile(hex, to: destination)
    }
}
