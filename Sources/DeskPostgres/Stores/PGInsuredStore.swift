import Desk
import DeskCore

/// The reference extract of insured persons (`insured`) on PostgreSQL, as DeskStore's InsuredStore. Its name
/// search (`searchNamesUnregistered`) is in `Registrations/PGNameSearch.swift`.
final class PGInsuredStore: InsuredStorage {
    let db: PGConnection
    let terms: PGNameTerms

    init(_ db: PGConnection, terms: PGNameTerms) {
        self.db = db
        self.terms = terms
    }

    convenience init(_ db: PGConnection) { self.init(db, terms: PGNameTerms(db)) }

    static let upsertSQL: String = {
        let updates = PGInsuredRows.columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO insured(\(PGInsuredRows.columns.joined(separator: ", "))) VALUES (\(PGSQL.placeholders(PGInsuredRows.columns.count)))
            ON CONFLICT (bhxh_code) DO UPDATE SET \(updates) RETURNING (xmax = 0)
            """
    }()

    @discardableResult
    func upsert(_ p: InsuredPerson, bulk: (any BulkLoading)?) throws -> Bool {
        if let load = bulk as? PGBulkLoad, load.table == .insured { return try load.add(p) }
        try terms.note(fullName: p.fullName, folded: Folding.fold(p.fullName))
        return try db.queryOne(Self.upsertSQL, PGInsuredRows.parameters(p))?.bool(0) ?? false
    }

    func get(_ code: String) throws -> InsuredPerson? {
        try db.queryOne("SELECT \(PGInsuredRows.selectColumns) FROM insured i WHERE i.bhxh_code = $1", [.text(code)])
            .map { PGInsuredRows.person($0) }
    }

    func countAll() throws -> Int { try db.queryOne("SELECT count(*) FROM insured")?.int(0) ?? 0 }

    /// Whether the extract has been loaded at all (NOT_IN_REGISTRY only fires then).
    func isLoaded() throws -> Bool { try db.queryOne("SELECT 1 FROM insured LIMIT 1") != nil }

    /// People without a registration whose `key` is `value`, in id order (SQLite's index order for one key).
    func unregistered(by key: InsuredKey, value: String, limit: Int) throws -> [InsuredPerson] {
        let column = switch key {
        case .bhxhCode: "bhxh_code"
        case .idNumber: "id_number"
        case .phone: "phone"
        }
        return try db.query("""
            SELECT \(PGInsuredRows.selectColumns) FROM insured i WHERE i.\(column) = $1
              AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code) ORDER BY i.id LIMIT $2
            """, [.text(value), .int(Int64(limit))]).map { PGInsuredRows.person($0) }
    }
}
