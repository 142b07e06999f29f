import Foundation
import Testing
@testable import DeskCore

/// PARENT_NO_ACCOUNT, CHILD_HAS_OWN_ID, MINOR_WITHOUT_ID. The child fixture is a 9-year-old girl registered by an
/// active parent; today is 2025-03-12.
let childRuleCases: [RuleCase] = [
    RuleCase("PARENT_NO_ACCOUNT", "parent active", fires: false, child: true) { s, _ in s.parent?.status = .active },
    RuleCase("PARENT_NO_ACCOUNT", "parent approved", fires: false, child: true) { s, _ in s.parent?.status = .approved },
    RuleCase("PARENT_NO_ACCOUNT", "parent's credentials sent", fires: false, child: true) { s, _ in
        s.parent?.status = .credentialsSent
    },
    RuleCase("PARENT_NO_ACCOUNT", "parent still submitted", fires: true, child: true, severity: .error,
             says: ["7912345678", "chờ duyệt"], action: ["show 7912345678"]) { s, _ in s.parent?.status = .submitted },
    RuleCase("PARENT_NO_ACCOUNT", "parent rejected", fires: true, child: true, says: ["bị từ chối"]) { s, _ in
        s.parent?.status = .rejected
    },
    RuleCase("PARENT_NO_ACCOUNT", "parent has no registration", fires: true, child: true,
             says: ["7912345678", "chưa có tài khoản"], action: ["dang-ky-tai-khoan"]) { s, _ in s.parent = nil },
    RuleCase("PARENT_NO_ACCOUNT", "no parent code declared either", fires: true, child: true,
             says: ["chưa có tài khoản"], saysNot: ["mã số BHXH"]) { s, _ in
        s.parent = nil
        s.registration.parentBhxhCode = nil
    },
    RuleCase("PARENT_NO_ACCOUNT", "a self registration has no parent to need", fires: false) { s, _ in s.parent = nil },

    RuleCase("CHILD_HAS_OWN_ID", "declared CCCD", fires: true, child: true, severity: .error,
             says: ["CCCD", "079******456", "tự đăng ký"], action: ["dang-ky-tai-khoan"]) { s, _ in
        s.registration.idNumber = "079315123456"
    },
    RuleCase("CHILD_HAS_OWN_ID", "declared old CMND", fires: true, child: true, says: ["CMND"]) { s, _ in
        s.registration.idNumber = "025123456"
    },
    RuleCase("CHILD_HAS_OWN_ID", "CCCD in the registry", fires: true, child: true, says: ["dữ liệu BHXH"]) { s, _ in
        s.insured?.idNumber = "079315123456"
    },
    RuleCase("CHILD_HAS_OWN_ID", "a 9-digit number in the registry is no CCCD", fires: false, child: true) { s, _ in
        s.insured?.idNumber = "025123456"
    },
    RuleCase("CHILD_HAS_OWN_ID", "an impossible declared ID is ID_INVALID's business", fires: false, child: true) { s, _ in
        s.registration.idNumber = "0123"
    },
    RuleCase("CHILD_HAS_OWN_ID", "18 today", fires: true, child: true, says: ["18 tuổi"]) { s, _ in
        s.registration.dob = "2007-03-12"
    },
    RuleCase("CHILD_HAS_OWN_ID", "18 tomorrow", fires: false, child: true) { s, _ in s.registration.dob = "2007-03-13" },
    RuleCase("CHILD_HAS_OWN_ID", "29 Feb birthday, 28 Feb of a common year: still 17", fires: false, child: true) { s, c in
        s.registration.dob = "2008-02-29"
        c.today = "2026-02-28"
    },
    RuleCase("CHILD_HAS_OWN_ID", "29 Feb birthday turns 18 on 1 March", fires: true, child: true,
             says: ["18 tuổi"]) { s, c in
        s.registration.dob = "2008-02-29"
        c.today = "2026-03-01"
    },
    RuleCase("CHILD_HAS_OWN_ID", "date of birth only in the registry", fires: true, child: true, says: ["25 tuổi"]) { s, _ in
        s.registration.dob = nil
        s.insured?.dob = "2000-01-01"
    },
    RuleCase("CHILD_HAS_OWN_ID", "a self registration with a CCCD", fires: false) { _, _ in },

    RuleCase("MINOR_WITHOUT_ID", "15-year-old registering alone", fires: true, severity: .error,
             says: ["15 tuổi", "cha/mẹ"], action: ["Đăng ký tài khoản cho con", "dang-ky-cho-con"],
             quiet: ["ID_INVALID"]) { s, _ in
        s.registration.dob = "2010-01-01"
        s.registration.idNumber = nil
    },
    RuleCase("MINOR_WITHOUT_ID", "17, 18 tomorrow", fires: true, says: ["17 tuổi"], quiet: ["ID_INVALID"]) { s, _ in
        s.registration.dob = "2007-03-13"
        s.registration.idNumber = ""
    },
    RuleCase("MINOR_WITHOUT_ID", "18 today", fires: false) { s, _ in
        s.registration.dob = "2007-03-12"
        s.registration.idNumber = ""
    },
    RuleCase("MINOR_WITHOUT_ID", "29 Feb birthday on 28 Feb 2026: 17", fires: true) { s, c in
        s.registration.dob = "2008-02-29"
        s.registration.idNumber = nil
        c.today = "2026-02-28"
    },
    RuleCase("MINOR_WITHOUT_ID", "29 Feb birthday on 1 Mar 2026: 18", fires: false) { s, c in
        s.registration.dob = "2008-02-29"
        s.registration.idNumber = nil
        c.today = "2026-03-01"
    },
    RuleCase("MINOR_WITHOUT_ID", "29 Feb birthday on 29 Feb 2024: 16", fires: true, says: ["16 tuổi"]) { s, c in
        s.registration.dob = "2008-02-29"
        s.registration.idNumber = nil
        c.today = "2024-02-29"
    },
    RuleCase("MINOR_WITHOUT_ID", "a minor with a CCCD registers alone", fires: false) { s, _ in
        s.registration.dob = "2010-01-01"
        s.registration.idNumber = "079210123456"
    },
    RuleCase("MINOR_WITHOUT_ID", "white space is no ID", fires: true) { s, _ in
        s.registration.dob = "2010-01-01"
        s.registration.idNumber = "   "
    },
    RuleCase("MINOR_WITHOUT_ID", "date of birth only in the registry", fires: true) { s, _ in
        s.registration.dob = nil
        s.insured?.dob = "2012-07-01"
        s.registration.idNumber = nil
    },
    RuleCase("MINOR_WITHOUT_ID", "unknown age", fires: false) { s, _ in
        s.registration.dob = nil
        s.insured?.dob = nil
        s.registration.idNumber = nil
    },
    RuleCase("MINOR_WITHOUT_ID", "already a child registration", fires: false, child: true) { _, _ in },
]

extension DiagnosisTests {
    @Test("child rules", arguments: childRuleCases)
    func childRules(_ c: RuleCase) { c.check() }
}
