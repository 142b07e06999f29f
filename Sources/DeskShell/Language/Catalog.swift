import DeskCore

/// The name of one text in the catalogs (`command.call`, `renderer.rows`): code names a text, never writes it.
public struct TextKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }
    public var description: String { name }
}

/// A value put into a text: numbers are written the language's way (`1.234` in Vietnamese, `1,234` in English).
public enum TextArgument: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case text(String)
    case int(Int)
    /// A number with a fixed count of decimals (`12,5` in Vietnamese).
    case decimal(Double, places: Int)

    public init(stringLiteral s: String) { self = .text(s) }
    public init(integerLiteral n: Int) { self = .int(n) }

    var count: Int? {
        if case .int(let n) = self { return n }
        return nil
    }
}

/// One language's texts (SPEC §14): one table per language, the same keys in each. A template names its values
/// `{name}` (or `{0}`, `{1}` by position) and chooses a word by a count with `{n|row|rows}` (the first form when
/// the count is 1); Vietnamese has no plural and simply writes `{n} dòng`.
public struct Catalog: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public static let vi = Catalog(.vi)
    public static let en = Catalog(.en)

    /// Every language's table, for the completeness test.
    public static func table(_ language: Language) -> [String: String] {
        switch language {
        case .vi: return viAll
        case .en: return enAll
        }
    }

    /// The texts, the names of machine values (DisplayNames.swift) and what the services, rules, PostgreSQL
    /// commands and the report say (Texts/), one table per language.
    static let viAll = merged([vietnamese, vietnameseValues, shellVietnamese, serviceVietnamese, findingVietnamese,
                               vietnamesePostgres, reportVietnamese, vietnameseAudit, vietnameseObjects])
    static let enAll = merged([english, englishValues, shellEnglish, serviceEnglish, findingEnglish,
                               englishPostgres, reportEnglish, englishAudit, englishObjects])

    private static func merged(_ parts: [[String: String]]) -> [String: String] {
        var all: [String: String] = [:]
        for part in parts { all.merge(part) { a, _ in a } }
        return all
    }

    /// The template of `key`. A key missing from this language (which the catalog test forbids) falls back to
    /// another language, and a key missing everywhere prints as nothing: the console never shows a raw key.
    public func template(_ key: TextKey) -> String {
        if let t = Self.table(language)[key.name] { return t }
        for other in Language.allCases where other != language {
            if let t = Self.table(other)[key.name] { return t }
        }
        return ""
    }

    public func text(_ key: TextKey, _ named: [String: TextArgument] = [:]) -> String {
        Self.fill(template(key), named, language: language)
    }

    public func text(_ key: TextKey, _ positional: TextArgument...) -> String {
        var named: [String: TextArgument] = [:]
        for (i, a) in positional.enumerated() { named[String(i)] = a }
        return Self.fill(template(key), named, language: language)
    }

    /// `1234` → `1.234` (vi) or `1,234` (en).
    public func number(_ n: Int) -> String { Self.grouped(n, language: language) }

    /// `47.5` with 2 places → `47,50` (vi) or `47.50` (en).
    public func decimal(_ d: Double, places: Int) -> String { Self.format(.decimal(d, places: places), language: language) }

    static func grouped(_ n: Int, language: Language) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(language == .vi ? "." : ",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func format(_ a: TextArgument, language: Language) -> String {
        switch a {
        case .text(let s): return s
        case .int(let n): return grouped(n, language: language)
        case .decimal(let d, let places):
            let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
            let scaled = Int((d * scale).rounded())
            let whole = grouped(scaled / Int(scale), language: language)
            guard places > 0 else { return whole }
            var frac = String(abs(scaled) % Int(scale))
            while frac.count < places { frac = "0" + frac }
            return whole + (language == .vi ? "," : ".") + frac
        }
    }

    /// Replaces `{name}` and `{name|one|other}`; a brace that names no value is kept as it is.
    static func fill(_ template: String, _ args: [String: TextArgument], language: Language) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let inner = rest[rest.index(after: open)..<close]
            let parts = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if let a = args[parts[0]] {
                if parts.count == 3 { out += a.count == 1 ? parts[1] : parts[2] } else { out += format(a, language: language) }
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The names a template uses (`{n}`, `{n|…|…}`), for the test that both languages fill the same values.
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let inner = rest[rest.index(after: open)..<close]
            if let name = inner.split(separator: "|").first, name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
