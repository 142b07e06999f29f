import Desk
import DeskCore

/// Findings for `show` and `call`, rendered the same way everywhere.
enum DiagnosisBridge {
    static func findings(_ session: Session, code: String) throws -> [Finding] {
        try DiagnosisService(session: session).diagnose(code, audit: false).1
    }

    /// JSON keeps the rule code, severity and article id; `message` and `action` are the texts in the operator's
    /// language, as on the screen.
    static func json(_ f: Finding, _ catalog: Catalog) -> JSONValue {
        .object([("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("message", .string(catalog.say(f.message))),
                 ("action", .string(catalog.say(f.action))), ("kb", .string(f.kb))])
    }

    /// Findings as lines an operator reads top to bottom (wrapped by display width), for the call screen.
    static func lines(_ findings: [Finding], width: Int, catalog: Catalog) -> [String] {
        if findings.isEmpty { return [catalog.text("diagnosis.none")] }
        var out: [String] = []
        for f in findings {
            let mark = f.severity == .error ? "✗" : f.severity == .warning ? "!" : "·"
            out.append("\(mark) \(f.rule) (\(catalog.name(f.severity)))")
            for l in DisplayWidth.wrap(catalog.say(f.message), width: max(20, width - 4)) { out.append("    " + l) }
            // Many actions already end in their article's `kb show ID`: name it once.
            let link = "kb show \(f.kb)"
            let action = catalog.say(f.action)
            out.append("    → \(action)" + (f.kb.isEmpty || action.contains(link) ? "" : "   [\(link)]"))
        }
        return out
    }
}
