import Foundation
import Testing
@testable import Desk
import DeskCore
@_spi(RawSQL) import DeskStore
import DeskTestSupport

@Suite(.freshDatabases) struct SearchTests {
    func loaded() throws -> Fixture {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        _ = try f.importCSV(.insured, """
        bhxh_code,full_name,dob,id_number,phone,card_number
        7901234567,Nguyễn Văn Đức,1990-05-17,079090001234,0901234567,DN4797901234567
        7905555555,Huỳnh Thị Đào,1995-07-07,079195005555,0355555555,HS4797905555555
        """)
        return f
    }

    @Test(arguments: ["nguyen van duc", "NGUYEN VAN DUC", "Nguyễn Văn Đức", "Nguyễn Văn Đức".decomposedStringWithCanonicalMapping,
                      "duc", "duc nguyen", "ng v d"])
    func foldedNameQueriesFindBoth(query: String) throws {
        let f = try loaded()
        let r = try RegistrationService(session: f.session).search(query)
        #expect(r.kind == "name")
        let codes = Set(r.hits.compactMap { $0.registration?.bhxhCode })
        #expect(codes.contains("7901234567") && codes.contains("7901234568"), "\(query)")
    }

    @Test func exactDiacriticsRankFirst() throws {
        let f = try loaded()
        let withMarks = try RegistrationService(session: f.session).search("Nguyễn Văn Đức")
        #expect(withMarks.hits.first?.registration?.fullName == "Nguyễn Văn Đức")
        // The declared-without-diacritics row must come first when the query is typed that way.
        let plain = try RegistrationService(session: f.session).search("Nguyen Van Duc", limit: 1)
        #expect(plain.total == 2)
    }

    @Test func dFoldsToD() throws {
        let f = try loaded()
        let r = try RegistrationService(session: f.session).search("dang duc hung")
        #expect(r.hits.map(\.bhxhCode) == ["7901234570"])
    }

    @Test(arguments: [
        ("7901234567", "bhxh_code"), ("DN4797901234567", "card"), ("dn 4 79 7901234567", "card"),
        ("079090001234", "cccd"), ("+84 90 123 4567", "phone"), ("0901.234.567", "phone"), ("84901234567", "phone"),
        ("090-123-4567", "phone"),
    ])
    func identifierQueries(query: String, kind: String) throws {
        let f = try loaded()
        let r = try RegistrationService(session: f.session).search(query)
        #expect(r.kind == kind)
        #expect(r.hits.first?.bhxhCode == "7901234567", "\(query)")
    }

    @Test func phoneSearchFindsRegistrationsStoredWithThePre2018Number() throws {
        let f = try loaded()
        _ = try f.importCSV(.registrations, "bhxh_code,full_name,phone\n7906666666,Võ Thị Mai,01687654321\n")
        for query in ["0387654321", "038 765 4321", "01687654321"] {
            let r = try RegistrationService(session: f.session).search(query)
            #expect(r.hits.map(\.bhxhCode).contains("7906666666"), "\(query)")
        }
    }

    @Test func insuredWithoutRegistrationIsMarked() throws {
        let f = try loaded()
        let r = try RegistrationService(session: f.session).search("huynh dao")
        #expect(r.hits.count == 1)
        #expect(r.hits[0].registration == nil && r.hits[0].insured?.bhxhCode == "7905555555")
        let byCard = try RegistrationService(session: f.session).search("HS4797905555555")
        #expect(byCard.hits.first?.insured != nil)
    }

    @Test func filtersNarrow() throws {
        let f = try loaded()
        var filter = RegistrationFilter()
        filter.status = "approved"
        let r = try RegistrationService(session: f.session).search("nguyen", filter: filter)
        #expect(r.hits.map(\.bhxhCode) == ["7901234568"])
        #expect(r.total == 1)
    }

    @Test(arguments: ["\"", "nguyen\" OR \"x", "*", "%", "NEAR(a b)", "a AND", "-nguyen", "'; DROP TABLE registrations; --",
                      "LONG", "{name_folded}: x", "^nguyen"])
    func hostileQueriesAreData(query: String) throws {
        let query = query == "LONG" ? String(repeating: "nguyễn ", count: 15000) : query
        let f = try loaded()
        do {
            _ = try RegistrationService(session: f.session).search(query)
        } catch let e as DeskError {
            if case .usage = e {} else { Issue.record("unexpected \(e)") }
        }
        #expect(try f.storage.registrations.countAll() == 4)
    }

    @Test func everySearchIsAudited() throws {
        let f = try loaded()
        _ = try RegistrationService(session: f.session).search("7901234567")
        _ = try RegistrationService(session: f.session).detail("7901234567")
        #expect(try f.count("SELECT count(*) FROM audit WHERE action IN ('search','show') AND operator = 'hoa'") == 2)
    }

    @Test func resolveCodeAcceptsCCCDAsLoginCode() throws {
        let f = try loaded()
        let svc = RegistrationService(session: f.session)
        #expect(try svc.resolveCode("079090001234") == "7901234567")
        #expect(try svc.resolveCode("DN4797901234567") == "7901234567")
        #expect(throws: DeskError.self) { try svc.resolveCode("079099999999") }
    }

    @Test func demoDataIsDeterministicAndSynthetic() throws {
        let a = try Fixture(), b = try Fixture()
        _ = try DemoService(session: a.session).load(count: 200)
        _ = try DemoService(session: b.session).load(count: 200)
        let q = "SELECT bhxh_code, full_name, status FROM registrations ORDER BY bhxh_code"
        #expect(try a.rows(q) == b.rows(q))
        #expect(try a.count("SELECT count(*) FROM registrations WHERE synthetic = 0") == 0)
        let nguyen = try a.count("SELECT count(*) FROM registrations WHERE full_name LIKE 'Nguyễn %'")
        #expect(nguyen > 40 && nguyen < 120)
        #expect(try a.count("SELECT count(DISTINCT status) FROM registrations") == 5)
    }
    @Test(arguments: ["nguyen van du", "Nguyễn Văn Đ", "van d", "huynh thi da", "Huỳnh Thị Đà"])
    func anUnfinishedLastWordStandsForTheWordsItBegins(query: String) throws {
        let f = try loaded()
        let r = try RegistrationService(session: f.session).search(query)
        let codes = Set(r.hits.map(\.bhxhCode))
        #expect(codes.contains("7901234567") || codes.contains("7905555555"), "\(query) → \(codes)")
        if let sqlite = f.sqlite { #expect(try sqlite.nameTerms.words(startingWith: "du", limit: 10).contains("duc")) }
    }

    @Test(.sqliteOnly("SQLite's FTS5 name index beside its word list, written behind the store's back"))
    func aRowWrittenBehindTheStoresBackIsStillFoundByItsWholeWords() throws {
        let f = try loaded()
        let sqlite = try #require(f.sqlite)
        // The sqlite3 shell (or any writer but vssdesk) keeps the name index but not `name_terms`.
        try sqlite.db.execute("""
            INSERT INTO registrations(bhxh_code, kind, full_name, name_folded, status, sms_status)
            VALUES ('7907777777', 'self', 'Phạm Quốc Khánh', 'pham quoc khanh', 'submitted', 'none')
            """)
        #expect(try sqlite.nameTerms.words(startingWith: "khanh", limit: 10).isEmpty)
        for query in ["pham quoc khanh", "Phạm Quốc Khánh", "khanh"] {
            #expect(try RegistrationService(session: f.session).search(query).hits.map(\.bhxhCode) == ["7907777777"], "\(query)")
        }
    }

    @Test func theTotalIsCappedAndExactDiacriticsStillComeFirstBeyondTheCap() throws {
        let f = try Fixture()
        let cap = RegistrationService.totalCap
        var csv = "bhxh_code,full_name,status\n"
        for i in 0..<(cap + 20) { csv += "79080\(String(format: "%05d", i)),Lê Thị Ha,submitted\n" }
        for i in 0..<3 { csv += "79090\(String(format: "%05d", i)),Lê Thị Hà,submitted\n" }
        _ = try f.importCSV(.registrations, csv)
        let r = try RegistrationService(session: f.session).search("Lê Thị Hà", limit: 5)
        #expect(r.total == cap && r.totalCapped)
        #expect(r.hits.prefix(3).map { $0.registration?.fullName } == ["Lê Thị Hà", "Lê Thị Hà", "Lê Thị Hà"])
        #expect(r.hits.count == 5)
        var submitted = RegistrationFilter()
        submitted.status = "submitted"
        let few = try RegistrationService(session: f.session).search("Lê Thị Hà", filter: submitted, limit: 2)
        #expect(few.hits.map { $0.registration?.fullName } == ["Lê Thị Hà", "Lê Thị Hà"])
    }

    @Test(arguments: [
        (["nguyễn", "văn", "đ"], "Nguyễn Văn Đức", true),
        (["nguyễn", "văn", "đức"], "Nguyễn Văn Đức", true),
        (["đức", "nguyễn"], "Nguyễn Văn Đức", true),
        (["nguyễn", "văn", "đức"], "Nguyen Van Duc", false),
        (["văn", "đức"], "Nguyễn Vănh Đức", false),
        (["thị", "hà"], "Lê Thị Hạ", false),
    ])
    func exactWordsAreCheckedLikeTheIndex(query: [String], name: String, expected: Bool) {
        #expect(NameQuery.containsWords(query, in: name) == expected)
    }

    @Test(.sqliteOnly("SQLite's migration v2, run on a file taken back to v1"))
    func migrationTwoFillsTheWordListFromTheNameIndexes() throws {
        let f = try loaded()
        try #require(f.sqlite).db.execute("""
            DROP TABLE name_terms; DROP TABLE heard_terms; DROP TRIGGER registrations_insured_ai; DROP TRIGGER registrations_insured_ad;
            DROP TRIGGER registrations_insured_au; DROP TRIGGER audit_chain_append;
            ALTER TABLE audit DROP COLUMN prev_hash; ALTER TABLE audit DROP COLUMN hash; PRAGMA user_version = 1
            """)
        let reopened = try Store(path: f.location)
        let words = try reopened.nameTerms.words(startingWith: "d", limit: 50) + (try reopened.nameTerms.words(startingWith: "đ", limit: 50))
        #expect(words.contains("duc") && words.contains("dao") && words.contains("đức"))
    }
    /// The extract's name index holds exactly the people with no registration, whatever order and path
    /// (bulk import, single write, rename, a row deleted behind the store's back) the data arrives by.
    @Test(.sqliteOnly("reads SQLite's FTS5 index of the extract (fts5vocab)"))
    func theExtractsNameIndexHoldsExactlyTheUnregistered() throws {
        let f = try Fixture()
        func check(_ step: String) throws { try Self.expectUnregisteredIndexed(f, step) }
        _ = try f.importCSV(.insured, """
            bhxh_code,full_name,dob
            7901000001,Nguyễn Thị Lan,1990-01-01
            7901000002,Trần Văn Bình,1991-02-02
            7901000003,Lê Hoàng Nam,1992-03-03
            """)
        try check("extract first")
        _ = try f.importCSV(.registrations, "bhxh_code,full_name,status\n7901000002,Trần Văn Bình,submitted\n7901000009,Võ Minh Tú,submitted\n")
        try check("then a registration of one of them")
        var nam = Registration(bhxhCode: "7901000003")
        nam.fullName = "Lê Hoàng Nam"
        try f.storage.registrations.upsert(nam, at: "2025-03-12T02:00:00Z", operator: "hoa", eventKind: "import")
        try check("a single registration")
        _ = try f.importCSV(.insured, """
            bhxh_code,full_name,dob
            7901000001,Nguyễn Thị Lan Anh,1990-01-01
            7901000002,Trần Văn Bính,1991-02-02
            7901000009,Võ Minh Tú,1993-04-04
            7901000010,Huỳnh Thị Mai,1994-05-05
            """)
        try check("renames of the registered and the unregistered, the extract after the registration")
        var mai = InsuredPerson(bhxhCode: "7901000011")
        mai.fullName = "Đặng Thu Hà"
        try f.storage.insured.upsert(mai)
        mai.fullName = "Đặng Thu Hằng"
        try f.storage.insured.upsert(mai)
        try check("single writes to the extract")
        try #require(f.sqlite).db.execute("""
            INSERT INTO registrations(bhxh_code, kind, full_name, name_folded, status, sms_status)
            VALUES ('7901000010', 'self', 'Huỳnh Thị Mai', 'huynh thi mai', 'submitted', 'none')
            """)
        try check("a registration written by hand")
        try #require(f.sqlite).db.execute("DELETE FROM registrations WHERE bhxh_code = '7901000010'")
        try check("and deleted by hand")
        let r = try RegistrationService(session: f.session).search("huynh thi mai")
        #expect(r.hits.map(\.bhxhCode) == ["7901000010"] && r.hits.first?.registration == nil)
        let lan = try RegistrationService(session: f.session).search("Nguyễn Thị Lan Anh")
        #expect(lan.hits.first?.insured?.bhxhCode == "7901000001")
        #expect(try RegistrationService(session: f.session).search("tran van binh").hits.allSatisfy { $0.registration != nil })
    }
    static func expectUnregisteredIndexed(_ f: Fixture, _ step: String) throws {
        let db = try #require(f.sqlite).db
        try db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed USING fts5vocab(main, insured_fts, instance)")
        let indexed = Set(try db.query("SELECT DISTINCT doc FROM temp.indexed").compactMap { $0.int(0) })
        let expected = Set(try db.query("""
            SELECT id FROM insured i WHERE NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code)
            """).compactMap { $0.int(0) })
        #expect(indexed == expected, "\(step)")
        #expect(!expected.isEmpty || step.isEmpty, "\(step): nobody unregistered, the check proves little")
    }

    @Test(.sqliteOnly("reads SQLite's FTS5 index of the extract (fts5vocab)"))
    func demoDataLoadsBothIndexesConsistently() throws {
        let f = try Fixture()
        _ = try DemoService(session: f.session).load(count: 400)
        try Self.expectUnregisteredIndexed(f, "demo load")
        _ = try DemoService(session: f.session).load(count: 400)
        try Self.expectUnregisteredIndexed(f, "demo loaded again over itself")
    }

    @Test(.sqliteOnly("SQLite's bulk load and its word list, with and without split batches"), arguments: [0, 1_000])
    func aBulkLoadRecordsItsWordsEitherWay(splitLimit: Int) throws {
        let f = try Fixture()
        let sqlite = try #require(f.sqlite)
        try f.storage.transaction {
            let load = try BulkLoad(sqlite.db, table: "registrations", splitLimit: splitLimit)
            for (i, name) in ["Nguyễn Văn Đức", "Lưu Thị Xuân", "Ông Bảo Ngọc"].enumerated() {
                var r = Registration(bhxhCode: "790100010\(i)")
                r.fullName = name
                try f.storage.registrations.upsert(r, at: "2025-03-12T02:00:00Z", operator: "hoa", eventKind: "import", bulk: load)
            }
            try load.finish()
        }
        for (prefix, word) in [("xu", "xuan"), ("xu", "xuân"), ("ng", "ngoc"), ("ng", "ngọc"), ("ong", "ong"), ("đ", "đức")] {
            #expect(try sqlite.nameTerms.words(startingWith: prefix, limit: 10).contains(word), "\(prefix) → \(word)")
        }
        #expect(try RegistrationService(session: f.session).search("luu thi xu").hits.map(\.bhxhCode) == ["7901000101"])
    }
}
