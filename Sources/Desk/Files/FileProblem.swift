/// Why a file could not be used, in storage-neutral terms: a file the user named, or the desk's own database. The
/// shell says it in the operator's language (its catalog has a text per case); `description` is the English form
/// for logs and other layers.
public enum FileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String)
    case cannotWrite(path: String, reason: String)
    /// The desk's database, log, shared memory or key, named where a user file was expected.
    case deskFile(path: String)
    case missingDatabase(path: String)
    case cannotOpenDatabase(path: String, reason: String)
    /// A `file:` URI given as the database.
    case uriDatabase(path: String)
    /// Readable or writable by every user: refused until the fix is applied.
    case worldAccessible(path: String, mode: Int)
    /// A log or shared-memory file only the desk's owner may make again.
    case companionMissing(path: String)

    /// Whether the desk itself cannot be used (exit 4), rather than one file the user named (exit 1).
    public var isDeskUnavailable: Bool {
        switch self {
        case .cannotRead, .cannotWrite, .deskFile: return false
        default: return true
        }
    }

    public var description: String {
        switch self {
        case .cannotRead(let p): return "cannot read \(p)"
        case .cannotWrite(let p, let reason): return "cannot write \(p): \(reason)"
        case .deskFile(let p): return "\(p) is one of the desk's own files (the database, its log or its key); choose another file"
        case .missingDatabase(let p): return "no database at \(p) (run `vssdesk init` to create it)"
        case .cannotOpenDatabase(let p, let reason): return "cannot open \(p): \(reason)"
        case .uriDatabase(let p): return "cannot open \(p): a URI is not accepted as the database; give a file path"
        case .worldAccessible(let p, let mode):
            return "\(p) can be read or written by every user (mode \(String(mode, radix: 8))); it holds citizens' "
                + "personal data, so vssdesk will not use it until an admin runs: chmod 660 \(p)"
        case .companionMissing(let p):
            return "\(p) is missing; the desk's admin (the owner of the database) runs any vssdesk command, e.g. "
                + "`vssdesk config list`, to recreate it"
        }
    }
}
