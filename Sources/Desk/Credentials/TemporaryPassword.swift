import Crypto
import DeskStore
import Foundation

/// Temporary passwords: drawn from the system CSPRNG, stored only as a salted keyed hash.
///
/// HMAC-SHA256 rather than a slow password hash (bcrypt, Argon2): those exist to slow down guessing of passwords
/// people choose. These are 12 characters drawn uniformly from 56 unambiguous symbols (≈ 69.7 bits) and live 72
/// hours, so guessing is hopeless without the per-install key anyway, and a bulk resend after an SMS outage must
/// queue 100,000 of them quickly.
public enum TemporaryPassword {
    /// No 0/O, 1/l/I: a caller reads it off a phone screen.
    public static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789")
    public static let length = 12

    public static var entropyBits: Double { Double(length) * log2(Double(alphabet.count)) }

    public static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    public static func salt() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }

    public static func hash(_ password: String, salt: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((salt + ":" + password).utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    public static func verify(_ password: String, salt: String, hash expected: String, key: SymmetricKey) -> Bool {
        let actual = Data(hash(password, salt: salt, key: key).utf8)
        let wanted = Data(expected.utf8)
        guard actual.count == wanted.count else { return false }
        return zip(actual, wanted).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The per-install HMAC key, kept outside the database file (beside it, `<db>.key`, mode 0640: readable by the
/// `vssdesk` group that a setgid binary runs as, never by other users), so a copy of the
/// database alone cannot check a guessed password.
public enum InstallKey {
    /// Keys already read by this process (one file read per process, not per resend), behind a lock.
    nonisolated(unsafe) private static var cache: [String: SymmetricKey] = [:]
    private static let lock = NSLock()

    static func lockedCacheReset() {
        lock.lock()
        cache.removeAll()
        lock.unlock()
    }

    /// The key of the desk `storage` opens: beside a SQLite file, or the install's shared key for a server desk.
    public static func load(for storage: any DeskStorage) throws -> SymmetricKey {
        let keyPath = storage.installKeyPath
        let owner = keyPath == self.keyPath(forDatabase: storage.location) ? storage.location
            : (keyPath as NSString).deletingLastPathComponent
        return try load(keyPath: keyPath, owner: owner)
    }

    public static func load(forDatabase path: String) throws -> SymmetricKey {
        try load(keyPath: keyPath(forDatabase: path), owner: path)
    }

    /// `owner` is the file whose owner may create a missing key (the database file; for a server desk, the key's folder).
    static func load(keyPath: String, owner path: String) throws -> SymmetricKey {
        lock.lock()
        defer { lock.unlock() }
        if let key = cache[keyPath] { return key }
        // The key is one of the files the desk's group is held for (SPEC §13), when it is the desk's own: beside
        // the desk's database, in a folder the user cannot write. The key of a desk an operator made themselves is
        // read with their own rights, so a symlink there to the real key gives them nothing.
        let resolved = DeskGroup.resolve(keyPath) ?? keyPath
        let load = { () throws -> SymmetricKey in
            let key = try loadOrCreate(keyPath, database: path)
            UserFile.protect(keyPath)
            return key
        }
        let key = try DeskGroup.isDeskFile(resolved) ? DeskGroup.withDeskGroup(load) : load()
        cache[keyPath] = key
        return key
    }

    /// `<db>.key`; `VSSDESK_KEY_FILE` moves it for root only (another key would let a user forge or check hashes).
    public static func keyPath(forDatabase path: String) -> String {
        if let moved = rootOverride { return moved }
        return (DeskGroup.resolve(path) ?? path) + ".key"
    }

    /// A server desk's key, the same on every console machine (the admin copies it there, like the binary):
    /// `<prefix>/etc/vssdesk/server.key` beside the installed executable the kernel ran (not argv[0]).
    public static func serverKeyPath() -> String {
        if let moved = rootOverride { return moved }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let prefix = ((exe as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        return (prefix as NSString).appendingPathComponent("etc/vssdesk/server.key")
    }

    private static var rootOverride: String? {
        if getuid() == 0, let v = getenv("VSSDESK_KEY_FILE"), v.pointee != 0 { return String(cString: v) }
        return nil
    }

    private static func loadOrCreate(_ keyPath: String, database: String) throws -> SymmetricKey {
        if let key = try read(keyPath) { return key }
        // `init` makes the key as the desk's owner; one made later by an operator's process would be that
        // operator's file, readable by them without the desk's group.
        var st = stat()
        if getuid() != 0, stat(database, &st) == 0, st.st_uid != geteuid() {
            throw DeskError.unavailable(.keyMissing, ["path": .text(keyPath)])
        }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        // Two consoles may make their first resend at the same moment: the key is written whole to a private file
        // and then linked into place, which fails if another process got there first; that one's key is used. A
        // reader never sees a half-written key file.
        let tmp = keyPath + ".\(getpid()).\(UUID().uuidString).tmp"
        defer { unlink(tmp) }
        do {
            try writeKeyFile(hex, to: tmp)
        } catch {
            throw DeskError.unavailable(.keyCannotCreate, ["path": .text(keyPath)])
        }
        if link(tmp, keyPath) == 0 { return SymmetricKey(data: bytes) }
        if errno == EEXIST, let key = try read(keyPath) { return key }
        throw DeskError.unavailable(.keyCannotCreate, ["path": .text(keyPath)])
    }

    /// A new file holding `text`, 0640 whatever the umask (readable by the desk's group, never by other users),
    /// synced before it is used; an existing file is never overwritten.
    static func writeKeyFile(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw FileProblem.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, 0o640)
        let written = text.withCString { Foundation.write(fd, $0, strlen($0)) }
        let synced = fsync(fd)
        close(fd)
        guard written == text.utf8.count, synced == 0 else {
            unlink(path)
            throw FileProblem.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func read(_ keyPath: String) throws -> SymmetricKey? {
        // Never through a symlink: the key is a plain file beside its database.
        let fd = open(keyPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw DeskError.unavailable(.keyCannotRead, ["path": .text(keyPath)])
        }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = Foundation.read(fd, &buffer, buffer.count)
        close(fd)
        guard n > 0, let hex = String(bytes: buffer[0..<n], encoding: .utf8) else {
            throw DeskError.unavailable(.keyDamaged, ["path": .text(keyPath)])
        }
        let bytes = stride(from: 0, to: hex.count - 1, by: 2).compactMap { i -> UInt8? in
            let s = hex.index(hex.startIndex, offsetBy: i)
            return UInt8(hex[s...hex.index(after: s)], radix: 16)
        }
        guard bytes.count == 32 else { throw DeskError.unavailable(.keyDamaged, ["path": .text(keyPath)]) }
        return SymmetricKey(data: bytes)
    }
}
