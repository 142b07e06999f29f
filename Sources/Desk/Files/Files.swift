import Foundation
import DeskStore

/// Files the operator names (scripts, reports, exports), opened with the user's own rights and never one of the
/// desk's own files: the shell's way to `UserFile`, which lives with the desk-group mechanism in DeskStore.
public enum Files {
    /// The bytes of `path`, read with the user's rights.
    public static func read(_ path: String) throws -> [UInt8] { try UserFile.read(path) }

    /// A new file at `path` with `mode` whatever the umask; refuses the desk's own files.
    public static func createForWriting(_ path: String, mode: mode_t = 0o600) throws -> FileHandle {
        try UserFile.createForWriting(path, mode: mode)
    }
}
