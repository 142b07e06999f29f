import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// Name search's tiers, ranking, prefixes, caps and fallbacks: the same pages on SQLite and PostgreSQL.
final class PGNameSearchTests: XCTestCase {
    /// Exact diacritics, folded spellings (no marks; another mark on the same letters) and spellings as heard
    /// (final t/c, initial v/d), in an order that is not the ranking.
    static let names: [(String, String)] = [
        ("7901000001", "Nguyễn Văn Đứt"),      // heard: dut ~ duc (final t/c)
        ("7901000002", "Nguyen Van Duc"),      // folded
        ("7901000003", "Nguyễn Văn Đức"),      // exact
        ("7901000004", "Nguyễn Văn Vức"),      // heard: vuc ~ duc (initial v/d)
        ("7901000005", "Nguyển Văn Đức"),      // folded: another tone on "nguyen"
        ("7901000006", "Trần Thị Lan"),
        ("7901000007", "Nguyễn Văn Đức"),      // exact
        ("7901000008", "Đức Nguyễn Văn"),      // exact, words in another order
        ("7901000009", "Trương Thị Sương"),
        ("7901000010", "Lâm Chí Trung"),
    ]

    func load(_ s: any DeskStorage) throws {
        for (code, name) in Self.names {
            try s.registrations.upsert(BothEngines.registration(code, name), at: BothEngines.at, operator: nil, eventKind: "import")
        }
        var p = InsuredPerson(bhxhCode: "7905555555")
        p.fullName = "Huỳnh Thị Đào"
        try s.insured.upsert(p)
        var registered = InsuredPerson(bhxhCode: "7901000006")
        registered.fullName = "Trần Thị Lan"
        try s.insured.upsert(registered)
    }

    struct Page: Equatable, CustomStringConvertible {
        var rows: [String]
        var total: Int
        var capped: Bool
        var loose: Bool
        var description: String { "\(rows) total \(total)\(capped ? "+" : "") loose \(loose)" }
    }

    func page(_ s: any DeskStorage, _ text: String, limit: Int = 20, filter: RegistrationFilter = RegistrationFilter()) throws -> Page {
        let q = BothEngines.nameQuery(text)
        let p = try s.registrations.searchNames(q, filter: filter, limit: limit)
        return Page(rows: p.registrations.map { "\($0.bhxhCode) \(q.tier(of: $0.fullName, loose: p.loose).rawValue)" },
                    total: p.total, capped: p.capped, loose: p.loose)
    }

    func testExactBeforeFoldedBeforeHeard() throws {
        try BothEngines.same("tiers") { engine, s in
            try load(s)
            let withMarks = try page(s, "Nguyễn Văn Đức")
            XCTAssertEqual(withMarks.rows, ["7901000003 exact", "7901000007 exact", "7901000008 exact", "7901000002 folded",
                                            "7901000005 folded", "7901000001 heard", "7901000004 heard"], "\(engine) \(withMarks)")
            XCTAssertEqual(withMarks.total, 7, engine)
            let plain = try page(s, "nguyen van duc")
            XCTAssertEqual(plain.rows.map { String($0.prefix(10)) },
                           ["7901000002", "7901000003", "7901000005", "7901000007", "7901000008", "7901000001", "7901000004"], engine)
            return [withMarks, plain]
        }
    }

    func testTheLastWordIsAPrefixAndEveryWordMayBeOneWhenNothingElseMatches() throws {
        for text in ["nguyen van du", "Nguyễn Văn Đ", "van d", "duc nguyen", "ng v d", "nguy van duc", "truong thi s", "lam chi tr"] {
            try BothEngines.same(text) { engine, s in
                try load(s)
                let p = try page(s, text)
                XCTAssertFalse(p.rows.isEmpty, "\(engine): \(text)")
                return p
            }
        }
    }

    func testHeardSpellingsOfTheSouthAndSlipsFindTheName() throws {
        // tr/ch and s/x (Trương Thị Sương as "chuong thi xuong"), final n/ng, a letter missing in a long word.
        for (text, code) in [("chuong thi xuong", "7901000009"), ("lam chi chung", "7901000010"), ("nguyn van duc", "7901000003"),
                             ("tran thi lang", "7901000006")] {
            try BothEngines.same(text) { engine, s in
                try load(s)
                let p = try page(s, text)
                XCTAssertTrue(p.rows.contains("\(code) heard"), "\(engine): \(text) → \(p)")
                return p
            }
        }
    }

    func testFiltersNarrowEveryTier() throws {
        try BothEngines.same("filters") { _, s in
            try load(s)
            try s.registrations.setStatus("7901000002", status: "approved", smsStatus: nil, rejectReason: nil, at: BothEngines.at,
                                          operator: nil, eventKind: "set_status", detail: "")
            var filter = RegistrationFilter()
            filter.status = "approved"
            return try page(s, "nguyen", filter: filter)
        }
    }

    /// SQLite's test of the same name: more folded matches than the cap, the few exact ones still first.
    func testTheTotalIsCappedAndExactDiacriticsStillComeFirstBeyondTheCap() throws {
        try BothEngines.same("cap") { engine, s in
            var rows = (0..<120).map { BothEngines.registration("79080\(String(format: "%05d", $0))", "Lê Thị Ha") }
            rows += (0..<3).map { BothEngines.registration("79090\(String(format: "%05d", $0))", "Lê Thị Hà") }
            try BothEngines.bulkLoad(s, rows)
            let p = try page(s, "Lê Thị Hà", limit: 5)
            XCTAssertEqual(p.total, 100, engine)
            XCTAssertTrue(p.capped, engine)
            XCTAssertEqual(p.rows.prefix(3).map { String($0.suffix(5)) }, ["exact", "exact", "exact"], "\(engine) \(p)")
            XCTAssertEqual(p.rows.count, 5, engine)
            return p
        }
    }

    /// More namesakes said in order than a page wants: found by the start of the folded name (PostgreSQL) and the
    /// same tiers either way; a heard word stays a whole word there ("trangg" is no hearing of "chang"), filters
    /// still apply, and a word that only begins the name's word is not taken for it.
    func testManyNamesakesSaidInOrderAreTrueMatchesOnEveryPath() throws {
        try BothEngines.same("namesakes") { engine, s in
            var rows = (0..<130).map { BothEngines.registration("79070\(String(format: "%05d", $0))", "Nguyễn Thanh Trang") }
            rows += (0..<10).map { BothEngines.registration("79071\(String(format: "%05d", $0))", "Nguyễn Thanh Trangg") }
            rows += (0..<10).map { BothEngines.registration("79072\(String(format: "%05d", $0))", "Nguyễn Thanhh Trang") }
            try BothEngines.bulkLoad(s, rows)
            let heard = try s.registrations.searchNames(BothEngines.nameQuery("nguyen thanh chang"), filter: RegistrationFilter(), limit: 20)
            XCTAssertEqual(heard.registrations.count, 20, engine)
            XCTAssertEqual(Set(heard.registrations.map(\.fullName)), ["Nguyễn Thanh Trang"], engine)
            let said = try s.registrations.searchNames(BothEngines.nameQuery("nguyen thanh tr"), filter: RegistrationFilter(), limit: 20)
            XCTAssertTrue(said.capped, engine)
            XCTAssertTrue(said.registrations.allSatisfy { $0.fullName.hasPrefix("Nguyễn Thanh Tr") }, "\(engine)")
            try s.registrations.setStatus("7907000007", status: "approved", smsStatus: nil, rejectReason: nil, at: BothEngines.at,
                                          operator: nil, eventKind: "set_status", detail: "")
            var filter = RegistrationFilter()
            filter.status = "approved"
            let narrowed = try page(s, "nguyen thanh trang", filter: filter)
            XCTAssertEqual(narrowed.rows, ["7907000007 folded"], engine)
            return narrowed
        }
    }

    func testUnregisteredPeopleOfTheExtractAreFoundByName() throws {
        try BothEngines.same("unregistered") { engine, s in
            try load(s)
            let found = try s.insured.searchNamesUnregistered(BothEngines.nameQuery("huynh dao"), loose: false, limit: 5).map(\.bhxhCode)
            XCTAssertEqual(found, ["7905555555"], engine)
            XCTAssertEqual(try s.insured.searchNamesUnregistered(BothEngines.nameQuery("tran thi lan"), loose: false, limit: 5).count, 0, engine)
            let loose = try s.insured.searchNamesUnregistered(BothEngines.nameQuery("huy da"), loose: true, limit: 5).map(\.bhxhCode)
            return found + loose
        }
    }

    func testQueryTextIsDataNeverSyntax() throws {
        for text in ["'", "nguyen' | 'x", "a & !b", "duc:*", "<->", "nguyen\\", "'; DROP TABLE registrations; --", "=duc", "+van+duc"] {
            let words = Folding.words(text)
            guard !words.isEmpty else { continue }
            try BothEngines.same(text) { _, s in
                try load(s)
                let q = NameQuery(words: words, exactWords: [text.lowercased()], exactFirst: true, cap: 100)
                let p = try s.registrations.searchNames(q, filter: RegistrationFilter(), limit: 5)
                XCTAssertEqual(try s.registrations.countAll(), Self.names.count)
                return p.registrations.map(\.bhxhCode)
            }
        }
    }

    func testARowWrittenByPsqlIsFoundByItsWholeWords() throws {
        let uri = try PGTestServer.freshDatabase()
        let s = try PostgresStorage(uri: uri, create: true)
        try load(s)
        try PGTestServer.psql(uri, """
            INSERT INTO registrations(bhxh_code, kind, full_name, name_folded, status) VALUES ('7907777777', 'self', 'Phạm Quốc Khánh', 'pham quoc khanh', 'submitted')
            """)
        for text in ["pham quoc khanh", "Phạm Quốc Khánh", "khanh"] {
            XCTAssertEqual(try page(s, text).rows.first, "7907777777 \(text.first == "P" ? "exact" : "folded")", text)
        }
    }

    /// The name index means the same on a server whose locale does not lowercase Vietnamese (LC_CTYPE C): the
    /// migration then makes `vssdesk_name_lexemes` with its own table of letters.
    func testTheNameIndexIsTheSameUnderACLocale() throws {
        let base = try PGTestServer.requireURI()
        let name = "c_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try PGTestServer.psql(base, "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
        let cURI = base.replacingOccurrences(of: "postgresql:///vssdesk?", with: "postgresql:///\(name)?")
        let plain = try PGTestServer.freshDatabase()
        _ = try PostgresStorage(uri: cURI, create: true)
        _ = try PostgresStorage(uri: plain, create: true)
        let sql = "SELECT vssdesk_name_lexemes('dang anh le thi ha', 'ĐẶNG Ánh-LÊ  thị HẠ')::text"
        XCTAssertEqual(try PGTestServer.psql(cURI, sql), try PGTestServer.psql(plain, sql))
        XCTAssertTrue(try PGTestServer.psql(cURI, sql).contains("'=đặng'"))
    }
}
