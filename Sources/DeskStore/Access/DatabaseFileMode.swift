import Foundation

/// Safe modes for the desk's files whatever the umask (SPEC §13): the database, `-wal` and `-shm` 0660 (SQLite gives
/// the log and shared-memory files the database's own mode), and a database that every user could read or write is
/// refused with the command that fixes it.
enum DatabaseFileMode {
    static let mode: mode_t = 0o660

    static func prepare(path: String, create: Bool) throws {
        // Debian's SQLite reads `file:` names as URIs (SQLITE_USE_URI): `?nolock=1` or `?immutable=1` would let
        // one console write past the others' locks and corrupt the desk.
        if path.hasPrefix("file:") {
            throw StoreError.uriRefused(path: path)
        }
        var st = stat()
        if stat(path, &st) != 0 {
            guard errno == ENOENT else {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            guard create else { throw StoreError.missing(path: path) }
            // Made with the user's own rights: the desk's group must not let an operator create files in the desk's
            // folder (a planted `desk.sqlite-wal`, or a desk of their own beside the real one).
            let fd = DeskGroup.withoutDeskGroup { Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode) }
            guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            _ = fchmod(fd, mode)
            close(fd)
            return
        }
        if st.st_mode & 0o007 != 0 {
            throw StoreError.worldAccessible(path: path, mode: Int(st.st_mode & 0o777))
        }
        // Only the database's owner (the admin who ran init) or root may bring a missing log or shared-memory file
        // back: SQLite would create it owned by whoever opens the database next (root's SQLite hands it to the
        // owner), and an operator owning the log could read it without the desk's group.
        let uid = geteuid()
        if uid != 0, uid != st.st_uid {
            // stat, not access(2): access checks the real group, which does not reach the desk's directory.
            var other = stat()
            // SQLite names them after the resolved path (a symlinked --db shares the desk's log).
            let base = DeskGroup.resolve(path) ?? path
            for companion in [base + "-wal", base + "-shm"] where stat(companion, &other) != 0 && errno == ENOENT {
                throw StoreError.companionMissing(path: companion)
            }
        }
    }

    /// A log or shared-memory file left by an older version (or created under another mode) is brought to 0660
    /// when it is ours to change.
    static func tightenCompanions(path: String) {
        for companion in [path + "-wal", path + "-shm"] {
            var st = stat()
            guard stat(companion, &st) == 0, st.st_uid == geteuid(), st.st_mode & 0o007 != 0 else { continue }
            _ = chmod(companion, mode)
        }
    }
}
