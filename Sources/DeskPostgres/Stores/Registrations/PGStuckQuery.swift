import DeskCore

/// `diagnose --stuck` on PostgreSQL: DeskStore's `StuckQuery` rule by rule in PostgreSQL's dialect — the same
/// rules, in the same order, with the same NULL behaviour (a NULL phone is no PHONE_INVALID on either engine), the
/// active-account policy of `Diagnosis.WhenActive` applied the same way, so both engines count the same
/// registrations. GLOB becomes an anchored regular expression, `date(today, '-18 years')` is computed here as
/// SQLite computes it (29 February → 1 March), and casts are guarded by CASE, since PostgreSQL, unlike SQLite,
/// refuses to cast text that is not a number and does not promise to evaluate AND from left to right.
struct PGStuckQuery {
    let criteria: StuckCriteria

    /// Markers in the predicates, bound to parameters by `PGBinder` (our own words, never user input).
    static let deskMarker = "{desk}", adultMarker = "{adult_dob}", loadedMarker = "{insured_loaded}"
    static let sharedMarker = "{phone_shared}"

    /// PHONE_SHARED's "another self registration, not the parent, has this phone": for a page of candidates, SQLite's
    /// EXISTS on the phone index, row by row; for the counts over the whole table, the number of self registrations
    /// per shared phone (one hash join instead of a million probes, which PostgreSQL runs outside its parallel
    /// workers) less this registration and its parent when the parent has the phone — the same rows.
    static let sharedByProbe = """
        EXISTS (SELECT 1 FROM registrations o WHERE o.phone = r.phone AND o.kind = 'self' AND o.bhxh_code <> r.bhxh_code
                AND o.bhxh_code IS DISTINCT FROM r.parent_bhxh_code)
        """
    static let sharedByCount = """
        coalesce(sp.n, 0) - 1 - CASE WHEN p.kind = 'self' AND p.phone = r.phone AND p.bhxh_code <> r.bhxh_code THEN 1 ELSE 0 END > 0
        """
    static let sharedPhones = """
        LEFT JOIN (SELECT phone, count(*) AS n FROM registrations WHERE kind = 'self' GROUP BY phone HAVING count(*) > 1) sp
            ON sp.phone = r.phone
        """

    /// Province codes are our own reference data, never user input, so they may be written into the SQL text.
    static let provinceList = ReferenceData.cccdProvinces.keys.sorted().map { "'\($0)'" }.joined(separator: ",")
    static let twelveDigits = "r.id_number ~ '^[0-9]{12}$'"

    static let rulePredicates: [(rule: String, sql: String)] = [
        ("NOT_IN_REGISTRY", "\(loadedMarker) AND i.id IS NULL"),
        ("NAME_MISMATCH", "i.id IS NOT NULL AND r.name_folded <> i.name_folded"),
        ("ID_INVALID", """
            NOT (coalesce(r.id_number, '') = '' AND (r.kind = 'child' OR r.dob > \(adultMarker)))
            AND NOT (r.id_number ~ '^[0-9]{9}$' OR (\(twelveDigits) AND substr(r.id_number, 1, 3) IN (\(provinceList)))
                     OR r.id_number ~ '^[A-Z][0-9]{7}$')
            """),
        ("ID_INCONSISTENT", """
            \(twelveDigits) AND (substr(r.id_number, 1, 3) NOT IN (\(provinceList))
              OR (r.gender IN ('M','F') AND (\(digit(4)) % 2 = 0) <> (r.gender = 'M'))
              OR (r.dob IS NOT NULL AND 1900 + \(digit(4)) / 2 * 100 + \(digits(5, 2)) <> \(leadingNumber("substr(r.dob, 1, 4)"))))
            """),
        ("ID_MISMATCH", "coalesce(r.id_number, '') <> '' AND coalesce(i.id_number, '') <> '' AND r.id_number <> i.id_number"),
        // SQLite's GLOBs '0' + nine digits and the mobile prefixes '03*', '07[06-9]*', '05[1689]*', '052[238]*',
        // '0559*', '08[1-8]*', '089[6-9]*', '09[0-8]*', '099[013-9]*'.
        ("PHONE_INVALID", """
            NOT (r.phone ~ '^0[0-9]{9}$' AND r.phone ~ '^0(3|7[06-9]|5[1689]|52[238]|559|8[1-8]|89[6-9]|9[0-8]|99[013-9])')
            """),
        ("PHONE_SHARED", "r.kind = 'self' AND coalesce(r.phone, '') <> '' AND \(sharedMarker)"),
        ("PHOTO_MISSING", """
            (r.kind = 'self' AND (r.photo_portrait = 0 OR ((r.photo_id_front = 0 OR r.photo_id_back = 0)
               AND NOT (\(twelveDigits) AND r.id_number = i.id_number))))
            OR (r.kind = 'child' AND r.photo_birth_cert = 0)
            """),
        ("WRONG_AGENCY", "coalesce(r.agency_code, '') <> \(deskMarker)"),
        ("REJECTED", "r.status = 'rejected'"),
        ("SMS_FAILED", "r.status IN ('approved','credentials_sent') AND r.sms_status = 'failed'"),
        ("PARENT_NO_ACCOUNT", "r.kind = 'child' AND (p.id IS NULL OR p.status NOT IN ('approved','credentials_sent','active'))"),
        ("CHILD_HAS_OWN_ID", """
            r.kind = 'child' AND (coalesce(r.id_number, '') <> '' OR i.id_number ~ '^[0-9]{12}$' OR r.dob <= \(adultMarker))
            """),
        ("MINOR_WITHOUT_ID", "r.kind = 'self' AND coalesce(r.id_number, '') = '' AND r.dob > \(adultMarker)"),
    ]

    /// The 12-digit ID's digit at `position` (1-based) as a number; NULL for another ID.
    static func digit(_ position: Int) -> String { digits(position, 1) }

    static func digits(_ position: Int, _ count: Int) -> String {
        "(CASE WHEN \(twelveDigits) THEN substr(r.id_number, \(position), \(count))::integer END)"
    }

    /// SQLite's CAST(text AS INTEGER): the leading digits, 0 when there are none.
    static func leadingNumber(_ text: String) -> String {
        "coalesce(nullif(substring(\(text) from '^[0-9]+'), '')::integer, 0)"
    }

    /// The predicates with the active-account policy applied, as `StuckQuery.predicates`.
    static let predicates: [(rule: String, sql: String)] = rulePredicates.map { p in
        Diagnosis.stuckWhenActive(p.rule) ? p : (p.rule, "r.status <> 'active' AND (\(p.sql))")
    }

    static var rules: [String] { predicates.map(\.rule) }

    static let from = """
        FROM registrations r LEFT JOIN insured i ON i.bhxh_code = r.bhxh_code
        LEFT JOIN registrations p ON p.bhxh_code = r.parent_bhxh_code
        """

    /// The day before which a date of birth is an adult's: today minus 18 years as SQLite's `date(today, '-18
    /// years')` gives it (the same month and day; 29 February in a common year becomes 1 March).
    static func adultBirthday(today: String) -> String {
        let p = today.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return today }
        let y = p[0] - 18
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        if p[1] == 2 && p[2] == 29 && !leap { return String(format: "%04d-03-01", y) }
        return String(format: "%04d-%02d-%02d", y, p[1], p[2])
    }

    var markers: [(String, PGValue)] {
        [(Self.deskMarker, .text(criteria.deskAgency)), (Self.adultMarker, .text(Self.adultBirthday(today: criteria.today))),
         (Self.loadedMarker, .bool(criteria.insuredLoaded))]
    }

    func predicate(rule: String?) -> String {
        let chosen = Self.predicates.filter { rule == nil || $0.rule == rule }
        return chosen.isEmpty ? "FALSE" : chosen.map { "(\($0.sql))" }.joined(separator: " OR ")
    }

    /// Per-rule counts and the number of registrations with at least one, in one pass: the subquery evaluates each
    /// rule once per row (`OFFSET 0` keeps the planner from pulling it up into the aggregates).
    func countsAndTotal(_ db: PGConnection, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) {
        var binder = PGBinder()
        let flags = Self.predicates.enumerated().map {
            "(\(binder.bind($0.element.sql.replacingOccurrences(of: Self.sharedMarker, with: Self.sharedByCount), markers))) AS f\($0.offset)"
        }.joined(separator: ",\n")
        let agencyFilter = agency.map { "r.agency_code = " + binder.value(.text($0)) } ?? "TRUE"
        let counts = Self.predicates.indices.map { "count(*) FILTER (WHERE f\($0))" }.joined(separator: ", ")
        let any = Self.predicates.indices.map { "f\($0)" }.joined(separator: " OR ")
        let row = try db.queryOne("""
            SELECT \(counts), count(*) FILTER (WHERE \(any)) FROM (SELECT \(flags) \(Self.from) \(Self.sharedPhones) WHERE \(agencyFilter) OFFSET 0) s
            """, binder.values)
        let perRule = Self.predicates.enumerated().map { ($0.element.rule, row?.int($0.offset) ?? 0) }
        return (perRule, row?.int(Self.predicates.count) ?? 0)
    }

    func candidates(_ db: PGConnection, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] {
        var binder = PGBinder()
        var clause = "(" + binder.bind(predicate(rule: rule).replacingOccurrences(of: Self.sharedMarker, with: Self.sharedByProbe), markers) + ")"
        if let agency { clause += " AND r.agency_code = " + binder.value(.text(agency)) }
        if let after { clause += " AND r.bhxh_code > " + binder.value(.text(after)) }
        let limitMark = binder.value(.int(Int64(limit)))
        return try db.query("""
            SELECT \(PGRegistrationRows.selectColumns) \(Self.from) WHERE \(clause) ORDER BY r.bhxh_code LIMIT \(limitMark)
            """, binder.values).map { PGRegistrationRows.registration($0) }
    }
}

/// Numbers the parameters of a statement built from fixed fragments: each marker used becomes `$n` once, each value
/// appended gets the next number, so a statement never declares a parameter it does not use.
struct PGBinder {
    private(set) var values: [PGValue] = []
    private var numbered: [String: String] = [:]

    /// The next parameter, for `value`.
    mutating func value(_ v: PGValue) -> String {
        values.append(v)
        return "$\(values.count)"
    }

    /// `sql` with each marker it contains replaced by its parameter.
    mutating func bind(_ sql: String, _ markers: [(String, PGValue)]) -> String {
        var out = sql
        for (marker, v) in markers where out.contains(marker) {
            let mark = numbered[marker] ?? value(v)
            numbered[marker] = mark
            out = out.replacingOccurrences(of: marker, with: mark)
        }
        return out
    }
}

extension PGRegistrationStore {
    var stuckRules: [String] { PGStuckQuery.rules }

    func stuckCandidates(_ c: StuckCriteria, rule: String?, agency: String?, after: String?, limit: Int) throws -> [Registration] {
        try PGStuckQuery(criteria: c).candidates(db, rule: rule, agency: agency, after: after, limit: limit)
    }

    func stuckCounts(_ c: StuckCriteria, agency: String?) throws -> (counts: [(rule: String, count: Int)], total: Int) {
        try PGStuckQuery(criteria: c).countsAndTotal(db, agency: agency)
    }
}
