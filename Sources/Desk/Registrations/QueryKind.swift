import DeskCore

/// What a search query is (SPEC §4): decided from its shape alone, before touching the database.
public enum QueryKind: Equatable, Sendable {
    case bhxhCode(String)
    case card(CardNumber)
    case personalID(String)
    case phone(String)
    case name(words: [String], exactWords: [String])

    public var label: String {
        switch self {
        case .bhxhCode: return "bhxh_code"
        case .card: return "card"
        case .personalID(let s): return s.utf8.count == 12 ? "cccd" : (s.utf8.count == 9 ? "cmnd" : "passport")
        case .phone: return "phone"
        case .name: return "name"
        }
    }

    /// Longest query text considered; a caller's name is never longer, and FTS work stays bounded.
    public static let maxLength = 200

    public static func detect(_ raw: String) -> QueryKind {
        let query = String(raw.nfc.prefix(maxLength))
        let compact = query.unicodeScalars.filter { !" .-\t".unicodeScalars.contains($0) }.map(Character.init)
        let s = String(compact)
        let digits = !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && s.count == 10 {
            if s.hasPrefix("0"), Phone(s).kind == .mobile { return .phone(s) }
            return .bhxhCode(s)
        }
        if let c = CardNumber(s) { return .card(c) }
        if digits && (s.count == 12 || s.count == 9) { return .personalID(s) }
        if s.count == 8, case .passport(let p)? = PersonalID(s) { return .personalID(p) }
        if Phone.looksLikePhone(query) {
            let p = Phone(query)
            return .phone(p.kind == .oldMobile ? (p.suggestedNew ?? p.normalized) : p.normalized)
        }
        let words = Folding.words(query).filter { !$0.contains("?") || $0.count > 1 }
        let exact = query.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        return .name(words: Array(words.prefix(8)), exactWords: Array(exact.prefix(8)))
    }
}
