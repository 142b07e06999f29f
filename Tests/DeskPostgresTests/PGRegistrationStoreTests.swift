import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// Registrations and the insured extract: the same expectations on SQLite and PostgreSQL.
final class PGRegistrationStoreTests: XCTestCase {
    func testUpsertGetRoundTripKeepsVietnameseNamesAndEveryField() throws {
        var r = BothEngines.registration("7901234567", "Nguyễn Thị Ánh Tuyết", status: .rejected, phone: "0901234567")
        r.dob = "1990-05-17"
        r.gender = .female
        r.idNumber = "079190001234"
        r.address = "12 Hậu Giang, Phường 11, Quận 6 — \"số\" \\ 'nhà'\ttab"
        r.email = "tuyet@example.vn"
        r.photoPortrait = true
        r.photoIdBack = true
        r.declarationForwarded = true
        r.rejectReason = "Ảnh CCCD mờ"
        r.smsStatus = .failed
        r.statusChangedAt = "2025-03-02T08:00:00Z"
        r.synthetic = true
        var child = BothEngines.registration("7901234568", "Nguyễn Bảo Ngọc", kind: .child)
        child.parentBhxhCode = "7901234567"
        try BothEngines.each { engine, s in
            XCTAssertTrue(try s.registrations.upsert(r, at: BothEngines.at, operator: "hoa", eventKind: "import"), engine)
            XCTAssertEqual(try s.registrations.get(r.bhxhCode), r, engine)
            var again = r
            again.status = .submitted
            XCTAssertFalse(try s.registrations.upsert(again, at: BothEngines.at, operator: nil, eventKind: "import"), engine)
            XCTAssertEqual(try s.registrations.get(r.bhxhCode)?.status, .submitted, engine)
            XCTAssertEqual(try s.registrations.events(r.bhxhCode).map { [$0.kind, $0.detail, $0.operatorLogin ?? "-"] },
                           [["import", "status=rejected", "hoa"], ["import_update", "resubmitted; status=submitted", "-"]], engine)
            try s.registrations.upsert(child, at: BothEngines.at, operator: "hoa", eventKind: "import")
            XCTAssertEqual(try s.registrations.children(of: r.bhxhCode).map(\.bhxhCode), ["7901234568"], engine)
            XCTAssertTrue(try s.registrations.exists("7901234568"), engine)
            XCTAssertFalse(try s.registrations.exists("7909999999"), engine)
            XCTAssertEqual(try s.registrations.countAll(), 2, engine)

            var p = InsuredPerson(bhxhCode: "7905555555")
            p.fullName = "Huỳnh Thị Đào"
            p.dob = "1995-07-07"
            p.cardNumber = "HS4797905555555"
            p.phone = "0355555555"
            XCTAssertTrue(try s.insured.upsert(p), engine)
            XCTAssertFalse(try s.insured.upsert(p), engine)
            XCTAssertEqual(try s.insured.get(p.bhxhCode), p, engine)
            XCTAssertTrue(try s.insured.isLoaded(), engine)
            XCTAssertEqual(try s.insured.unregistered(by: .phone, value: "0355555555", limit: 5).map(\.bhxhCode), ["7905555555"], engine)
        }
    }

    func testNFDNamesAreFoundByTheirNFCSpelling() throws {
        try BothEngines.same("NFD") { _, s in
            let r = BothEngines.registration("7901234567", "Nguyễn Văn Đức".decomposedStringWithCanonicalMapping)
            try s.registrations.upsert(r, at: BothEngines.at, operator: nil, eventKind: "import")
            return try s.registrations.searchNames(BothEngines.nameQuery("Nguyễn Văn Đức"), filter: RegistrationFilter(), limit: 5)
                .registrations.map(\.bhxhCode)
        }
    }

    func testPhoneSearchFindsThePre2018SpellingsAfterTheNewNumber() throws {
        try BothEngines.same("phone spellings") { engine, s in
            for (code, phone) in [("7906666666", "01687654321"), ("7906666667", "0387654321"), ("7906666668", "0387654321"),
                                  ("7906666669", "0912345678")] {
                try s.registrations.upsert(BothEngines.registration(code, "Võ Thị Mai", phone: phone), at: BothEngines.at,
                                           operator: nil, eventKind: "import")
            }
            let found = try s.registrations.byPhoneAnySpelling("0387654321", limit: 50).map(\.bhxhCode)
            XCTAssertEqual(found, ["7906666667", "7906666668", "7906666666"], engine)
            XCTAssertEqual(try s.registrations.byPhoneAnySpelling("0387654321", limit: 2).count, 2, engine)
            XCTAssertEqual(try s.registrations.selfCodesSharingPhone("0387654321", except: "7906666667", limit: 20), ["7906666668"], engine)
            return found
        }
    }

    func testKeysetPagesCountsAndCountByAgree() throws {
        try BothEngines.same("pages") { engine, s in
            let statuses: [Registration.Status] = [.submitted, .approved, .rejected, .credentialsSent, .active]
            var rows: [Registration] = []
            for i in 0..<53 {
                var r = BothEngines.registration(SyntheticPeople.code(for: i), "Lê Văn \(i)", status: statuses[i % 5])
                r.agencyCode = i % 3 == 0 ? "07901" : "07916"
                r.submittedAt = String(format: "2025-02-%02dT08:00:00Z", i % 28 + 1)
                rows.append(r)
            }
            try BothEngines.bulkLoad(s, rows)
            var filter = RegistrationFilter()
            filter.agency = "07916"
            filter.submittedAfter = "2025-02-05"
            var pages: [[String]] = []
            var after: String?
            repeat {
                let page = try s.registrations.list(filter, afterCode: after, limit: 7).map(\.bhxhCode)
                pages.append(page)
                after = page.last
            } while pages.last?.count == 7
            let all = pages.flatMap { $0 }
            XCTAssertEqual(all, all.sorted(), engine)
            XCTAssertEqual(all.count, try s.registrations.count(filter), engine)
            filter.status = "approved"
            let approved = try s.registrations.count(filter)
            let byStatus = try s.registrations.countBy(.status).map { "\($0.0)=\($0.1)" }
            let byAgency = try s.registrations.countBy(.agency).map { "\($0.0)=\($0.1)" }
            return pages.map { $0.joined(separator: ",") } + ["approved=\(approved)"] + byStatus + byAgency
        }
    }

    func testStatusAgencyAndSMSChangesAndTheirEvents() throws {
        try BothEngines.same("changes") { _, s in
            let r = BothEngines.registration("7901234567", "Trần Thị Ánh", status: .approved)
            try s.registrations.upsert(r, at: BothEngines.at, operator: nil, eventKind: "import")
            try s.transaction {
                try s.registrations.setStatus("7901234567", status: "rejected", smsStatus: nil, rejectReason: "ảnh mờ",
                                              at: "2025-03-12T03:00:00Z", operator: "hoa", eventKind: "set_status", detail: "status=rejected")
                try s.registrations.setStatus("7901234567", status: "approved", smsStatus: "none", rejectReason: "x",
                                              at: "2025-03-12T04:00:00Z", operator: "hoa", eventKind: "set_status", detail: "status=approved")
            }
            try s.registrations.setAgency("7901234567", agency: "07901", at: "2025-03-12T05:00:00Z", operator: "hoa")
            try s.registrations.markCredentialsQueued("7901234567", at: "2025-03-12T06:00:00Z")
            try s.registrations.setSMSStatus("7901234567", "sent")
            let got = try s.registrations.get("7901234567")!
            return [got.status.rawValue, got.smsStatus.rawValue, got.rejectReason ?? "-", got.agencyCode ?? "-",
                    got.statusChangedAt ?? "-", got.credentialsSentAt ?? "-"]
                + (try s.registrations.events("7901234567").map { "\($0.at) \($0.kind) \($0.detail)" })
        }
    }

    func testABulkLoadOf10000RowsCountsNewAndReplacedRowsAndIndexesTheirNames() throws {
        var rows: [Registration] = []
        var people = SyntheticPeople(seed: 7, now: DateText.parseInstant("2025-03-12T09:00:00+07:00")!)
        while rows.count < 10_000 { if let r = people.next().registration { rows.append(r) } }
        var again = Array(rows.suffix(300))
        for i in again.indices { again[i].fullName = "Lưu Thị Xuân" }
        again.append(contentsOf: again.prefix(2))   // the same code twice in one load
        try BothEngines.same("bulk") { engine, s in
            let first = try BothEngines.bulkLoad(s, rows)
            XCTAssertEqual(first.filter { $0 }.count, 10_000, engine)
            let second = try BothEngines.bulkLoad(s, again + [BothEngines.registration("7000000001", "Ông Bảo Ngọc")])
            XCTAssertEqual(second.filter { $0 }.count, 1, engine)
            XCTAssertEqual(try s.registrations.countAll(), 10_001, engine)
            XCTAssertEqual(try s.registrations.get(again[0].bhxhCode)?.fullName, "Lưu Thị Xuân", engine)
            XCTAssertEqual(try s.registrations.events(again[0].bhxhCode).map(\.kind), ["import", "import_update", "import_update"], engine)
            let xuan = try s.registrations.searchNames(BothEngines.nameQuery("luu thi xu"), filter: RegistrationFilter(), limit: 500)
            XCTAssertEqual(xuan.total, 300, engine)
            let ngoc = try s.registrations.searchNames(BothEngines.nameQuery("Ông Bảo Ng"), filter: RegistrationFilter(), limit: 5)
            XCTAssertEqual(ngoc.registrations.first?.bhxhCode, "7000000001", engine)
            return [first.map { $0 ? "1" : "0" }.joined(), second.map { $0 ? "1" : "0" }.joined(), "\(xuan.total)"]
        }
    }

    func testAConcurrentImportOfTheSameTableWaitsAndIsBusy() throws {
        let uri = try PGTestServer.freshDatabase()
        let a = try PostgresStorage(uri: uri, create: true), b = try PostgresStorage(uri: uri, busyTimeoutMs: 300)
        try a.transaction {
            _ = try a.beginBulkLoad(.registrations)
            XCTAssertThrowsError(try b.transaction { _ = try b.beginBulkLoad(.registrations) }) { e in
                guard case .busy = (e as? PGError)?.storageError ?? (e as? StorageError) else { return XCTFail("\(e)") }
            }
            // One transaction at a time per desk (PostgresStorage.transaction), as SQLite's single writer: the
            // other table's load waits too.
            XCTAssertThrowsError(try b.transaction { _ = try b.beginBulkLoad(.insured) }) { e in
                guard case .busy = (e as? PGError)?.storageError ?? (e as? StorageError) else { return XCTFail("\(e)") }
            }
        }
        _ = try b.transaction { try b.beginBulkLoad(.insured) }
    }
}
