import DeskCore

/// Converts one CSV cell to a stored value, or says why it cannot be stored. A reason names the column and the
/// problem, never the value: the file may be one the user should not read, and its rows may hold secrets (SPEC §13).
enum FieldParsers {
    struct Failure: Error {
        let reason: DeskMessage
        init(_ key: ServiceText, column: String, _ arguments: [String: DeskMessage.Argument] = [:]) {
            reason = DeskMessage(key, arguments.merging(["column": .text(column)]) { a, _ in a })
        }
    }

    static func bhxhCode(_ s: String, column: String) throws -> String {
        let t = s.trimmed
        guard !t.isEmpty else { throw Failure(.fieldMissing, column: column) }
        guard let c = BhxhCode(t) else { throw Failure(.fieldTenDigits, column: column) }
        return c.value
    }

    static func optionalCode(_ s: String, column: String) throws -> String? {
        s.trimmed.isEmpty ? nil : try bhxhCode(s, column: column)
    }

    static func text(_ s: String) -> String? {
        let t = s.nfcCollapsed
        return t.isEmpty ? nil : t
    }

    static func date(_ s: String, column: String) throws -> String? {
        let t = s.trimmed
        if t.isEmpty { return nil }
        guard let d = DateText.parseDate(t) else {
            throw Failure(.fieldNotADate, column: column)
        }
        return d
    }

    static func instant(_ s: String, column: String) throws -> String? {
        let t = s.trimmed
        if t.isEmpty { return nil }
        // Already in the stored form (UTC, `…Z`, seconds): keep the text once it parses.
        if t.utf8.count == 20, t.utf8.last == UInt8(ascii: "Z"), DateText.parseInstant(t) != nil { return t }
        guard let d = DateText.parseInstant(t) else {
            throw Failure(.fieldNotATime, column: column)
        }
        return DateText.format(d)
    }

    static func bool(_ s: String, column: String) throws -> Bool {
        switch Folding.fold(s) {
        case "", "0", "false", "no", "khong", "n", "f": return false
        case "1", "true", "yes", "co", "y", "t": return true
        default: throw Failure(.fieldNotABoolean, column: column)
        }
    }

    static func gender(_ s: String, column: String) throws -> Gender? {
        if s.trimmed.isEmpty { return nil }
        guard let g = Gender(parsing: s) else { throw Failure(.fieldNotAGender, column: column) }
        return g
    }

    /// ID numbers are kept as declared, without the separators people type (`079 123 456 789`).
    static func idNumber(_ s: String) -> String? {
        let t = String(s.nfc.unicodeScalars.filter { !" .-\t".unicodeScalars.contains($0) }.map(Character.init)).uppercased()
        return t.isEmpty ? nil : t
    }

    /// Phones are normalised to national form when they are digits at all (`+84 90…` → `090…`); anything else is
    /// kept as typed so diagnosis can show it.
    static func phone(_ s: String) -> String? {
        let t = s.trimmed
        if t.isEmpty { return nil }
        let p = Phone(t)
        return p.normalized.allSatisfy(\.isNumber) && !p.normalized.isEmpty ? p.normalized : t
    }

    static func oneOf<T: RawRepresentable & CaseIterable>(_ s: String, column: String, default value: T) throws -> T where T.RawValue == String {
        let t = s.trimmed.lowercased()
        if t.isEmpty { return value }
        guard let v = T(rawValue: t) else { throw Failure(.fieldOneOf, column: column, ["values": .text(T.allCases.map(\.rawValue).joined(separator: ", "))]) }
        return v
    }
}
