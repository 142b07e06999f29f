import Foundation
import DeskCore

/// Deterministic, clearly synthetic people and registrations for `demo` and the benchmarks. Surnames follow the
/// shares in `surname-frequency.tsv` (Nguyễn ≈ 38%), so name search meets the real skew. Every row is marked
/// `synthetic`; addresses say "(dữ liệu mẫu)".
public struct SyntheticPeople {
    public struct Entry {
        public var insured: InsuredPerson
        public var registration: Registration?
    }

    private var rng: SeededRandom
    private let now: Date
    private let today: String
    private var adultCodes: [(code: String, phone: String)] = []
    private var issuedPhones: [String] = []
    public private(set) var index = 0

    public init(seed: UInt64 = 20_251_125, now: Date) {
        rng = SeededRandom(seed: seed)
        self.now = now
        today = DateText.deskDate(now)
    }

    static let middleMale = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Hoàng", "Gia", "Công", "Ngọc"]
    static let middleFemale = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Bảo", "Mỹ", "Hồng", "Phương", "Minh"]
    static let givenMale = ["Anh", "Bình", "Cường", "Dũng", "Duy", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa",
                            "Long", "Minh", "Nam", "Nghĩa", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Trung",
                            "Tuấn", "Tú", "Việt", "Vinh", "Đạt", "Lộc", "Thịnh"]
    static let givenFemale = ["Anh", "Ánh", "Châu", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
                              "Nhung", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Hằng", "Loan", "Diễm",
                              "Tuyết", "Nhi", "Thư", "Trâm", "Đào", "Hậu", "My"]
    static let streets = ["Hậu Giang", "Kinh Dương Vương", "Hồng Bàng", "Bình Tiên", "Phạm Văn Chí", "Lê Quang Sung",
                          "Bà Hom", "Minh Phụng", "Nguyễn Văn Luông", "Tháp Mười", "Bình Phú", "Chợ Lớn"]
    static let mobilePrefixes = ["090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036",
                                 "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084",
                                 "085", "086", "088", "089", "056", "058", "059", "099"]

    /// Mã số BHXH `79…` from a bijection of the index, so codes are unique but not sequential.
    public static func code(for index: Int) -> String {
        let n = (UInt64(index) &* 48271 &+ 12345) % 100_000_000
        return "79" + String(format: "%08llu", n)
    }

    private mutating func surname() -> String {
        let total = ReferenceData.surnameShares.reduce(0) { $0 + $1.percent }
        // The listed surnames cover ~91%; the rest draw from less common ones.
        if rng.chance(1 - total / 100) { return rng.pick(["Trương", "Đinh", "Lâm", "Mai", "Tô", "Hà", "Quách", "La", "Châu", "Thái"]) }
        var x = Double.random(in: 0..<total, using: &rng)
        for s in ReferenceData.surnameShares {
            if x < s.percent { return s.surname }
            x -= s.percent
        }
        return "Nguyễn"
    }

    /// A valid mobile number (some prefixes, like 089 and 099, are only partly in the mobile ranges).
    private mutating func phone() -> String {
        while true {
            let p = rng.pick(Self.mobilePrefixes) + String(format: "%07d", rng.int(0...9_999_999))
            if Phone(p).isMobile { return p }
        }
    }

    private mutating func stamp(daysAgo: Int) -> String {
        let seconds = Double(daysAgo * 86400 + rng.int(0...(9 * 3600)))
        return DateText.format(now.addingTimeInterval(-seconds))
    }

    public mutating func next() -> Entry {
        defer { index += 1 }
        let code = Self.code(for: index)
        let male = rng.chance(0.5)
        let age = rng.chance(0.22) ? rng.int(0...17) : rng.int(18...85)
        let birthYear = Int(today.prefix(4))! - age - (rng.chance(0.5) ? 1 : 0)
        let month = rng.int(1...12)
        let day = rng.int(1...DateText.daysInMonth(birthYear, month))
        let dob = String(format: "%04d-%02d-%02d", birthYear, month, day)
        let name = [surname(), rng.pick(male ? Self.middleMale : Self.middleFemale),
                    rng.pick(male ? Self.givenMale : Self.givenFemale)].joined(separator: " ")
        let realAge = DateText.age(dob: dob, on: today) ?? age
        var p = InsuredPerson(bhxhCode: code)
        p.fullName = name
        p.dob = dob
        p.gender = male ? .male : .female
        p.agencyCode = "07916"
        p.synthetic = true
        p.address = "\(rng.int(1...400)) \(rng.pick(Self.streets)), Phường \(rng.int(1...14)), Quận 6, TP. Hồ Chí Minh (dữ liệu mẫu)"
        if realAge >= 14 {
            let centuryDigit = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1)
            p.idNumber = "079" + String(centuryDigit) + String(format: "%02d", birthYear % 100) + String(format: "%06d", rng.int(0...999_999))
        }
        let object = realAge < 6 ? "TE" : realAge < 18 ? "HS" : realAge < 23 && rng.chance(0.5) ? "SV" : realAge >= 60 ? "HT" : rng.pick(["DN", "DN", "GD", "HC"])
        p.cardNumber = object + String(rng.pick([4, 4, 4, 3, 2, 1, 5])) + "79" + code
        if realAge >= 18 { p.phone = phone() }

        // About 1 in 20 insured people has not registered at all.
        if rng.chance(0.05) { return Entry(insured: p, registration: nil) }

        var r = Registration(bhxhCode: code)
        r.synthetic = true
        r.fullName = name
        r.dob = dob
        r.gender = p.gender
        r.address = p.address
        r.agencyCode = "07916"
        r.photoPortrait = true
        let child = realAge < 18 && p.idNumber == nil && !adultCodes.isEmpty
        if child {
            let parent = adultCodes[rng.int(0...(adultCodes.count - 1))]
            r.kind = .child
            r.parentBhxhCode = parent.code
            r.phone = parent.phone
            r.photoBirthCert = true
        } else {
            r.idNumber = p.idNumber
            r.phone = p.phone ?? phone()
            r.photoIdFront = true
            r.photoIdBack = true
            r.email = rng.chance(0.3) ? "nguoidung\(index)@example.invalid" : nil
        }
        r.declarationForwarded = object == "HS" ? rng.chance(0.8) : false
        let submittedDaysAgo = rng.int(0...365)
        r.submittedAt = stamp(daysAgo: submittedDaysAgo)
        let roll = rng.int(0...99)
        switch roll {
        case 0..<55:
            r.status = .active
            r.smsStatus = .sent
            r.credentialsSentAt = stamp(daysAgo: max(0, submittedDaysAgo - 3))
            r.lastLoginAt = stamp(daysAgo: max(0, submittedDaysAgo - 4))
        case 55..<67:
            r.status = .credentialsSent
            r.smsStatus = .sent
            r.credentialsSentAt = stamp(daysAgo: max(0, submittedDaysAgo - 3))
        case 67..<74:
            r.status = .approved
            r.smsStatus = .failed
        case 74..<93:
            r.status = .submitted
            r.submittedAt = stamp(daysAgo: rng.int(0...20))
        default:
            r.status = .rejected
            r.rejectReason = rng.pick(["Ảnh CMND/CCCD bị mờ, không đọc được", "Họ tên không khớp với dữ liệu BHXH",
                                       "Số điện thoại đã được dùng cho tài khoản khác", "Thiếu ảnh chân dung"])
        }
        r.statusChangedAt = r.credentialsSentAt ?? r.submittedAt
        // The mistakes callers really make, so diagnosis has something to find.
        let defect = rng.int(0...99)
        switch defect {
        case 0..<3: r.fullName = Folding.fold(name).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        case 3..<5: r.phone = rng.pick(["028", "0283"]) + String(format: "%08d", rng.int(0...99_999_999)).prefix(11 - 3 - 1)
        case 5..<6: r.phone = rng.pick(["0168", "0122", "0125"]) + String(format: "%07d", rng.int(0...9_999_999))
        case 6..<8: r.agencyCode = rng.pick(["079", "07901", "07910"])
        case 8..<10: if r.kind == .selfApplicant { r.photoIdBack = false } else { r.photoBirthCert = false }
        case 10..<11: if r.kind == .selfApplicant, let last = issuedPhones.last { r.phone = last }
        case 11..<12: if var id = r.idNumber, id.count == 12 {
            id.replaceSubrange(id.index(id.startIndex, offsetBy: 4)..<id.index(id.startIndex, offsetBy: 6), with: String(format: "%02d", (birthYear + 7) % 100))
            r.idNumber = id
        }
        default: break
        }
        r.fullName = r.fullName.nfc
        if r.kind == .selfApplicant, realAge >= 18, let ph = r.phone {
            adultCodes.append((code, ph))
            if adultCodes.count > 5000 { adultCodes.removeFirst(2500) }
            issuedPhones.append(ph)
            if issuedPhones.count > 100 { issuedPhones.removeFirst(50) }
        }
        return Entry(insured: p, registration: r)
    }
}
