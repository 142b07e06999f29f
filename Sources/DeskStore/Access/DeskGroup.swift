import CProcess
import Foundation

/// The desk's group of a setgid install (SPEC §13): held only while the database, its `-wal`/`-shm` files and the
/// key are opened. `dropAtStart` puts the effective group back to the real one before anything else runs, so every
/// file the user names and every child process (pager, SMS gateway) gets the user's own rights; `withDeskGroup`
/// raises it again (the saved set-group-ID keeps it reachable) for the few opens that need it.
///
/// A child started after `dropAtStart` cannot regain the group: execve copies the effective group into the saved
/// set-group-ID (execve(2)), and the gateway is spawned with POSIX_SPAWN_RESETIDS besides.
public enum DeskGroup {
    /// The group the binary was installed setgid to, or nil when it is not setgid (a developer's build).
    public private(set) nonisolated(unsafe) static var deskGID: gid_t?

    /// Call first thing in `main`: from here on the process runs with the user's own group.
    public static func dropAtStart() {
        // Temporary passwords pass through this process's memory: no core file, and no ptrace by other processes
        // of the same user (prctl(2) PR_SET_DUMPABLE).
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        _ = vss_set_not_dumpable()
        let real = getgid(), effective = getegid()
        guard real != effective else { return }
        deskGID = effective
        if setegid(real) != 0 {
            // Keeping the desk's group for everything would undo the whole boundary; refuse to run instead.
            FileHandle.standardError.write(Data("error: cannot drop the desk group (setegid failed)\n".utf8))
            exit(4)
        }
    }

    /// Runs `body` with the desk's group as the effective group (a no-op when not installed setgid).
    public static func withDeskGroup<T>(_ body: () throws -> T) rethrows -> T {
        // Nested calls keep the group until the outermost one ends.
        guard let desk = deskGID, getegid() != desk else { return try body() }
        let real = getgid()
        guard setegid(desk) == 0 else { return try body() }
        defer { _ = setegid(real) }
        return try body()
    }

    /// Runs `body` with the user's own group even inside `withDeskGroup` (creating a new database: only someone
    /// who may create files in that folder themselves makes a desk there).
    public static func withoutDeskGroup<T>(_ body: () throws -> T) rethrows -> T {
        guard let desk = deskGID, getegid() == desk else { return try body() }
        _ = setegid(getgid())
        defer { _ = setegid(desk) }
        return try body()
    }

    /// `path` with every symlink resolved (read with the desk's group, which the desk's folder may need), or nil
    /// when it does not exist. SQLite names the log and shared-memory files after this resolved path.
    public static func resolve(_ path: String) -> String? {
        withDeskGroup {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    /// Whether the resolved `path` is one of the desk's own files, the only ones the group is raised for: a regular
    /// file of the desk's group in a folder that neither it nor any folder above it lets the user write (so the
    /// user cannot swap a name between this check and the open, nor slip in a file or a symlink of their own).
    /// Always true when the binary is not installed setgid: then the group changes nothing.
    public static func isDeskFile(_ resolved: String) -> Bool {
        guard let desk = deskGID else { return true }
        return withDeskGroup {
            var st = stat()
            guard lstat(resolved, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_gid == desk else { return false }
            var child = resolved
            var childOwner = st.st_uid
            while child != "/" && !child.isEmpty {
                let folder = (child as NSString).deletingLastPathComponent
                // access(2) checks the real ids: what the user could do without vssdesk. A folder they may write is
                // still safe when it is sticky (like /tmp) and the entry below it is not theirs: they cannot rename
                // or replace it there.
                var f = stat()
                guard stat(folder, &f) == 0 else { return false }
                if access(folder, W_OK) == 0 && !((f.st_mode & S_ISVTX) != 0 && childOwner != getuid()) { return false }
                child = folder
                childOwner = f.st_uid
            }
            return true
        }
    }

    /// Whether the process currently holds the desk group effectively (for tests and assertions).
    public static var holdsDeskGroup: Bool { deskGID != nil && getegid() == deskGID }
}
