import CSQLite
import DeskCore

/// A value bound to or read from SQL. Parameters are always bound, never spliced into SQL text.
public enum SQLValue: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)

    public static func of(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
    public static func of(_ i: Int?) -> SQLValue { i.map { .int(Int64($0)) } ?? .null }
    public static func of(_ b: Bool?) -> SQLValue { b.map { .int($0 ? 1 : 0) } ?? .null }

    var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(nilLiteral: ()) { self = .null }
}

/// A prepared statement. https://sqlite.org/c3ref/stmt.html
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String
    public let columnNames: [String]

    init(database: Database, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw database.error(rc, sql: sql) }
        handle = stmt
        self.database = database
        self.sql = sql
        columnNames = (0..<sqlite3_column_count(stmt)).map { String(cString: sqlite3_column_name(stmt, $0)) }
    }

    deinit { sqlite3_finalize(handle) }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ values: [SQLValue]) throws {
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch v {
            case .null: rc = sqlite3_bind_null(handle, idx)
            case .int(let n): rc = sqlite3_bind_int64(handle, idx, n)
            case .double(let d): rc = sqlite3_bind_double(handle, idx, d)
            case .text(let s): rc = sqlite3_bind_text(handle, idx, s, -1, csqlite_transient())
            }
            if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
        }
    }

    /// Steps to the next row, or nil when done (the statement is then reset).
    public func next() throws -> Row? {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return Row(statement: self) }
        let err = rc == SQLITE_DONE ? nil : database.error(rc, sql: sql)
        sqlite3_reset(handle)
        if let err { throw err }
        return nil
    }

    public func runToEnd() throws {
        while try next() != nil {}
    }
}

/// One result row, copied out of the statement.
public struct Row: Sendable, RecordColumns {
    public let columns: [String]
    public let values: [SQLValue]

    init(statement: Statement) {
        let h = statement.handle
        columns = statement.columnNames
        values = (0..<Int32(columns.count)).map { i in
            switch sqlite3_column_type(h, i) {
            case SQLITE_INTEGER: return .int(sqlite3_column_int64(h, i))
            case SQLITE_FLOAT: return .double(sqlite3_column_double(h, i))
            case SQLITE_NULL: return .null
            default: return .text(String(cString: sqlite3_column_text(h, i)))
            }
        }
    }

    public func string(_ i: Int) -> String? {
        switch values[i] {
        case .text(let s): return s
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .null: return nil
        }
    }

    public func int(_ i: Int) -> Int? {
        switch values[i] {
        case .int(let n): return Int(n)
        case .double(let d): return Int(d)
        case .text(let s): return Int(s)
        case .null: return nil
        }
    }

    public func bool(_ i: Int) -> Bool { (int(i) ?? 0) != 0 }

    public func index(of name: String) -> Int? { columns.firstIndex(of: name) }
    public subscript(_ name: String) -> String? { index(of: name).flatMap { string($0) } }
    public func int(_ name: String) -> Int? { index(of: name).flatMap { int($0) } }
    public func bool(_ name: String) -> Bool { index(of: name).map { bool($0) } ?? false }
}
