import DeskCore

/// Reads one Markdown article with its front matter (`id`, `title`, `tags: [...]`, `rules: [...]`).
public enum ArticleParser {
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: DeskMessage
        init(file: String, line: Int, _ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) {
            self.file = file
            self.line = line
            message = DeskMessage(key, arguments)
        }
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, file: String, knownRules: Set<String>) throws -> KBArticle {
        let lines = text.nfc.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw Problem(file: file, line: 1, .kbNoFrontMatter)
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw Problem(file: file, line: 1, .kbFrontMatterOpen)
        }
        var fields: [String: (value: String, line: Int)] = [:]
        for i in 1..<end {
            let raw = lines[i]
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let colon = raw.firstIndex(of: ":") else {
                throw Problem(file: file, line: i + 1, .kbExpectedKeyValue)
            }
            let key = raw[..<colon].trimmingCharacters(in: .whitespaces)
            let value = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard ["id", "title", "tags", "rules"].contains(key) else {
                throw Problem(file: file, line: i + 1, .kbUnknownKey, ["key": .text(key)])
            }
            fields[key] = (value, i + 1)
        }
        for key in ["id", "title"] where (fields[key]?.value ?? "").isEmpty {
            throw Problem(file: file, line: 1, .kbMissingKey, ["key": .text(key)])
        }
        func list(_ key: String) throws -> [String] {
            guard let f = fields[key] else { return [] }
            guard f.value.hasPrefix("["), f.value.hasSuffix("]") else {
                throw Problem(file: file, line: f.line, .kbNotAList, ["key": .text(key)])
            }
            return f.value.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let id = fields["id"]!.value
        guard id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw Problem(file: file, line: fields["id"]!.line, .kbBadID, ["id": .text(id)])
        }
        let rules = try list("rules")
        if let bad = rules.first(where: { !knownRules.contains($0) }) {
            throw Problem(file: file, line: fields["rules"]!.line, .kbUnknownRule, ["rule": .text(bad)])
        }
        let body = lines[(end + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return KBArticle(id: id, title: fields["title"]!.value, tags: try list("tags"), rules: rules, body: body, path: file)
    }
}
