import DeskCore

/// The `registrations` table, its events and its name index.
public final class RegistrationStore {
    let db: Database
    let nameTerms: NameTermStore
    let heardTerms: HeardTermStore
    init(_ db: Database) {
        self.db = db
        nameTerms = NameTermStore(db)
        heardTerms = HeardTermStore(db)
    }

    static let selectColumns = """
        r.bhxh_code, r.kind, r.full_name, r.dob, r.gender, r.id_number, r.address, r.phone, r.email,
        r.parent_bhxh_code, r.agency_code, r.photo_portrait, r.photo_id_front, r.photo_id_back, r.photo_birth_cert,
        r.declaration_forwarded, r.status, r.reject_reason, r.sms_status, r.submitted_at, r.status_changed_at,
        r.credentials_sent_at, r.last_login_at, r.synthetic
        """

    static func registration(from row: Row) -> Registration { registration(from: row, offset: 0) }

    /// The registration whose columns start at `o` (a query that selects something before them).
    static func registration(from row: Row, offset o: Int) -> Registration { Registration(columns: row, offset: o) }

    private static func values(_ r: Registration) -> [SQLValue] {
        [.text(r.bhxhCode), .text(r.kind.rawValue), .text(r.fullName), .text(Folding.fold(r.fullName)), .of(r.dob),
         .of(r.gender?.rawValue), .of(r.idNumber), .of(r.address), .of(r.phone), .of(r.email), .of(r.parentBhxhCode),
         .of(r.agencyCode), .of(r.photoPortrait), .of(r.photoIdFront), .of(r.photoIdBack), .of(r.photoBirthCert),
         .of(r.declarationForwarded), .text(r.status.rawValue), .of(r.rejectReason), .text(r.smsStatus.rawValue),
         .of(r.submittedAt), .of(r.statusChangedAt), .of(r.credentialsSentAt), .of(r.lastLoginAt), .of(r.synthetic)]
    }

    private static let insertSQL = """
        INSERT INTO registrations(bhxh_code, kind, full_name, name_folded, dob, gender, id_number, address, phone,
            email, parent_bhxh_code, agency_code, photo_portrait, photo_id_front, photo_id_back, photo_birth_cert,
            declaration_forwarded, status, reject_reason, sms_status, submitted_at, status_changed_at,
            credentials_sent_at, last_login_at, synthetic)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?25)
        ON CONFLICT(bhxh_code) DO NOTHING
        """

    private static let updateSQL = """
        UPDATE registrations SET kind = ?2, full_name = ?3, name_folded = ?4, dob = ?5, gender = ?6, id_number = ?7,
            address = ?8, phone = ?9, email = ?10, parent_bhxh_code = ?11, agency_code = ?12, photo_portrait = ?13,
            photo_id_front = ?14, photo_id_back = ?15, photo_birth_cert = ?16, declaration_forwarded = ?17,
            status = ?18, reject_reason = ?19, sms_status = ?20, submitted_at = ?21, status_changed_at = ?22,
            credentials_sent_at = ?23, last_login_at = ?24, synthetic = ?25
        WHERE bhxh_code = ?1
        """

    /// Inserts or updates by mã số BHXH and appends an event; returns true when the row was new.
    @discardableResult
    public func upsert(_ r: Registration, at: String, operator login: String?, eventKind: String, bulk: BulkLoad? = nil) throws -> Bool {
        let values = Self.values(r)
        try nameTerms.record(fullName: r.fullName, folded: values[3].text ?? "", bulk: bulk)
        let inserted = try db.run(Self.insertSQL, values) > 0
        if !inserted {
            let before = try bulk?.existing(code: r.bhxhCode)
            try db.run(Self.updateSQL, values)
            if let bulk, let before { try bulk.reindex(id: before.id, old: (before.folded, before.full), new: (Folding.fold(r.fullName), r.fullName)) }
        }
        try addEvent(code: r.bhxhCode, at: at, operator: login, kind: inserted ? eventKind : eventKind + "_update",
                     detail: "status=\(r.status.rawValue)")
        return inserted
    }

    public func addEvent(code: String, at: String, operator login: String?, kind: String, detail: String) throws {
        try db.run("INSERT INTO registration_events(bhxh_code, at, operator, kind, detail) VALUES (?, ?, ?, ?, ?)",
                   [.text(code), .text(at), .of(login), .text(kind), .text(detail)])
    }

    public func get(_ code: String) throws -> Registration? {
        try db.queryOne("SELECT \(Self.selectColumns) FROM registrations r WHERE r.bhxh_code = ?", [.text(code)])
            .map(Self.registration)
    }

    public func exists(_ code: String) throws -> Bool {
        try db.queryOne("SELECT 1 FROM registrations WHERE bhxh_code = ?", [.text(code)]) != nil
    }

    public func byPhone(_ phone: String, limit: Int = 50) throws -> [Registration] {
        try db.query("SELECT \(Self.selectColumns) FROM registrations r WHERE r.phone = ? ORDER BY r.bhxh_code LIMIT ?",
                     [.text(phone), .int(Int64(limit))]).map(Self.registration)
    }

    /// Registrations on a mobile number, including those that still carry the 11-digit form the number had before
    /// the 2018 conversion (the usual reason a credentials SMS never arrived): the caller is the same person.
    public func byPhoneAnySpelling(_ phone: String, limit: Int = 50) throws -> [Registration] {
        var found = try byPhone(phone, limit: limit)
        for legacy in Phone.pre2018Spellings(of: phone) where found.count < limit {
            for r in try byPhone(legacy, limit: limit - found.count) where !found.contains(where: { $0.bhxhCode == r.bhxhCode }) {
                found.append(r)
            }
        }
        return found
    }

    public func byIDNumber(_ id: String, limit: Int = 50) throws -> [Registration] {
        try db.query("SELECT \(Self.selectColumns) FROM registrations r WHERE r.id_number = ? ORDER BY r.bhxh_code LIMIT ?",
                     [.text(id), .int(Int64(limit))]).map(Self.registration)
    }

    public func children(of parent: String) throws -> [Registration] {
        try db.query("SELECT \(Self.selectColumns) FROM registrations r WHERE r.parent_bhxh_code = ? ORDER BY r.bhxh_code",
                     [.text(parent)]).map(Self.registration)
    }

    /// Other `self` registrations that declare `phone` (for the PHONE_SHARED rule).
    public func selfCodesSharingPhone(_ phone: String, except code: String, limit: Int = 20) throws -> [String] {
        try db.query("""
            SELECT bhxh_code FROM registrations WHERE phone = ? AND bhxh_code <> ? AND kind = 'self' LIMIT ?
            """, [.text(phone), .text(code), .int(Int64(limit))]).map { $0.string(0)! }
    }

    public func events(_ code: String) throws -> [RegistrationEvent] {
        try db.query("SELECT at, operator, kind, detail FROM registration_events WHERE bhxh_code = ? ORDER BY id",
                     [.text(code)]).map {
            RegistrationEvent(at: $0.string(0)!, operatorLogin: $0.string(1), kind: $0.string(2)!, detail: $0.string(3)!)
        }
    }

    /// Builds the WHERE clause for a filter: fixed SQL fragments, values only as parameters.
    static func whereClause(_ f: RegistrationFilter, startIndex: Int = 1) -> (String, [SQLValue]) {
        var terms: [String] = []
        var values: [SQLValue] = []
        func add(_ sql: String, _ v: String?) {
            guard let v else { return }
            values.append(.text(v))
            terms.append(sql.replacingOccurrences(of: "?", with: "?\(startIndex + values.count - 1)"))
        }
        add("r.status = ?", f.status)
        add("r.sms_status = ?", f.smsStatus)
        add("r.agency_code = ?", f.agency)
        add("r.kind = ?", f.kind)
        add("r.submitted_at < ?", f.submittedBefore)
        add("r.submitted_at >= ?", f.submittedAfter)
        return (terms.isEmpty ? "1" : terms.joined(separator: " AND "), values)
    }

    public func list(_ f: RegistrationFilter, afterCode: String? = nil, limit: Int) throws -> [Registration] {
        let (clause, values) = Self.whereClause(f)
        let n = values.count
        return try db.query("""
            SELECT \(Self.selectColumns) FROM registrations r
            WHERE \(clause) AND (?\(n + 1) IS NULL OR r.bhxh_code > ?\(n + 1)) ORDER BY r.bhxh_code LIMIT ?\(n + 2)
            """, values + [.of(afterCode), .int(Int64(limit))]).map(Self.registration)
    }

    public func count(_ f: RegistrationFilter) throws -> Int {
        let (clause, values) = Self.whereClause(f)
        return try db.scalarInt("SELECT count(*) FROM registrations r WHERE \(clause)", values)
    }

    public func countAll() throws -> Int { try db.scalarInt("SELECT count(*) FROM registrations") }

    /// Sets status fields and appends an event, in the caller's transaction.
    public func setStatus(_ code: String, status: String, smsStatus: String?, rejectReason: String?, at: String,
                          operator login: String?, eventKind: String, detail: String) throws {
        try db.run("""
            UPDATE registrations SET status = ?2, status_changed_at = CASE WHEN status <> ?2 THEN ?3 ELSE status_changed_at END,
                sms_status = coalesce(?4, sms_status), reject_reason = CASE WHEN ?2 = 'rejected' THEN coalesce(?5, reject_reason) ELSE reject_reason END
            WHERE bhxh_code = ?1
            """, [.text(code), .text(status), .text(at), .of(smsStatus), .of(rejectReason)])
        try addEvent(code: code, at: at, operator: login, kind: eventKind, detail: detail)
    }

    public func setAgency(_ code: String, agency: String, at: String, operator login: String?) throws {
        try db.run("UPDATE registrations SET agency_code = ? WHERE bhxh_code = ?", [.text(agency), .text(code)])
        try addEvent(code: code, at: at, operator: login, kind: "set_agency", detail: "agency=\(agency)")
    }

    public func markCredentialsQueued(_ code: String, at: String) throws {
        try db.run("""
            UPDATE registrations SET sms_status = 'queued',
                status = CASE WHEN status = 'approved' THEN 'credentials_sent' ELSE status END,
                status_changed_at = CASE WHEN status = 'approved' THEN ?2 ELSE status_changed_at END,
                credentials_sent_at = ?2
            WHERE bhxh_code = ?1
            """, [.text(code), .text(at)])
    }

    public func setSMSStatus(_ code: String, _ status: String) throws {
        try db.run("UPDATE registrations SET sms_status = ? WHERE bhxh_code = ?", [.text(status), .text(code)])
    }

    /// Counts per value of `field` for `stats registrations`, most first.
    public func countBy(_ field: RegistrationField) throws -> [(String, Int)] {
        let column = switch field {
        case .status: "status"
        case .agency: "agency_code"
        case .kind: "kind"
        case .smsStatus: "sms_status"
        }
        // Grouping on the bare column lets SQLite count from the column's index instead of scanning the table.
        return try db.query("SELECT \(column), count(*) FROM registrations GROUP BY \(column)")
            .map { ($0.string(0) ?? "", $0.int(1)!) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
    }
}
