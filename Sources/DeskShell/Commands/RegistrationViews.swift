import Desk
import DeskCore

/// How registrations and insured persons look in lists and in `show` (masked unless `full`).
enum RegistrationViews {
    static func listJSON(_ hit: SearchHit) -> JSONValue {
        guard case .object(let fields) = plainJSON(hit), let match = hit.match else { return plainJSON(hit) }
        return .object(fields + [("match", .string(match.rawValue))])
    }

    static func plainJSON(_ hit: SearchHit) -> JSONValue {
        if let r = hit.registration {
            return .object([
                ("bhxh_code", .string(r.bhxhCode)), ("full_name", .string(r.fullName)), ("status", .string(r.status.rawValue)),
                ("kind", .string(r.kind.rawValue)), ("agency_code", .str(r.agencyCode)), ("dob", .str(r.dob)),
                ("gender", .str(r.gender?.rawValue)), ("phone", .string(Masking.phone(r.phone))),
                ("id_number", .string(Masking.id(r.idNumber))), ("sms_status", .string(r.smsStatus.rawValue)),
                ("submitted_at", .str(r.submittedAt)), ("registered", .bool(true)),
            ])
        }
        let p = hit.insured!
        return .object([
            ("bhxh_code", .string(p.bhxhCode)), ("full_name", .string(p.fullName)), ("status", .null), ("kind", .null),
            ("agency_code", .str(p.agencyCode)), ("dob", .str(p.dob)), ("gender", .str(p.gender?.rawValue)),
            ("phone", .string(Masking.phone(p.phone))), ("id_number", .string(Masking.id(p.idNumber))),
            ("sms_status", .null), ("submitted_at", .null), ("registered", .bool(false)),
        ])
    }


    /// The list's column titles in the catalog's language.
    static func listColumns(_ c: Catalog) -> [String] {
        ["bhxh_code", "full_name", "dob", "status", "kind", "phone", "id_number", "agency_code"].map { c.text(TextKey("column.\($0)")) }
    }

    /// Column titles by their `column.…` keys.
    static func columns(_ keys: [String], _ c: Catalog) -> [String] { keys.map { c.text(TextKey("column.\($0)")) } }

    /// A `show` field's name as a person reads it (`trạng thái` for `status`); JSON keeps the snake_case key.
    static func fieldName(_ key: String, _ c: Catalog) -> String {
        let t = c.text(TextKey("field.\(key)"))
        return t.isEmpty ? key : t
    }

    /// A `show` field's value as a person reads it: machine values named, times in desk-local time.
    static func text(_ key: String, _ v: JSONValue, _ c: Catalog) -> String {
        if case .string(let s) = v {
            switch key {
            case "status": return c.value("status", s)
            case "kind": return c.value("kind", s)
            case "gender": return c.value("gender", s)
            case "sms_status": return c.value("sms", s)
            default: break
            }
        }
        if case .bool(let b) = v { return c.text(b ? "value.yes" : "value.no") }
        if key == "dob", case .string(let d) = v { return DateText.displayDate(d) }
        return text(key, v)
    }

    /// A name matched only as heard is marked before it, and `search` explains the mark below the table.
    static let heardMark = "≈ "

    static func listRow(_ hit: SearchHit, _ c: Catalog) -> [String] {
        var row = plainRow(hit, c)
        if hit.match == .heard { row[1] = heardMark + row[1] }
        return row
    }

    static func plainRow(_ hit: SearchHit, _ c: Catalog) -> [String] {
        if let r = hit.registration {
            return [r.bhxhCode, r.fullName, DateText.displayDate(r.dob), c.name(r.status), c.name(r.kind), Masking.phone(r.phone),
                    Masking.id(r.idNumber), r.agencyCode ?? ""]
        }
        let p = hit.insured!
        return [p.bhxhCode, p.fullName, DateText.displayDate(p.dob), c.text("value.unregistered"), "", Masking.phone(p.phone),
                Masking.id(p.idNumber), p.agencyCode ?? ""]
    }

    /// Every column of a registration; personal data masked unless `full` (show on an open call).
    static func fields(_ r: Registration, full: Bool) -> [(String, JSONValue)] {
        [("bhxh_code", .string(r.bhxhCode)), ("kind", .string(r.kind.rawValue)), ("full_name", .string(r.fullName)),
         ("dob", .str(r.dob)), ("gender", .str(r.gender?.rawValue)),
         ("id_number", .str(full ? r.idNumber : Masking.id(r.idNumber))),
         ("address", .str(full ? r.address : Masking.address(r.address))),
         ("phone", .str(full ? r.phone : Masking.phone(r.phone))), ("email", .str(full ? r.email : Masking.email(r.email))),
         ("parent_bhxh_code", .str(r.parentBhxhCode)), ("agency_code", .str(r.agencyCode)),
         ("photo_portrait", .bool(r.photoPortrait)), ("photo_id_front", .bool(r.photoIdFront)),
         ("photo_id_back", .bool(r.photoIdBack)), ("photo_birth_cert", .bool(r.photoBirthCert)),
         ("declaration_forwarded", .bool(r.declarationForwarded)), ("status", .string(r.status.rawValue)),
         ("reject_reason", .str(r.rejectReason)), ("sms_status", .string(r.smsStatus.rawValue)),
         ("submitted_at", .str(r.submittedAt)), ("status_changed_at", .str(r.statusChangedAt)),
         ("credentials_sent_at", .str(r.credentialsSentAt)), ("last_login_at", .str(r.lastLoginAt)),
         ("synthetic", .bool(r.synthetic))]
    }

    /// A field for people: times (`…_at`) in desk-local time like every table (JSON and CSV keep ISO UTC).
    static func text(_ key: String, _ v: JSONValue) -> String {
        if key.hasSuffix("_at"), case .string(let stamp) = v { return DateText.deskDisplay(stamp) }
        return text(v)
    }

    /// `Dữ liệu BHXH: Nguyễn Thị Mai, sinh 01/06/2015, thẻ GD4797923456789`: what the registry holds, leaving out
    /// what it does not (a child has no CCCD).
    static func registryLine(_ p: InsuredPerson, full: Bool, _ c: Catalog) -> String {
        var parts = [p.fullName]
        if let dob = p.dob, !dob.isEmpty { parts.append(c.text("registry.born", ["date": .text(DateText.displayDate(dob))])) }
        if let id = p.idNumber, !id.isEmpty { parts.append(c.text("registry.id", ["id": .text(full ? id : Masking.id(id))])) }
        if let card = p.cardNumber, !card.isEmpty { parts.append(c.text("registry.card", ["card": .text(card)])) }
        return c.text("registry.line", ["parts": .text(parts.joined(separator: ", "))])
    }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "✓" : "✗"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        default: return v.serialized()
        }
    }
}
