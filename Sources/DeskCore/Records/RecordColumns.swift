/// A result row as text columns, whichever engine produced it (SQLite's `Row`, PostgreSQL's `PGRow`): the one
/// decoding of a registration or an extract person below is shared by both stores.
public protocol RecordColumns {
    func string(_ i: Int) -> String?
    func bool(_ i: Int) -> Bool
}

extension Registration {
    /// The registration whose columns (`Registration.columns` order, then `synthetic`) start at column `o`.
    public init(columns row: some RecordColumns, offset o: Int = 0) {
        self.init(bhxhCode: row.string(o) ?? "")
        kind = Kind(rawValue: row.string(o + 1) ?? "self") ?? .selfApplicant
        fullName = row.string(o + 2) ?? ""
        dob = row.string(o + 3)
        gender = row.string(o + 4).flatMap { Gender(rawValue: $0) }
        idNumber = row.string(o + 5)
        address = row.string(o + 6)
        phone = row.string(o + 7)
        email = row.string(o + 8)
        parentBhxhCode = row.string(o + 9)
        agencyCode = row.string(o + 10)
        photoPortrait = row.bool(o + 11)
        photoIdFront = row.bool(o + 12)
        photoIdBack = row.bool(o + 13)
        photoBirthCert = row.bool(o + 14)
        declarationForwarded = row.bool(o + 15)
        status = Status(rawValue: row.string(o + 16) ?? "") ?? .submitted
        rejectReason = row.string(o + 17)
        smsStatus = SMSStatus(rawValue: row.string(o + 18) ?? "") ?? .none
        submittedAt = row.string(o + 19)
        statusChangedAt = row.string(o + 20)
        credentialsSentAt = row.string(o + 21)
        lastLoginAt = row.string(o + 22)
        synthetic = row.bool(o + 23)
    }
}

extension InsuredPerson {
    /// The person whose columns (code, name, dob, gender, id, phone, address, card, agency, synthetic) start at `o`.
    public init(columns row: some RecordColumns, offset o: Int = 0) {
        self.init(bhxhCode: row.string(o) ?? "")
        fullName = row.string(o + 1) ?? ""
        dob = row.string(o + 2)
        gender = row.string(o + 3).flatMap { Gender(rawValue: $0) }
        idNumber = row.string(o + 4)
        phone = row.string(o + 5)
        address = row.string(o + 6)
        cardNumber = row.string(o + 7)
        agencyCode = row.string(o + 8)
        synthetic = row.bool(o + 9)
    }
}
