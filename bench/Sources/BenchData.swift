import Foundation
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// The fixed instant benchmark data is generated around, so every run builds the same rows.
let benchNow = DateText.parseInstant("2025-11-20T10:00:00+07:00")!

enum BenchData {
    static func csvField(_ s: String?) -> String {
        guard let s else { return "" }
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func writeCSV(count: Int, dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/registrations.csv", contents: nil)
        FileManager.default.createFile(atPath: dir + "/insured.csv", contents: nil)
        let regs = FileHandle(forWritingAtPath: dir + "/registrations.csv")!
        let ins = FileHandle(forWritingAtPath: dir + "/insured.csv")!
        regs.write(Data((Registration.columns.joined(separator: ",") + "\n").utf8))
        ins.write(Data((InsuredPerson.columns.joined(separator: ",") + "\n").utf8))
        var people = SyntheticPeople(seed: 7, now: benchNow)
        var written = 0
        var rbuf = "", ibuf = ""
        func b(_ v: Bool) -> String { v ? "1" : "0" }
        while written < count {
            let e = people.next()
            let p = e.insured
            ibuf += [p.bhxhCode, p.fullName, p.dob, p.gender?.rawValue, p.idNumber, p.phone, p.address, p.cardNumber, p.agencyCode]
                .map(csvField).joined(separator: ",") + "\n"
            if let r = e.registration {
                rbuf += [r.bhxhCode, r.kind.rawValue, r.fullName, r.dob, r.gender?.rawValue, r.idNumber, r.address, r.phone, r.email,
                         r.parentBhxhCode, r.agencyCode, b(r.photoPortrait), b(r.photoIdFront), b(r.photoIdBack), b(r.photoBirthCert),
                         b(r.declarationForwarded), r.status.rawValue, r.rejectReason, r.smsStatus.rawValue, r.submittedAt,
                         r.statusChangedAt, r.credentialsSentAt, r.lastLoginAt].map(csvField).joined(separator: ",") + "\n"
                written += 1
            }
            if rbuf.utf8.count > 1 << 20 {
                regs.write(Data(rbuf.utf8)); rbuf = ""
                ins.write(Data(ibuf.utf8)); ibuf = ""
            }
        }
        regs.write(Data(rbuf.utf8))
        ins.write(Data(ibuf.utf8))
        try regs.close()
        try ins.close()
    }

    static func addTickets(db: String, count: Int) throws {
        let store = try Store(path: db)
        let codes = try store.db.query("SELECT bhxh_code, phone FROM registrations WHERE id % 5 = 0 LIMIT 200000").map { ($0.string(0)!, $0.string(1)) }
        try addTickets(storage: SQLiteStorage(store), codes: codes, count: count)
    }

    /// The same tickets on any engine, through the storage protocols.
    static func addTickets(storage store: any DeskStorage, codes: [(String, String?)], count: Int) throws {
        var rng = SeededRandom(seed: 99)
        let ops = (0..<10).map { "op\(120 + $0)" }
        for (i, login) in ops.enumerated() {
            try store.operators.upsert(Operator(login: login, displayName: "Điện thoại viên \(i)", line: 120 + i, role: .operatorRole), at: DateText.format(benchNow))
        }
        let categories = ["install", "register", "photos", "agency", "declaration", "login", "password", "child", "account", "scam", "other"]
        let statuses = ["closed", "closed", "closed", "resolved", "resolved", "pending", "open"]
        try store.transaction {
            for _ in 0..<count {
                let line = rng.int(0...9)
                let opened = benchNow.addingTimeInterval(-Double(rng.int(0...(365 * 86400))))
                let (code, phone) = codes.isEmpty ? ("", "0901234567") : codes[rng.int(0...(codes.count - 1))]
                let id = try store.tickets.create(openedAt: DateText.format(opened), operator: ops[line], line: 120 + line,
                                                  callerPhone: phone, callerName: nil, bhxhCode: code.isEmpty ? nil : code,
                                                  category: rng.pick(categories), summary: "Cuộc gọi mẫu (dữ liệu mẫu)",
                                                  priority: rng.pick(["low", "normal", "normal", "normal", "high", "urgent"]), synthetic: true)
                let first = opened.addingTimeInterval(Double(rng.int(30...7200)))
                try store.tickets.addNote(ticketID: id, at: DateText.format(first), operator: ops[line], kind: "note",
                                          detail: "Đã hướng dẫn (dữ liệu mẫu)", countsAsResponse: true)
                if var t = try store.tickets.get(id) {
                    t.status = rng.pick(statuses)
                    if t.status == "resolved" || t.status == "closed" {
                        t.resolvedAt = DateText.format(first.addingTimeInterval(Double(rng.int(60...259200))))
                        t.resolution = "Đã xử lý"
                    }
                    try store.tickets.update(t)
                }
            }
        }
    }

    /// Lookups as the desk writes them, through `AuditStore.record` (so chained), 10,000 to a transaction.
    static func addAuditRows(db: String, upTo total: Int) throws {
        let store = try Store(path: db)
        let at = DateText.format(benchNow)
        var have = try store.db.scalarInt("SELECT count(*) FROM audit")
        while have < total {
            let chunk = min(10_000, total - have)
            try store.transaction {
                for i in have..<(have + chunk) {
                    try store.audit.record(at: at, operator: "op\(120 + i % 10)", action: "search", target: "79\(String(format: "%08d", i))",
                                           detail: "query kind code; 1 match(es); shown", ticketID: i % 3 == 0 ? i / 3 + 1 : nil)
                }
            }
            have += chunk
        }
    }

    static func printSamples(db: String) throws {
        let store = try Store(path: db)
        let row = try store.db.queryOne("""
            SELECT r.bhxh_code, i.card_number, r.id_number, r.phone FROM registrations r JOIN insured i USING (bhxh_code)
            WHERE length(r.id_number) = 12 AND length(r.phone) = 10 AND r.kind = 'self' AND r.id % 997 = 0 LIMIT 1
            """)!
        print("code=\(row.string(0)!)")
        print("card=\(row.string(1)!)")
        print("cccd=\(row.string(2)!)")
        print("phone=\(row.string(3)!)")
    }
}
