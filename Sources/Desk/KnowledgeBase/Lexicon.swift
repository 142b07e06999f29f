import Foundation
import DeskCore

/// The reviewed word lists beside the articles in `kb/`: `synonyms.tsv` (how callers write a word → how the articles
/// write it: "ko" → "không", "mk" → "mật khẩu", "chứng minh thư" → "cmnd") and `stopwords.txt` (words that carry no
/// topic: "tôi", "thì", "làm sao"). Both apply to questions and articles alike, so an article never needs to spell
/// out the texting forms. Entries are matched syllable by syllable (`Syllable.matches`): an entry written with
/// diacritics matches that spelling (either tone placement) and its unaccented form, never another accented word.
public struct Lexicon: Sendable {
    struct Rule: Sendable {
        var pattern: [Syllable]
        var replacement: [Syllable]
    }

    /// Synonym rules by the key of their first syllable, longest pattern first.
    private var rules: [String: [Rule]] = [:]
    /// Stop entries by the key of their first syllable, longest first.
    private var stops: [String: [[Syllable]]] = [:]

    public static let synonymsFile = "synonyms.tsv"
    public static let stopwordsFile = "stopwords.txt"
    public static let empty = Lexicon()

    /// One syllable of a normalised phrase, and whether it is a stop word.
    public struct Term: Equatable, Sendable {
        public var syllable: Syllable
        public var isStop: Bool
    }

    /// Parses both lists. A line that cannot be used is reported with file and line, and left out.
    public static func parse(synonyms: String, stopwords: String) -> (lexicon: Lexicon, problems: [DeskMessage]) {
        var lexicon = Lexicon()
        var problems: [DeskMessage] = []
        var seen: [[String]: (canonical: [String], line: Int)] = [:]
        var canonicals: [([String], Int)] = []
        for (n, raw) in lines(synonyms) {
            func report(_ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) {
                problems.append(problem("kb/\(synonymsFile)", n, key, arguments))
            }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                report(.synonymShape)
                continue
            }
            let pattern = syllables(fields[0]), replacement = syllables(fields[1])
            guard !pattern.isEmpty, !replacement.isEmpty else {
                report(.synonymEmpty)
                continue
            }
            let key = pattern.map(\.surface)
            if key == replacement.map(\.surface) {
                report(.synonymToItself, ["word": .text(fields[0])])
                continue
            }
            if let other = seen[key] {
                report(.synonymTwice, ["word": .text(fields[0]), "line": .int(other.line)])
                continue
            }
            seen[key] = (replacement.map(\.surface), n)
            canonicals.append((replacement.map(\.surface), n))
            lexicon.rules[pattern[0].key, default: []].append(Rule(pattern: pattern, replacement: replacement))
        }
        for (canonical, n) in canonicals where seen[canonical] != nil && seen[canonical]!.canonical != canonical {
            problems.append(problem("kb/\(synonymsFile)", n, .synonymChained, ["word": .text(canonical.joined(separator: " ")), "line": .int(seen[canonical]!.line)]))
        }
        var stopSeen: Set<[String]> = []
        for (n, raw) in lines(stopwords) {
            let entry = syllables(raw)
            let key = entry.map(\.surface)
            if entry.isEmpty {
                problems.append(problem("kb/\(stopwordsFile)", n, .stopwordEmpty))
            } else if !stopSeen.insert(key).inserted {
                problems.append(problem("kb/\(stopwordsFile)", n, .stopwordTwice, ["word": .text(raw)]))
            } else if seen[key] != nil {
                problems.append(problem("kb/\(stopwordsFile)", n, .stopwordIsVariant, ["word": .text(raw)]))
            } else {
                lexicon.stops[entry[0].key, default: []].append(entry)
            }
        }
        for k in lexicon.rules.keys { lexicon.rules[k]!.sort { $0.pattern.count > $1.pattern.count } }
        for k in lexicon.stops.keys { lexicon.stops[k]!.sort { $0.count > $1.count } }
        return (lexicon, problems)
    }

    /// `kb/FILE:LINE: what`, for the KB's editors.
    static func problem(_ file: String, _ line: Int, _ key: ServiceText, _ arguments: [String: DeskMessage.Argument] = [:]) -> DeskMessage {
        DeskMessage(ServiceText.kbProblem, ["place": .text("\(file):\(line)"), "problem": .message(DeskMessage(key, arguments))])
    }

    /// A phrase as the ranking sees it: synonyms replaced (longest variant first, left to right, each syllable
    /// rewritten at most once), then stop words marked.
    public func normalise(_ phrase: [Syllable]) -> [Term] {
        var words: [Syllable] = []
        var i = 0
        while i < phrase.count {
            if let rule = (rules[phrase[i].key] ?? []).first(where: { Self.matches($0.pattern, phrase, at: i) }) {
                words += rule.replacement
                i += rule.pattern.count
            } else {
                words.append(phrase[i])
                i += 1
            }
        }
        var terms = words.map { Term(syllable: $0, isStop: false) }
        i = 0
        while i < words.count {
            if let stop = (stops[words[i].key] ?? []).first(where: { Self.matches($0, words, at: i) }) {
                for j in i..<(i + stop.count) { terms[j].isStop = true }
                i += stop.count
            } else {
                i += 1
            }
        }
        return terms
    }

    private static func matches(_ pattern: [Syllable], _ words: [Syllable], at i: Int) -> Bool {
        guard i + pattern.count <= words.count else { return false }
        return pattern.indices.allSatisfy { words[i + $0].matches(pattern[$0]) }
    }

    private static func syllables(_ text: String) -> [Syllable] { Syllable.phrases(text).flatMap { $0 } }

    /// Numbered non-blank lines, `#` comments left out.
    private static func lines(_ text: String) -> [(Int, String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { i, line in
            let s = String(line).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : (i + 1, s)
        }
    }
}
