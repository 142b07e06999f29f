/// The names of one family of texts (a rule's findings, a service's refusals): each case is a key of the shell's
/// catalogs, whose raw value is the key itself. `CaseIterable`, so a test can say every one of them in every language.
public protocol MessageKey: RawRepresentable, CaseIterable, Sendable where RawValue == String {}

/// Something vssdesk says to a person, as the name of a text and the values it names (SPEC §14). Code below the shell
/// never writes a sentence: the shell's catalog writes this one in the operator's language. `description` is the
/// key and its values, for logs and test failures.
public struct DeskMessage: Sendable, Equatable, CustomStringConvertible {
    /// A value put into the text, kept in its own terms until the shell writes it the language's way.
    public enum Argument: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
        ExpressibleByStringInterpolation {
        /// Said as it is: a code, a masked number, a path, a name, what was typed.
        case text(String)
        /// A count, grouped the language's way (`1.234` in Vietnamese).
        case int(Int)
        /// A machine value said by its name in the catalog (`value.<group>.<raw>`): `.value("ticket", "open")`.
        case value(group: String, raw: String)
        /// Several machine values of one group, named and joined with commas.
        case values(group: String, raws: [String])
        /// A calendar date `YYYY-MM-DD`, written `dd/MM/yyyy` for people.
        case date(String)
        /// A stored instant (`…Z`), written in desk time, `dd/MM/yyyy HH:mm`.
        case time(String)
        /// Office minutes (`960 phút`).
        case minutes(Int)
        /// A text inside the text.
        case message(DeskMessage)
        /// Texts joined the language's way: `, `, `; `, "and", or each on an indented line of its own.
        case list([DeskMessage], Joiner)

        public enum Joiner: String, Sendable { case comma, semicolon, and, lines }

        public init(stringLiteral s: String) { self = .text(s) }
        public init(integerLiteral n: Int) { self = .int(n) }
        public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    }

    /// The catalog key (`MessageKey.rawValue`).
    public let key: String
    public let arguments: [String: Argument]

    public init<K: MessageKey>(_ key: K, _ arguments: [String: Argument] = [:]) {
        self.key = key.rawValue
        self.arguments = arguments
    }

    /// Whether this is the text `key` (tests and callers that branch on what was said).
    public func `is`<K: MessageKey>(_ key: K) -> Bool { self.key == key.rawValue }

    public var description: String {
        guard !arguments.isEmpty else { return key }
        return key + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.plain)" }.joined(separator: ", ") + ")"
    }
}

extension DeskMessage.Argument {
    /// The value without language, for `description`.
    var plain: String {
        switch self {
        case .text(let s), .date(let s), .time(let s): return s
        case .int(let n), .minutes(let n): return String(n)
        case .value(_, let raw): return raw
        case .values(_, let raws): return raws.joined(separator: ", ")
        case .message(let m): return m.description
        case .list(let ms, _): return "[" + ms.map(\.description).joined(separator: "; ") + "]"
        }
    }
}

extension DeskMessage {
    /// The same message with every `.text` value (nested ones too) passed through `transform`: e.g. the masked
    /// numbers of a finding shown in full on an open call.
    public func mapText(_ transform: (String) -> String) -> DeskMessage {
        DeskMessage(key: key, arguments: arguments.mapValues { $0.mapText(transform) })
    }

    init(key: String, arguments: [String: Argument]) {
        self.key = key
        self.arguments = arguments
    }
}

extension DeskMessage.Argument {
    func mapText(_ transform: (String) -> String) -> DeskMessage.Argument {
        switch self {
        case .text(let s): return .text(transform(s))
        case .message(let m): return .message(m.mapText(transform))
        case .list(let ms, let joiner): return .list(ms.map { $0.mapText(transform) }, joiner)
        default: return self
        }
    }
}
