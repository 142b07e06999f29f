import Foundation
import Testing
import DeskCore
@_spi(RawSQL) @testable import DeskStore

/// The schema's CHECK constraints are frozen migration text; the domain lists live in DeskCore. This keeps the two
/// the same list: a new status or category in the core without a migration fails here.
@Suite struct CheckConstraintTests {
    /// The quoted values of `column … CHECK (column IN (…))` in the table's current CREATE statement.
    static func allowed(_ store: Store, table: String, column: String) throws -> [String] {
        let sql = try #require(try store.db.queryOne("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                                                      [.text(table)])?.string(0))
        let marker = "CHECK (\(column) IN ("
        let start = try #require(sql.range(of: marker)).upperBound
        let list = sql[start...].prefix { $0 != ")" }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "' ")) }
    }

    static func lineRange(_ store: Store, table: String) throws -> ClosedRange<Int>? {
        let sql = try store.db.queryOne("SELECT sql FROM sqlite_schema WHERE name = ?", [.text(table)])?.string(0) ?? ""
        guard let r = sql.range(of: "CHECK (line BETWEEN ") else { return nil }
        let parts = sql[r.upperBound...].prefix { $0 != ")" }.components(separatedBy: " AND ").compactMap { Int($0) }
        return parts.count == 2 ? parts[0]...parts[1] : nil
    }

    @Test func checkConstraintsAreTheCoreLists() throws {
        let store = try Store(path: ":memory:", create: true)
        #expect(try Self.allowed(store, table: "tickets", column: "category") == TicketCategory.names)
        #expect(try Self.allowed(store, table: "tickets", column: "status") == TicketStatus.names)
        #expect(try Self.allowed(store, table: "tickets", column: "priority") == TicketPriority.names)
        #expect(try Self.allowed(store, table: "sms_outbox", column: "status") == OutboxStatus.names)
        #expect(try Self.allowed(store, table: "operators", column: "role") == Operator.Role.allCases.map(\.rawValue))
        #expect(try Self.allowed(store, table: "registrations", column: "status") == Registration.Status.allCases.map(\.rawValue))
        #expect(try Self.allowed(store, table: "registrations", column: "sms_status") == Registration.SMSStatus.allCases.map(\.rawValue))
        #expect(try Self.allowed(store, table: "registrations", column: "kind") == Registration.Kind.allCases.map(\.rawValue))
        #expect(try Self.lineRange(store, table: "operators") == HotlineLine.range)
        #expect(try Self.lineRange(store, table: "tickets") == HotlineLine.range)
    }
}
