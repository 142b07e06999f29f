import Foundation
@testable import DeskShell
import DeskCore

/// How the language tests read a text (SPEC §14): the words a person reads, without what is the same in every language
/// (command syntax, flags, machine values, codes), and the words that give the wrong language away.
enum LanguageWords {
    /// English words no Vietnamese sentence needs: function words, and the nouns and verbs of vssdesk's own English
    /// texts. `in` (Vietnamese "in", print), `an` (công an, an toàn), `a` and `line` (the seed writes `máy lẻ/line`) are
    /// left out on purpose.
    static let english: Set<String> = [
        "the", "and", "of", "to", "for", "with", "is", "are", "this", "that", "from", "or", "not", "show", "list",
        "when", "one", "each", "by", "on", "at", "all", "every", "only", "if", "be", "it", "its", "their",
        "your", "you", "what", "which", "how", "new", "after", "before", "until", "without", "would", "will",
        "was", "were", "has", "have", "had", "been", "can", "cannot", "must", "needs", "need", "already", "again",
        "there", "here", "no", "yes", "none", "more", "than", "into", "about", "some", "any", "first", "last",
        "ticket", "tickets", "registration", "registrations", "caller", "operator", "operators", "found", "open",
        "opened", "closed", "resolved", "pending", "queued", "sent", "failed", "error", "errors", "warning", "unknown",
        "invalid", "valid", "number", "phone", "date", "name", "code", "password", "rows", "row", "results", "result",
        "minutes", "minute", "time", "article", "articles", "usage", "note", "held", "waiting", "changed", "nothing",
        "interrupted", "refused", "locked", "missing", "damaged", "copy", "file", "setting", "settings", "value",
        "language", "languages", "status", "agency", "category", "priority", "summary", "resolution", "assigned",
        "registered", "approved", "rejected", "submitted", "active", "created", "database", "busy", "try", "give",
        "use", "see", "run", "type", "read", "write", "add", "call", "calls", "left", "overdue", "level", "rule",
        "finding", "declared", "declaration", "photo", "photos", "mobile", "landline", "card", "birth", "gender",
    ]

    /// Machine values, command words and setting keys, the same in both languages (`--to rejected`, `--by rule`,
    /// `language = vi`).
    static let machineValues: Set<String> = {
        var values = Set(Catalog.valueGroups.values.joined()).union(Catalog.timelineGroups.values.joined())
        values.formUnion(Setting.allCases.map(\.key))
        values.formUnion(["rule", "status", "agency", "day", "week", "line", "operator", "category", "registrations", "insured"])
        return values
    }()

    /// Command lines as an operator types them: a command of the table and what follows it on the line.
    static let commandPattern: String = {
        let names = CommandTable.all.map(\.name).filter { $0.contains(" ") || ["resend", "search", "show", "call", "diagnose", "check"].contains($0) }
            .sorted { $0.count > $1.count }.map { NSRegularExpression.escapedPattern(for: $0) }
        // Its arguments: words with a digit, a capital, a hyphen, a quote or `#` (`7912345678`, `dang-nhap`, `"…"`).
        return #"\b("# + names.joined(separator: "|") + ##")( (?=[^\s;,)\]]*[-0-9A-Z"#…])[^\s;,)\]]+)*"##
    }()

    /// Text that reads the same in every language: `backticked` command syntax and command lines, flags and their
    /// machine values, `key=value` terms, `a|b` value lists, upper-case codes (`SMS_FAILED`, `BHXH`, `YYYY-MM-DD`),
    /// `snake_case` names and psql's `\x`.
    static func withoutSyntax(_ text: String) -> String {
        var s = text
        // A file path is data (a test's own folder has a random UUID in it: "…-46BE-…" is not the word "be").
        for pattern in [#"(?<![\w])/[^\s,;)”]+"#, #"`[^`]*`"#, #"\{[a-z]+\}"#, #"[a-z_-]+=[^\s,;)]*"#, #"[a-z]+(\|[a-z]+)+"#, #"\b[A-Z][A-Z0-9_]{1,}\b"#,
                        #"\b[a-z0-9]+(_[a-z0-9]+)+\b"#, #"\\[a-z]+"#, commandPattern] {
            s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        // A flag, and the machine value after it.
        let flag = try! NSRegularExpression(pattern: #"--[a-z-]+( ([a-z_-]+))?"#)
        var out = ""
        var rest = s[...]
        for m in flag.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            let whole = Range(m.range, in: s)!
            out += s[rest.startIndex..<whole.lowerBound]
            if let r = Range(m.range(at: 2), in: s), !machineValues.contains(String(s[r])) { out += " " + s[r] }
            out += " "
            rest = s[whole.upperBound...]
        }
        out += rest
        // A setting key or a machine value on its own (`config list`, a table's status column).
        return out.replacingOccurrences(of: machineWord, with: " ", options: .regularExpression)
    }

    static let machineWord = #"\b("# + machineValues.filter { $0.allSatisfy { $0.isLetter || $0 == "_" } }.sorted().joined(separator: "|") + #")\b"#

    /// The English words left in a Vietnamese text.
    static func englishIn(_ vietnamese: String) -> [String] {
        withoutSyntax(vietnamese).lowercased().split { !$0.isLetter }.map(String.init).filter(english.contains)
    }

    /// Vietnamese terms of art and names an English text keeps (SPEC §14: `mã số BHXH`; the desk's agency; the
    /// languages by their own names; the values a CSV may hold), and what it quotes (“VssID's own button labels”).
    static let keptInEnglish = [#"mã số BHXH"#, #"Quận 6"#, #"tiếng Việt"#, #"có/không"#, #"Nam/Nữ"#, #"“[^”]*”"#]

    /// The words with a Vietnamese letter left in an English text (after `keptInEnglish` and `data`, the names and
    /// typed notes a transcript shows as they are).
    static func vietnameseIn(_ english: String, data: [String] = []) -> [String] {
        var s = english.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        for d in data where !d.isEmpty { s = s.replacingOccurrences(of: d, with: " ") }
        for pattern in keptInEnglish { s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression) }
        return s.split { !$0.isLetter }.map(String.init).filter { $0.unicodeScalars.contains { $0.value > 0x7F } }
    }

    /// A catalog key printed instead of its text (`desk.noTicket`, `value.status.open`).
    static func rawKeys(_ text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(desk|finding|identity|setting|value|column|field|timeline|command|flag|group)\.[a-z][A-Za-z.]*"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }
}
