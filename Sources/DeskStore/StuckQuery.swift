import DeskCore

/// The `error` rules of diagnosis that SQL can express exactly, so `diagnose --stuck` counts a million
/// registrations in one scan instead of running every rule in Swift. Rules evaluated here, in SQL:
/// NOT_IN_REGISTRY, NAME_MISMATCH (letters differ), ID_INVALID, ID_INCONSISTENT, ID_MISMATCH, PHONE_INVALID,
/// PHONE_SHARED, PHOTO_MISSING, WRONG_AGENCY, REJECTED, SMS_FAILED, PARENT_NO_ACCOUNT, CHILD_HAS_OWN_ID,
/// MINOR_WITHOUT_ID. The warning rules (NAME_NO_DIACRITICS, diacritics-only NAME_MISMATCH,
/// DECLARATION_NOT_FORWARDED, PENDING_TOO_LONG, NEVER_LOGGED_IN) never make a registration "stuck" and are only
/// evaluated in Swift by `diagnose CODE`; nor does any rule on an `active` account (see `Diagnosis.WhenActive`).
/// Every listed row is confirmed by the Swift rules; a test checks that the
/// SQL counts equal the Swift rules' counts on the demo data.
public struct StuckQuery {
    public let criteria: StuckCriteria
    var deskAgency: String { criteria.deskAgency }
    var today: String { criteria.today }
    var insuredLoaded: Bool { criteria.insuredLoaded }

    public init(_ criteria: StuckCriteria) { self.criteria = criteria }

    public init(deskAgency: String, today: String, insuredLoaded: Bool) {
        self.init(StuckCriteria(deskAgency: deskAgency, today: today, insuredLoaded: insuredLoaded))
    }

    /// Province codes are our own reference data, never user input, so they may be written into the SQL text.
    static let provinceList = ReferenceData.cccdProvinces.keys.sorted().map { "'\($0)'" }.joined(separator: ",")
    static let digits12 = String(repeating: "[0-9]", count: 12)
    static let digits9 = String(repeating: "[0-9]", count: 9)
    static let digits7 = String(repeating: "[0-9]", count: 7)

    /// Parameters: ?1 desk agency, ?2 today (YYYY-MM-DD), ?3 insured extract loaded (0/1).
    public static var sqlRules: [String] { predicates.map(\.rule) }

    /// The rules' predicates with the active-account policy of `Diagnosis.WhenActive` applied: an error that is a
    /// warning or nothing on an active account does not count one.
    static let predicates: [(rule: String, sql: String)] = rulePredicates.map { p in
        Diagnosis.stuckWhenActive(p.rule) ? p : (p.rule, "r.status <> 'active' AND (\(p.sql))")
    }

    static let rulePredicates: [(rule: String, sql: String)] = [
        ("NOT_IN_REGISTRY", "?3 = 1 AND i.id IS NULL"),
        ("NAME_MISMATCH", "i.id IS NOT NULL AND r.name_folded <> i.name_folded"),
        ("ID_INVALID", """
            NOT (coalesce(r.id_number, '') = '' AND (r.kind = 'child' OR r.dob > date(?2, '-18 years')))
            AND NOT (r.id_number GLOB '\(digits9)' OR (r.id_number GLOB '\(digits12)' AND substr(r.id_number, 1, 3) IN (\(provinceList)))
                     OR r.id_number GLOB '[A-Z]\(digits7)')
            """),
        ("ID_INCONSISTENT", """
            r.id_number GLOB '\(digits12)' AND (substr(r.id_number, 1, 3) NOT IN (\(provinceList))
              OR (r.gender IN ('M','F') AND (CAST(substr(r.id_number, 4, 1) AS INTEGER) % 2 = 0) <> (r.gender = 'M'))
              OR (r.dob IS NOT NULL AND 1900 + CAST(substr(r.id_number, 4, 1) AS INTEGER) / 2 * 100
                  + CAST(substr(r.id_number, 5, 2) AS INTEGER) <> CAST(substr(r.dob, 1, 4) AS INTEGER)))
            """),
        ("ID_MISMATCH", "coalesce(r.id_number, '') <> '' AND coalesce(i.id_number, '') <> '' AND r.id_number <> i.id_number"),
        ("PHONE_INVALID", """
            NOT (r.phone GLOB '0[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND (r.phone GLOB '03*' OR r.phone GLOB '07[06-9]*'
                 OR r.phone GLOB '05[1689]*' OR r.phone GLOB '052[238]*' OR r.phone GLOB '0559*' OR r.phone GLOB '08[1-8]*'
                 OR r.phone GLOB '089[6-9]*' OR r.phone GLOB '09[0-8]*' OR r.phone GLOB '099[013-9]*'))
            """),
        ("PHONE_SHARED", """
            r.kind = 'self' AND coalesce(r.phone, '') <> '' AND EXISTS (SELECT 1 FROM registrations o WHERE o.phone = r.phone
              AND o.kind = 'self' AND o.bhxh_code <> r.bhxh_code AND o.bhxh_code IS NOT r.parent_bhxh_code)
            """),
        ("PHOTO_MISSING", """
            (r.kind = 'self' AND (r.photo_portrait = 0 OR ((r.photo_id_front = 0 OR r.photo_id_back = 0)
               AND NOT (r.id_number GLOB '\(digits12)' AND r.id_number = i.id_number))))
            OR (r.kind = 'child' AND r.photo_birth_cert = 0)
            """),
        ("WRONG_AGENCY", "coalesce(r.agency_code, '') <> ?1"),
        ("REJECTED", "r.status = 'rejected'"),
        ("SMS_FAILED", "r.status IN ('approved','credentials_sent') AND r.sms_status = 'failed'"),
        ("PARENT_NO_ACCOUNT", "r.kind = 'child' AND (p.id IS NULL OR p.status NOT IN ('approved','credentials_sent','active'))"),
        ("CHILD_HAS_OWN_ID", """
            r.kind = 'child' AND (coalesce(r.id_number, '') <> '' OR i.id_number GLOB '\(digits12)' OR r.dob <= date(?2, '-18 years'))
            """),
        ("MINOR_WITHOUT_ID", "r.kind = 'self' AND coalesce(r.id_number, '') = '' AND r.dob > date(?2, '-18 years')"),
    ]

    static let from = """
        FROM registrations r LEFT JOIN insured i ON i.bhxh_code = r.bhxh_code
        LEFT JOIN registrations p ON p.bhxh_code = r.parent_bhxh_code
        """

    var parameters: [SQLValue] { [.text(deskAgency), .text(today), .int(insuredLoaded ? 1 : 0)] }

    func predicate(rule: String?) -> String {
        let chosen = Self.predicates.filter { rule == nil || $0.rule == rule }
        return chosen.isEmpty ? "0" : chosen.map { "(\($0.sql))" }.joined(separator: " OR ")
    }

    /// Per-rule counts and the number of registrations with at least one error, in one pass over the table: the
    /// subquery evaluates each rule once per row, and its `LIMIT -1` keeps SQLite from flattening it back into the
    /// sums, which would evaluate every rule twice (https://sqlite.org/optoverview.html#flattening, rule 15).
    public func countsAndTotal(_ db: Database, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) {
        let row = try db.queryOne(Self.countsSQL(agencyFilter: "(?4 IS NULL OR r.agency_code = ?4)"), parameters + [.of(agency)])
        let counts = Self.predicates.enumerated().map { ($0.element.rule, row?.int($0.offset) ?? 0) }
        return (counts, row?.int(Self.predicates.count) ?? 0)
    }

    public func countsByRule(_ db: Database, agency: String?) throws -> [(rule: String, count: Int)] {
        try countsAndTotal(db, agency: agency).counts
    }

    static func countsSQL(agencyFilter: String) -> String {
        let flags = predicates.enumerated().map { "(\($0.element.sql)) AS f\($0.offset)" }.joined(separator: ",\n")
        let sums = predicates.indices.map { "sum(f\($0))" }.joined(separator: ", ")
        let any = predicates.indices.map { "f\($0)" }.joined(separator: " OR ")
        return "SELECT \(sums), sum(\(any)) FROM (SELECT \(flags) \(from) WHERE \(agencyFilter) LIMIT -1)"
    }

    /// The per-rule counts and total as plain SQL with this query's own settings written in, so the benchmark can run
    /// the same work in the stock sqlite3 shell. Not for user input: the values are the desk's agency code and a date.
    public func inlinedCountsSQL() -> String {
        Self.countsSQL(agencyFilter: "1")
            .replacingOccurrences(of: "?1", with: "'\(deskAgency)'")
            .replacingOccurrences(of: "?2", with: "'\(today)'")
            .replacingOccurrences(of: "?3", with: insuredLoaded ? "1" : "0") + ";"
    }

    public func countStuck(_ db: Database, rule: String?, agency: String?) throws -> Int {
        try db.scalarInt("SELECT count(*) \(Self.from) WHERE (\(predicate(rule: rule))) AND (?4 IS NULL OR r.agency_code = ?4)",
                         parameters + [.of(agency)])
    }

    public func candidates(_ db: Database, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] {
        try db.query("""
            SELECT \(RegistrationStore.selectColumns) \(Self.from)
            WHERE (\(predicate(rule: rule))) AND (?4 IS NULL OR r.agency_code = ?4) AND (?5 IS NULL OR r.bhxh_code > ?5)
            ORDER BY r.bhxh_code LIMIT ?6
            """, parameters + [.of(agency), .of(after), .int(Int64(limit))]).map(RegistrationStore.registration)
    }
}

/// `diagnose --stuck` below the seam: the service passes the criteria, the SQL stays here.
extension RegistrationStore {
    /// The error rules these queries narrow by.
    public var stuckRules: [String] { StuckQuery.sqlRules }

    /// Registrations some SQL-expressible error rule (or `rule`) flags, in mã số order after `after`.
    public func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] {
        try StuckQuery(c).candidates(db, rule: rule, agency: agency, after: after, limit: limit)
    }

    /// Per-rule counts and the number with at least one error, in one scan.
    public func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) {
        try StuckQuery(c).countsAndTotal(db, agency: agency)
    }
}
