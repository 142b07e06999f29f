import Desk
import DeskCore

/// Findings for `show` and `call`, rendered the same way everywhere.
enum DiagnosisBridge {
    static func findings(_ session: Session, code: String) throws -> [Finding] { [] }

    static func json(_ f: Finding) -> JSONValue {
        .object([("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
                 ("action", .string(f.action)), ("kb", .string(f.kb))])
    }
}
