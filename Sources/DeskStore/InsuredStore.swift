import DeskCore

/// The reference extract of insured persons (`insured`).
public final class InsuredStore {
    let db: Database
    let nameTerms: NameTermStore
    init(_ db: Database) {
        self.db = db
        nameTerms = NameTermStore(db)
    }

    static let selectColumns = """
        i.bhxh_code, i.full_name, i.dob, i.gender, i.id_number, i.phone, i.address, i.card_number, i.agency_code, i.synthetic
        """

    static func person(from row: Row) -> InsuredPerson { InsuredPerson(columns: row) }

    /// Inserts or updates by mã số BHXH; returns true when new.
    @discardableResult
    public func upsert(_ p: InsuredPerson, bulk: BulkLoad? = nil) throws -> Bool {
        let values: [SQLValue] = [.text(p.bhxhCode), .text(p.fullName), .text(Folding.fold(p.fullName)), .of(p.dob),
                                  .of(p.gender?.rawValue), .of(p.idNumber), .of(p.phone), .of(p.address),
                                  .of(p.cardNumber), .of(p.agencyCode), .of(p.synthetic)]
        try nameTerms.record(fullName: p.fullName, folded: values[2].text ?? "", bulk: bulk)
        let inserted = try db.run("""
            INSERT INTO insured(bhxh_code, full_name, name_folded, dob, gender, id_number, phone, address, card_number,
                agency_code, synthetic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            ON CONFLICT(bhxh_code) DO NOTHING
            """, values) > 0
        if !inserted {
            let before = try bulk?.existing(code: p.bhxhCode)
            defer { if let bulk, let before { try? bulk.reindex(id: before.id, old: (before.folded, before.full), new: (Folding.fold(p.fullName), p.fullName)) } }
            try db.run("""
                UPDATE insured SET full_name = ?2, name_folded = ?3, dob = ?4, gender = ?5, id_number = ?6, phone = ?7,
                    address = ?8, card_number = ?9, agency_code = ?10, synthetic = ?11 WHERE bhxh_code = ?1
                """, values)
        }
        return inserted
    }

    public func get(_ code: String) throws -> InsuredPerson? {
        try db.queryOne("SELECT \(Self.selectColumns) FROM insured i WHERE i.bhxh_code = ?", [.text(code)]).map(Self.person)
    }

    public func countAll() throws -> Int { try db.scalarInt("SELECT count(*) FROM insured") }

    /// Whether the extract has been loaded at all (NOT_IN_REGISTRY only fires then).
    public func isLoaded() throws -> Bool { try db.queryOne("SELECT 1 FROM insured LIMIT 1") != nil }

    /// Insured persons without a registration whose `key` is `value`.
    public func unregistered(by key: InsuredKey, value: String, limit: Int) throws -> [InsuredPerson] {
        let column = switch key {
        case .bhxhCode: "bhxh_code"
        case .idNumber: "id_number"
        case .phone: "phone"
        }
        return try db.query("""
            SELECT \(Self.selectColumns) FROM insured i WHERE i.\(column) = ?1
              AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code) LIMIT ?2
            """, [.text(value), .int(Int64(limit))]).map(Self.person)
    }

    public func searchNamesUnregistered(match: String, limit: Int) throws -> [InsuredPerson] {
        try db.query("""
            SELECT \(Self.selectColumns) FROM insured_fts f JOIN insured i ON i.id = f.rowid
            WHERE insured_fts MATCH ?1 AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code)
            LIMIT ?2
            """, [.text(match), .int(Int64(limit))]).map(Self.person)
    }
}
