import DeskCore

/// A parameter sent to PostgreSQL. Every value goes as a bound parameter in text form (`PQexecPrepared` with
/// `paramFormats` 0): never spliced into SQL text.
public enum PGValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case bool(Bool)

    public static func of(_ s: String?) -> PGValue { s.map { .text($0) } ?? .null }
    public static func of(_ i: Int?) -> PGValue { i.map { .int(Int64($0)) } ?? .null }
    public static func of(_ b: Bool) -> PGValue { .bool(b) }

    /// The value's text form, as PostgreSQL's input functions read it; nil is SQL NULL.
    var wire: String? {
        switch self {
        case .null: return nil
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .text(let s): return s
        case .bool(let b): return b ? "t" : "f"
        }
    }
}

extension PGValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(nilLiteral: ()) { self = .null }
}

/// One row of a result, read by column position (text format).
public struct PGRow: Sendable, RecordColumns {
    let values: [String?]

    public func string(_ i: Int) -> String? { values[i] }
    public func int(_ i: Int) -> Int? { values[i].flatMap { Int($0) } }
    public func double(_ i: Int) -> Double? { values[i].flatMap { Double($0) } }
    /// PostgreSQL writes booleans `t`/`f`; integer flags read as true when non-zero.
    public func bool(_ i: Int) -> Bool {
        guard let v = values[i] else { return false }
        return v == "t" || v == "true" || (Int(v) ?? 0) != 0
    }
    public func isNull(_ i: Int) -> Bool { values[i] == nil }
    public var count: Int { values.count }
}
