/// The languages the console speaks (SPEC §14). Vietnamese is the default whatever `LANG` says: a server's `LANG`
/// is usually C or English, and the operators read Vietnamese.
public enum Language: String, CaseIterable, Sendable {
    case vi, en

    public static let `default` = Language.vi

    /// The name of the language in itself, for messages that list the choices.
    public var endonym: String {
        switch self {
        case .vi: return "tiếng Việt"
        case .en: return "English"
        }
    }

    /// Reads `VSSDESK_LANG` (or a stored setting): absent or empty is the default; anything else must be a code
    /// of `allCases`, whatever its case.
    public static func resolve(_ value: String?) throws -> Language {
        guard let raw = value?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return .default }
        guard let language = Language(rawValue: raw.lowercased()) else { throw UnknownLanguage(value: raw) }
        return language
    }

    /// "vi (tiếng Việt), en (English)".
    public static var choices: String { allCases.map { "\($0.rawValue) (\($0.endonym))" }.joined(separator: ", ") }
}

/// A language code vssdesk has no catalog for.
public struct UnknownLanguage: Error, Sendable, Equatable {
    public let value: String
    public init(value: String) { self.value = value }
}
