import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport
@_spi(RawSQL) import DeskStore

@Suite(.freshDatabases) struct ImportTests {
    @Test func importsWithNormalisationAndEvents() throws {
        let f = try Fixture()
        let s = try f.importCSV(.registrations, Fixture.registrationsCSV)
        #expect(s.inserted == 4 && s.updated == 0 && s.rejected == 0)
        let r = try #require(try f.storage.registrations.get("7901234567"))
        #expect(r.phone == "0901234567")
        #expect(r.gender == .male)
        #expect(r.submittedAt == "2025-03-01T01:00:00Z")
        #expect(r.address == "12 Hậu Giang, Phường 11, Quận 6")
        let r2 = try #require(try f.storage.registrations.get("7901234568"))
        #expect(r2.dob == "1985-02-15")
        #expect(r2.photoIdFront && r2.photoIdBack && r2.photoPortrait)
        #expect(r2.phone == "0912345678")
        #expect(try f.storage.registrations.events("7901234567").count == 1)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'import'") == 1)
    }

    @Test func reimportUpdatesInsteadOfDuplicating() throws {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        let s = try f.importCSV(.registrations, "bhxh_code,full_name,status\n7901234567,Nguyễn Văn Đức,approved\n")
        #expect(s.inserted == 0 && s.updated == 1)
        #expect(try f.storage.registrations.countAll() == 4)
        #expect(try f.storage.registrations.get("7901234567")?.status == .approved)
        #expect(try f.storage.registrations.events("7901234567").map(\.kind) == ["import", "import_update"])
    }

    @Test func storesNFCWhateverArrives() throws {
        let f = try Fixture()
        let nfd = "Nguyễn Thị Ánh".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != "Nguyễn Thị Ánh".unicodeScalars.count)
        _ = try f.importCSV(.registrations, "bhxh_code,full_name,address\n7900000001,\(nfd),\"Phường 1,  Quận 6\"\n")
        let r = try #require(try f.storage.registrations.get("7900000001"))
        #expect(r.fullName.unicodeScalars.elementsEqual("Nguyễn Thị Ánh".unicodeScalars))
        #expect(r.address == "Phường 1, Quận 6")
    }

    @Test func bomCRLFAndQuotedNewlines() throws {
        let f = try Fixture()
        let text = "\u{FEFF}bhxh_code,full_name,address\r\n7900000002,\"Lê Văn \"\"Tèo\"\"\",\"dòng 1\ndòng 2\"\r\n7900000003,Phạm Thị Hoa,\r\n"
        let s = try f.importCSV(.registrations, text)
        #expect(s.inserted == 2)
        #expect(try f.storage.registrations.get("7900000002")?.fullName == "Lê Văn \"Tèo\"")
    }

    @Test func storesDeclaredMistakes() throws {
        let f = try Fixture()
        let s = try f.importCSV(.registrations, "bhxh_code,full_name,phone,id_number\n7900000004,Nguyen Van A,02838543385,12345\n")
        #expect(s.inserted == 1)
        let r = try #require(try f.storage.registrations.get("7900000004"))
        #expect(r.phone == "02838543385" && r.idNumber == "12345")
    }

    /// Each bad input is reported with line, column and reason, and nothing is stored.
    @Test(arguments: [
        ("bhxh_code,full_name,dob\n7900000001,A,1990-02-30\n", "line 2", "dob"),
        ("bhxh_code,full_name\n,Nguyễn A\n", "line 2", "bhxh_code is missing"),
        ("bhxh_code,full_name\n79000000,Nguyễn A\n", "line 2", "10 digits"),
        ("bhxh_code,status\n7900000001,waiting\n", "line 2", "status"),
        ("bhxh_code,kind\n7900000001,adult\n", "line 2", "kind"),
        ("bhxh_code,full_name\n7900000001,ok\n7900000002,\"unterminated\n", "line 3", "not closed"),
        ("bhxh_code,full_name\n7900000001,a,b\n", "line 2", "expected 2 fields"),
        ("bhxh_code,photo_portrait\n7900000001,maybe\n", "line 2", "photo_portrait"),
        ("bhxh_code,submitted_at\n7900000001,yesterday\n", "line 2", "submitted_at"),
        ("bhxh_code,kind\n7900000001,child\n", "line 2", "parent_bhxh_code"),
    ])
    func badRowsRejectEverything(csv: String, line: String, reason: String) throws {
        let f = try Fixture()
        do {
            _ = try f.importCSV(.registrations, csv)
            Issue.record("expected a rejection")
        } catch let DeskError.rejectedInput(summary, problems) {
            #expect(summary.english.contains("nothing was imported"))
            #expect(problems.contains { $0.english.contains(line) && $0.english.contains(reason) }, "\(problems.map(\.english))")
        }
        #expect(try f.storage.registrations.countAll() == 0)
    }

    @Test func unknownColumnEmptyFileAndInvalidUTF8() throws {
        let f = try Fixture()
        #expect(throws: DeskError.self) { try f.importCSV(.registrations, "bhxh_code,favourite_colour\n7900000001,blue\n") }
        #expect(throws: DeskError.self) { try f.importCSV(.registrations, "") }
        var bytes = Array("bhxh_code,full_name\n7900000001,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect(throws: DeskError.self) { try Importer(session: f.session).run(.registrations, bytes: bytes, name: "bad.csv") }
        #expect(try f.storage.registrations.countAll() == 0)
    }

    @Test func reportsFirstTwentyThenACount() throws {
        let f = try Fixture()
        let rows = (0..<30).map { "79000000\(String(format: "%02d", $0)),x,notadate" }.joined(separator: "\n")
        do {
            _ = try f.importCSV(.registrations, "bhxh_code,full_name,dob\n" + rows + "\n")
            Issue.record("expected rejection")
        } catch let DeskError.rejectedInput(summary, problems) {
            #expect(problems.count == 20)
            #expect(summary.english.contains("30 bad rows of 30 (the first 20 are listed)"), "\(summary.english)")
        }
    }

    @Test func skipBadKeepsGoodRowsAndWritesBadOnesUnchanged() throws {
        let f = try Fixture()
        let bad = (f.dir as NSString).appendingPathComponent("bad.csv")
        let csv = "bhxh_code,full_name,dob\n7900000001,Võ Văn Kiệt,1990-01-01\n123,\"Huỳnh, Thị\",1990-01-01\n7900000003,Hồ Thị B,31/02/1990\n"
        let s = try f.importCSV(.registrations, csv, skipBad: bad)
        #expect(s.inserted == 1 && s.rejected == 2)
        let out = try String(contentsOfFile: bad, encoding: .utf8)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "bhxh_code,full_name,dob,reason")
        #expect(lines[1].hasPrefix("123,\"Huỳnh, Thị\",1990-01-01,"))
        #expect(lines[2].hasPrefix("7900000003,Hồ Thị B,31/02/1990,"))
    }

    @Test func cancellationCommitsNothing() throws {
        let f = try Fixture()
        f.session.isCancelled = { true }
        let rows = (0..<5000).map { String(format: "79%08d,Tên %d", $0, $0) }.joined(separator: "\n")
        #expect(throws: DeskError.self) { try f.importCSV(.registrations, "bhxh_code,full_name\n" + rows + "\n") }
        #expect(try f.storage.registrations.countAll() == 0)
    }

    @Test func importsInsuredExtract() throws {
        let f = try Fixture()
        let s = try f.importCSV(.insured, "bhxh_code,full_name,dob,gender,id_number,phone,card_number,agency_code\n7901234567,Nguyễn Văn Đức,1990-05-17,M,079090001234,0901234567,dn4797901234567,07916\n")
        #expect(s.inserted == 1)
        #expect(try f.storage.insured.get("7901234567")?.cardNumber == "DN4797901234567")
    }
}
