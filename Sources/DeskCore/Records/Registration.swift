/// One electronic-transaction account application (SPEC §2 `registrations`), keyed by mã số BHXH.
public struct Registration: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case selfApplicant = "self", child }
    public enum Status: String, Sendable, CaseIterable {
        case submitted, approved, rejected, credentialsSent = "credentials_sent", active
    }
    public enum SMSStatus: String, Sendable, CaseIterable { case none, queued, sent, failed }

    public var bhxhCode: String
    public var kind: Kind = .selfApplicant
    public var fullName: String = ""
    public var dob: String?
    public var gender: Gender?
    public var idNumber: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var parentBhxhCode: String?
    public var agencyCode: String?
    public var photoPortrait = false
    public var photoIdFront = false
    public var photoIdBack = false
    public var photoBirthCert = false
    public var declarationForwarded = false
    public var status: Status = .submitted
    public var rejectReason: String?
    public var smsStatus: SMSStatus = .none
    public var submittedAt: String?
    public var statusChangedAt: String?
    public var credentialsSentAt: String?
    public var lastLoginAt: String?
    public var synthetic = false

    public init(bhxhCode: String) { self.bhxhCode = bhxhCode }

    /// The column names of SPEC §2, in the order CSV export and JSON use.
    public static let columns = ["bhxh_code", "kind", "full_name", "dob", "gender", "id_number", "address", "phone",
                                 "email", "parent_bhxh_code", "agency_code", "photo_portrait", "photo_id_front",
                                 "photo_id_back", "photo_birth_cert", "declaration_forwarded", "status",
                                 "reject_reason", "sms_status", "submitted_at", "status_changed_at",
                                 "credentials_sent_at", "last_login_at"]
}

/// One person in the reference extract of insured persons (SPEC §2 `insured`).
public struct InsuredPerson: Sendable, Equatable {
    public var bhxhCode: String
    public var fullName: String = ""
    public var dob: String?
    public var gender: Gender?
    public var idNumber: String?
    public var phone: String?
    public var address: String?
    public var cardNumber: String?
    public var agencyCode: String?
    public var synthetic = false

    public init(bhxhCode: String) { self.bhxhCode = bhxhCode }

    public static let columns = ["bhxh_code", "full_name", "dob", "gender", "id_number", "phone", "address",
                                 "card_number", "agency_code"]
}
