import Foundation
import DeskStore

/// The `--skip-bad FILE` output: the header and every rejected row exactly as they were in the input, each followed
/// by a reason column. Created through `UserFile` (the user's own rights, mode 0600 whatever the umask, never one of
/// the desk's files), since it holds the rejected rows' personal data.
final class BadRowsFile {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []

    init(path: String, header: ArraySlice<UInt8>) throws {
        do {
            handle = try UserFile.createForWriting(path, mode: 0o600)
        } catch {
            throw DeskError.from(error)
        }
        self.path = path
        buffer += header
        buffer += Array(",reason\n".utf8)
    }

    /// One rejected row: its original bytes, then the reason, quoted per RFC 4180.
    func write(_ row: ArraySlice<UInt8>, reason: String) throws {
        buffer += row
        buffer += Array(",\"".utf8)
        buffer += Array(reason.replacingOccurrences(of: "\"", with: "\"\"").utf8)
        buffer += Array("\"\n".utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw FileProblem.cannotWrite(path: path, reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try? handle.close()
    }
}
