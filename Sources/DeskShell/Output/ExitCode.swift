import Desk

/// The exit codes of SPEC §9, part of the interface: 0 success, 1 a failed command, 2 usage, 3 not allowed,
/// 4 the database unavailable. Every error reaches its code and its message here and nowhere else.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let notAllowed: Int32 = 3
    static let unavailable: Int32 = 4

    /// The one message and exit code for an error of any layer (storage errors are mapped by `DeskError.from`).
    static func of(_ raw: Error) -> (code: Int32, message: String) {
        switch DeskError.from(raw) {
        case let e as DeskError:
            switch e {
            case .usage: return (usage, e.description)
            case .notAllowed: return (notAllowed, e.description)
            case .unavailable: return (unavailable, e.description)
            default: return (failure, e.description)
            }
        case let e as StorageError:
            if case .busy = e { return (unavailable, e.description) }
            return (failure, e.description)
        case let e: return (failure, "\(e)")
        }
    }

    /// A desk that cannot be opened, or whose operators cannot be read, is unavailable whatever the reason.
    static func opening(_ error: Error) -> (code: Int32, message: String) {
        let (code, message) = of(error)
        return (code == failure ? unavailable : code, message)
    }
}
