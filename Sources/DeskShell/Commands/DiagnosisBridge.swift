import Desk
import DeskCore

/// Findings for `show` and `call`, rendered the same way everywhere.
enum DiagnosisBridge {
    static func findings(_ session: Session, code: String) throws -> [Finding] {
        try DiagnosisService(session: session).diagnose(code, audit: false).1
    }

    static func json(_ f: Finding) -> JSONValue {
        .object([("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("message", .string(f.message)),
                 ("action", .string(f.action)), ("kb", .string(f.kb))])
    }

    static func table(_ findings: [Finding], title: String? = "Chẩn đoán", catalog: Catalog = .vi) -> CommandOutput.Table {
        CommandOutput.Table(title: title, columns: RegistrationViews.columns(["severity", "rule", "message", "action", "kb"], catalog),
                            rows: findings.map { [catalog.name($0.severity), $0.rule, $0.message, $0.action, $0.kb] }, wrapped: [2, 3])
    }

    /// Findings as lines an operator reads top to bottom (wrapped by display width), for the call screen.
    static func lines(_ findings: [Finding], width: Int, catalog: Catalog = .vi) -> [String] {
        if findings.isEmpty { return ["✓ Không phát hiện lỗi nào."] }
        var out: [String] = []
        for f in findings {
            let mark = f.severity == .error ? "✗" : f.severity == .warning ? "!" : "·"
            out.append("\(mark) \(f.rule) (\(catalog.name(f.severity)))")
            for l in DisplayWidth.wrap(f.message, width: max(20, width - 4)) { out.append("    " + l) }
            // Many actions already end in their article's `kb show ID`: name it once.
            let link = "kb show \(f.kb)"
            out.append("    → \(f.action)" + (f.kb.isEmpty || f.action.contains(link) ? "" : "   [\(link)]"))
        }
        return out
    }
}
