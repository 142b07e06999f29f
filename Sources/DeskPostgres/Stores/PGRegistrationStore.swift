import Desk
import DeskCore

/// `registrations` and `registration_events` on PostgreSQL, with SQLite's semantics (DeskStore's RegistrationStore):
/// the same orders (mã số order for lists, pages and candidates; id order for events and look-ups by phone or ID),
/// limits, counts and events. Name search is in `Registrations/PGNameSearch.swift`, `diagnose --stuck` in
/// `Registrations/PGStuckQuery.swift`.
final class PGRegistrationStore: RegistrationStorage {
    let db: PGConnection
    let terms: PGNameTerms

    init(_ db: PGConnection, terms: PGNameTerms) {
        self.db = db
        self.terms = terms
    }

    convenience init(_ db: PGConnection) { self.init(db, terms: PGNameTerms(db)) }

    static let columnList = PGRegistrationRows.columns.joined(separator: ", ")

    /// Insert, or update every column but the key, and the event, in one statement: the event's kind says which
    /// happened (`(xmax = 0)` is true for a row this statement inserted). Parameters: the columns, then at,
    /// operator, event kind.
    static let upsertSQL: String = {
        let n = PGRegistrationRows.columns.count
        let status = PGRegistrationRows.columns.firstIndex(of: "status")! + 1
        let updates = PGRegistrationRows.columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        return """
            WITH up AS (
                INSERT INTO registrations(\(columnList)) VALUES (\(PGSQL.placeholders(n)))
                ON CONFLICT (bhxh_code) DO UPDATE SET \(updates)
                RETURNING (xmax = 0) AS inserted)
            INSERT INTO registration_events(bhxh_code, at, operator, kind, detail)
            SELECT $1, $\(n + 1), $\(n + 2), CASE WHEN inserted THEN $\(n + 3)::text ELSE $\(n + 3)::text || '_update' END,
                'status=' || $\(status)::text
            FROM up RETURNING kind
            """
    }()

    @discardableResult
    func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String, bulk: (any BulkLoading)?) throws -> Bool {
        if let load = bulk as? PGBulkLoad, load.table == .registrations {
            return try load.add(r, at: at, operator: login, eventKind: eventKind)
        }
        try terms.note(fullName: r.fullName, folded: Folding.fold(r.fullName))
        let kind = try db.queryOne(Self.upsertSQL, PGRegistrationRows.parameters(r) + [.text(at), .of(login), .text(eventKind)])?.string(0)
        return kind == eventKind
    }

    func addEvent(code: String, at: String, operator login: String?, kind: String, detail: String) throws {
        try db.run("INSERT INTO registration_events(bhxh_code, at, operator, kind, detail) VALUES ($1, $2, $3, $4, $5)",
                   [.text(code), .text(at), .of(login), .text(kind), .text(detail)])
    }

    func get(_ code: String) throws -> Registration? {
        try select("WHERE r.bhxh_code = $1", [.text(code)]).first
    }

    func exists(_ code: String) throws -> Bool {
        try db.queryOne("SELECT 1 FROM registrations WHERE bhxh_code = $1", [.text(code)]) != nil
    }

    /// Registrations on a mobile number, then those that still carry its pre-2018 11-digit spellings (the usual
    /// reason a credentials SMS never arrived): the caller is the same person.
    func byPhoneAnySpelling(_ phone: String, limit: Int) throws -> [Registration] {
        var found = try byPhone(phone, limit: limit)
        for legacy in Phone.pre2018Spellings(of: phone) where found.count < limit {
            for r in try byPhone(legacy, limit: limit - found.count) where !found.contains(where: { $0.bhxhCode == r.bhxhCode }) {
                found.append(r)
            }
        }
        return found
    }

    func byPhone(_ phone: String, limit: Int) throws -> [Registration] {
        try select("WHERE r.phone = $1 ORDER BY r.bhxh_code LIMIT $2", [.text(phone), .int(Int64(limit))])
    }

    func byIDNumber(_ id: String, limit: Int) throws -> [Registration] {
        try select("WHERE r.id_number = $1 ORDER BY r.bhxh_code LIMIT $2", [.text(id), .int(Int64(limit))])
    }

    func children(of parent: String) throws -> [Registration] {
        try select("WHERE r.parent_bhxh_code = $1 ORDER BY r.bhxh_code", [.text(parent)])
    }

    /// Other `self` registrations that declare `phone` (PHONE_SHARED), in the order SQLite's phone index gives them.
    func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int) throws -> [String] {
        try db.query("""
            SELECT bhxh_code FROM registrations WHERE phone = $1 AND bhxh_code <> $2 AND kind = 'self' ORDER BY id LIMIT $3
            """, [.text(phone), .text(code), .int(Int64(limit))]).compactMap { $0.string(0) }
    }

    func events(_ code: String) throws -> [RegistrationEvent] {
        try db.query("SELECT at, operator, kind, detail FROM registration_events WHERE bhxh_code = $1 ORDER BY id", [.text(code)]).map {
            RegistrationEvent(at: $0.string(0) ?? "", operatorLogin: $0.string(1), kind: $0.string(2) ?? "", detail: $0.string(3) ?? "")
        }
    }

    /// The WHERE clause of a filter: fixed fragments, values as parameters numbered from `start`.
    static func whereClause(_ f: RegistrationFilter, start: Int = 1) -> (String, [PGValue]) {
        var terms: [String] = []
        var values: [PGValue] = []
        func add(_ sql: String, _ v: String?) {
            guard let v else { return }
            values.append(.text(v))
            terms.append(sql + " $\(start + values.count - 1)")
        }
        add("r.status =", f.status)
        add("r.sms_status =", f.smsStatus)
        add("r.agency_code =", f.agency)
        add("r.kind =", f.kind)
        add("r.submitted_at <", f.submittedBefore)
        add("r.submitted_at >=", f.submittedAfter)
        return (terms.isEmpty ? "TRUE" : terms.joined(separator: " AND "), values)
    }

    /// A keyset page in mã số order (byte order, as SQLite's BINARY: the column is COLLATE "C").
    func list(_ f: RegistrationFilter, afterCode: String?, limit: Int) throws -> [Registration] {
        var (clause, values) = Self.whereClause(f)
        if let afterCode {
            values.append(.text(afterCode))
            clause += " AND r.bhxh_code > $\(values.count)"
        }
        values.append(.int(Int64(limit)))
        return try select("WHERE \(clause) ORDER BY r.bhxh_code LIMIT $\(values.count)", values)
    }

    func count(_ f: RegistrationFilter) throws -> Int {
        let (clause, values) = Self.whereClause(f)
        return try db.queryOne("SELECT count(*) FROM registrations r WHERE \(clause)", values)?.int(0) ?? 0
    }

    func countAll() throws -> Int {
        try db.queryOne("SELECT count(*) FROM registrations")?.int(0) ?? 0
    }

    /// Sets status fields and appends an event, in the caller's transaction. The CASEs read the row as it was.
    func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String,
                   operator login: String?, eventKind: String, detail: String) throws {
        try db.run("""
            UPDATE registrations SET status = $2, status_changed_at = CASE WHEN status <> $2 THEN $3 ELSE status_changed_at END,
                sms_status = coalesce($4, sms_status),
                reject_reason = CASE WHEN $2 = 'rejected' THEN coalesce($5, reject_reason) ELSE reject_reason END
            WHERE bhxh_code = $1
            """, [.text(code), .text(status), .text(at), .of(smsStatus), .of(rejectReason)])
        try addEvent(code: code, at: at, operator: login, kind: eventKind, detail: detail)
    }

    func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws {
        try db.run("UPDATE registrations SET agency_code = $1 WHERE bhxh_code = $2", [.text(agency), .text(code)])
        try addEvent(code: code, at: at, operator: login, kind: "set_agency", detail: "agency=\(agency)")
    }

    func markCredentialsQueued(_ code: String, at: String) throws {
        try db.run("""
            UPDATE registrations SET sms_status = 'queued',
                status = CASE WHEN status = 'approved' THEN 'credentials_sent' ELSE status END,
                status_changed_at = CASE WHEN status = 'approved' THEN $2 ELSE status_changed_at END,
                credentials_sent_at = $2
            WHERE bhxh_code = $1
            """, [.text(code), .text(at)])
    }

    func setSMSStatus(_ code: String, _ status: String) throws {
        try db.run("UPDATE registrations SET sms_status = $1 WHERE bhxh_code = $2", [.text(status), .text(code)])
    }

    /// Counts per value of `field`, most first (ties in value order), as on SQLite.
    func countBy(_ field: RegistrationField) throws -> [(String, Int)] {
        let column = switch field {
        case .status: "status"
        case .agency: "agency_code"
        case .kind: "kind"
        case .smsStatus: "sms_status"
        }
        return try db.query("SELECT \(column), count(*) FROM registrations GROUP BY \(column)")
            .map { ($0.string(0) ?? "", $0.int(1) ?? 0) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }

    func select(_ tail: String, _ params: [PGValue]) throws -> [Registration] {
        try db.query("SELECT \(PGRegistrationRows.selectColumns) FROM registrations r \(tail)", params)
            .map { PGRegistrationRows.registration($0) }
    }
}
