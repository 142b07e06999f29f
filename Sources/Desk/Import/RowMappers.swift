import DeskCore

/// Maps CSV rows, by header name, to registrations or insured persons.
enum RowMappers {
    static func registration(_ get: (String) -> String) throws -> Registration {
        typealias P = FieldParsers
        var r = Registration(bhxhCode: try P.bhxhCode(get("bhxh_code"), column: "bhxh_code"))
        r.kind = try P.oneOf(get("kind"), column: "kind", default: Registration.Kind.selfApplicant)
        r.fullName = P.text(get("full_name")) ?? ""
        r.dob = try P.date(get("dob"), column: "dob")
        r.gender = try P.gender(get("gender"), column: "gender")
        r.idNumber = P.idNumber(get("id_number"))
        r.address = P.text(get("address"))
        r.phone = P.phone(get("phone"))
        r.email = P.text(get("email"))
        r.parentBhxhCode = try P.optionalCode(get("parent_bhxh_code"), column: "parent_bhxh_code")
        r.agencyCode = P.text(get("agency_code"))
        r.photoPortrait = try P.bool(get("photo_portrait"), column: "photo_portrait")
        r.photoIdFront = try P.bool(get("photo_id_front"), column: "photo_id_front")
        r.photoIdBack = try P.bool(get("photo_id_back"), column: "photo_id_back")
        r.photoBirthCert = try P.bool(get("photo_birth_cert"), column: "photo_birth_cert")
        r.declarationForwarded = try P.bool(get("declaration_forwarded"), column: "declaration_forwarded")
        r.status = try P.oneOf(get("status"), column: "status", default: Registration.Status.submitted)
        r.rejectReason = P.text(get("reject_reason"))
        r.smsStatus = try P.oneOf(get("sms_status"), column: "sms_status", default: Registration.SMSStatus.none)
        r.submittedAt = try P.instant(get("submitted_at"), column: "submitted_at")
        r.statusChangedAt = try P.instant(get("status_changed_at"), column: "status_changed_at")
        r.credentialsSentAt = try P.instant(get("credentials_sent_at"), column: "credentials_sent_at")
        r.lastLoginAt = try P.instant(get("last_login_at"), column: "last_login_at")
        if r.kind == .child, r.parentBhxhCode == nil {
            throw P.Failure(.fieldParentRequired, column: "parent_bhxh_code")
        }
        return r
    }

    static func insured(_ get: (String) -> String) throws -> InsuredPerson {
        typealias P = FieldParsers
        var p = InsuredPerson(bhxhCode: try P.bhxhCode(get("bhxh_code"), column: "bhxh_code"))
        p.fullName = P.text(get("full_name")) ?? ""
        p.dob = try P.date(get("dob"), column: "dob")
        p.gender = try P.gender(get("gender"), column: "gender")
        p.idNumber = P.idNumber(get("id_number"))
        p.phone = P.phone(get("phone"))
        p.address = P.text(get("address"))
        p.cardNumber = P.text(get("card_number")).map { $0.replacingOccurrences(of: " ", with: "").uppercased() }
        p.agencyCode = P.text(get("agency_code"))
        return p
    }
}
