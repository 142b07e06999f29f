import Crypto
import DeskStore
import Foundation

/// The SHA-256 of a backup, kept beside it as `DEST.sha256` in `sha256sum` format: SQLite's integrity check sees
/// a broken structure, not a changed byte inside a row, and this sees both (`sha256sum -c` checks it too).
enum FileDigest {
    static func sha256(of path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw UserFile.Failure.cannotRead(path) }
        defer { close(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw UserFile.Failure.cannotRead(path) }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func manifest(for path: String) -> String { path + ".sha256" }

    static func write(for path: String, digest: String) throws {
        let name = (path as NSString).lastPathComponent
        // Replaced, not rewritten in place: the old name may be a symlink someone else left there.
        unlink(manifest(for: path))
        let handle = try UserFile.createNew(manifest(for: path), mode: 0o640)
        try handle.write(contentsOf: Data("\(digest)  \(name)\n".utf8))
        try handle.close()
    }

    /// The digest written beside `path`, or nil when there is no manifest.
    static func recorded(for path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: manifest(for: path)) else { return nil }
        let text = String(decoding: try UserFile.read(manifest(for: path)), as: UTF8.self)
        let digest = text.prefix(64)
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw DeskError.invalid(.notAChecksum, ["path": .text(manifest(for: path))])
        }
        return String(digest).lowercased()
    }
}
