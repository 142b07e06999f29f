import Foundation

/// Files the user names (`-f`, `import`, `--skip-bad`, `report --html`, `\o`): opened with the user's own rights
/// (the desk's group is not held, see `DeskGroup`), never through a path that is the database, its `-wal`/`-shm` or
/// the key, and never quoted back: a message names the file, not what is in it (SPEC §13).
public enum UserFile {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case cannotRead(String)
        case cannotWrite(String, reason: String)
        case isDeskFile(String)

        public var description: String {
            switch self {
            case .cannotRead(let p): return "cannot read \(p)"
            case .cannotWrite(let p, let reason): return "cannot write \(p): \(reason)"
            case .isDeskFile(let p): return "\(p) is one of the desk's own files (the database, its log or its key); choose another file"
            }
        }
    }

    struct Identity: Equatable { var device: UInt64; var inode: UInt64 }

    /// The database, WAL, SHM and key of the open desk, by identity (device and inode) so that a symlink or a
    /// second name does not get around the refusal. Recorded when the desk opens them (with its group held: the
    /// desk's directory may not even be searchable by the user).
    nonisolated(unsafe) private static var protectedFiles: [Identity] = []
    nonisolated(unsafe) private static var protectedNames: Set<String> = []
    /// Tests open many desks on several threads at once.
    private static let lock = NSLock()

    /// Marks `path` (when it exists) as one of the desk's own files.
    public static func protect(_ path: String) {
        let id = identity(path)
        lock.lock()
        defer { lock.unlock() }
        protectedNames.insert(path)
        if let id, !protectedFiles.contains(id) { protectedFiles.append(id) }
    }

    /// For tests that play the desk and then a user handing one of its files to another desk.
    static func unprotect(_ path: String) {
        let id = identity(path)
        lock.lock()
        defer { lock.unlock() }
        protectedNames.remove(path)
        protectedFiles.removeAll { $0 == id }
    }

    static func isProtected(identity id: Identity) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return protectedFiles.contains(id)
    }

    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    public static func isProtected(_ path: String) -> Bool {
        lock.lock()
        let named = protectedNames.contains(path)
        lock.unlock()
        if named { return true }
        guard let id = identity(path) else { return false }
        return isProtected(identity: id)
    }

    /// The whole file, read with the user's rights. Fails with "cannot read FILE" for anything the user could not
    /// read without vssdesk (and for the desk's own files, whoever asks).
    public static func read(_ path: String) throws -> [UInt8] {
        if isProtected(path) { throw Failure.isDeskFile(path) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.cannotRead(path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG || (st.st_mode & S_IFMT) == S_IFIFO
                || (st.st_mode & S_IFMT) == S_IFCHR else { throw Failure.cannotRead(path) }
        var out: [UInt8] = []
        if st.st_size > 0 { out.reserveCapacity(Int(st.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = Foundation.read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw Failure.cannotRead(path) }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// A file that must not exist yet, made beside one the user named (a backup's checksum): never through a
    /// symlink planted under that name, whoever can write the folder.
    public static func createNew(_ path: String, mode: mode_t = 0o600) throws -> FileHandle {
        if isProtected(path) { throw Failure.isDeskFile(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode)
        guard fd >= 0 else { throw Failure.cannotWrite(path, reason: String(cString: strerror(errno))) }
        _ = fchmod(fd, mode)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Creates (or truncates) `path` for writing with the user's rights and `mode` (for a new file, whatever the
    /// umask). Refuses the desk's own files and anything that is not a regular file or a terminal/pipe.
    public static func createForWriting(_ path: String, mode: mode_t = 0o600) throws -> FileHandle {
        if isProtected(path) { throw Failure.isDeskFile(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, mode)
        guard fd >= 0 else { throw Failure.cannotWrite(path, reason: String(cString: strerror(errno))) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { close(fd); throw Failure.cannotWrite(path, reason: "cannot stat") }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFREG {
            // Checked again on the open descriptor: the path may have been swapped between stat and open.
            if isProtected(identity: Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))) {
                close(fd)
                throw Failure.isDeskFile(path)
            }
            if st.st_uid == geteuid(), st.st_size == 0 { _ = fchmod(fd, mode) }
            _ = ftruncate(fd, 0)
        } else if kind != S_IFIFO && kind != S_IFCHR {
            close(fd)
            throw Failure.cannotWrite(path, reason: "not a regular file")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}
