import DeskCore

/// Reads one Markdown article with its front matter (`id`, `title`, `tags: [...]`, `rules: [...]`).
public enum ArticleParser {
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, file: String, knownRules: Set<String>) throws -> KBArticle {
        let lines = text.nfc.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw Problem(file: file, line: 1, message: "missing front matter (the file must start with a --- line)")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw Problem(file: file, line: 1, message: "front matter is not closed by a --- line")
        }
        var fields: [String: (value: String, line: Int)] = [:]
        for i in 1..<end {
            let raw = lines[i]
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let colon = raw.firstIndex(of: ":") else {
                throw Problem(file: file, line: i + 1, message: "expected `key: value`")
            }
            let key = raw[..<colon].trimmingCharacters(in: .whitespaces)
            let value = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["id", "title", "tags", "rules"].contains(key) else {
                throw Problem(file: file, line: i + 1, message: "unknown front-matter key \"\(key)\"")
            }
            fields[key] = (value, i + 1)
        }
        for key in ["id", "title"] where (fields[key]?.value ?? "").isEmpty {
            throw Problem(file: file, line: 1, message: "front matter has no \(key)")
        }
        func list(_ key: String) throws -> [String] {
            guard let f = fields[key] else { return [] }
            guard f.value.hasPrefix("["), f.value.hasSuffix("]") else {
                throw Problem(file: file, line: f.line, message: "\(key) must be a list like [a, b]")
            }
            return f.value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let id = fields["id"]!.value
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw Problem(file: file, line: fields["id"]!.line, message: "id \"\(id)\" must be lowercase ASCII words joined by -")
        }
        let rules = try list("rules")
        if let bad = rules.first(where: { !knownRules.contains($0) }) {
            throw Problem(file: file, line: fields["rules"]!.line, message: "unknown rule code \(bad)")
        }
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return KBArticle(id: id, title: fields["title"]!.value, tags: try list("tags"), rules: rules, body: body, path: file)
    }
}
