import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskTestSupport
@_spi(RawSQL) import DeskStore

/// Bad input has limits, not consequences (SPEC §13): refused with its line number, never cut, never quoted back.
@Suite(.freshDatabases) struct ImportLimitsTests {
    static let secret = "SECRET-7f3a"

    func rejection(_ f: Fixture, _ bytes: [UInt8]) throws -> [String] {
        try rejectionMessages(f, bytes).map(\.english)
    }

    func rejectionMessages(_ f: Fixture, _ bytes: [UInt8]) throws -> [DeskMessage] {
        do {
            _ = try Importer(session: f.session).run(.registrations, bytes: bytes, name: "t.csv")
            Issue.record("expected a rejection")
            return []
        } catch let DeskError.rejectedInput(summary, problems) {
            #expect(summary.english.contains("nothing was imported"))
            #expect(try f.storage.registrations.countAll() == 0)
            #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'import'") == 0)
            return problems
        }
    }

    static let header = Array("bhxh_code,full_name,address\n7900000001,Ok,Quận 6\n".utf8)

    @Test(arguments: [
        (Array("7900000002,\(String(repeating: "Đ", count: 1001)),x\n".utf8), "line 3, column full_name", "1,000 characters"),
        (Array("7900000002,\"Lê\u{0}\(secret)\",x\n".utf8), "line 3, column full_name", "NUL"),
        (Array("7900000002,Lê,\(secret)".utf8) + [0x00] + Array("x\n".utf8), "line 3, column address", "NUL"),
        (Array("7900000002,".utf8) + [0xC3, 0x28] + Array("\(secret),x\n".utf8), "line 3, column full_name", "UTF-8"),
        (Array("7900000002,Lê,".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8), "line 3, column address", "UTF-8"),
        (Array("7900000002,\"Nguyen\"\(secret),x\n".utf8), "line 3, column full_name", "after the closing quote"),
        (Array("7900000002,\"a\nb\"\(secret),x\n".utf8), "line 4, column full_name", "after the closing quote"),
        (Array("7900000002,x,\(String(repeating: "a ", count: 40_000))\n".utf8), "line 3, column address", "1,000 characters"),
        (Array("7900000002,x,\(String(repeating: "a,", count: 40_000))\n".utf8), "line 3", "64 KB"),
        (Array("7900000002,\"\(String(repeating: "dòng\n", count: 20_000))\",x\n".utf8), "column full_name", "1,000 characters"),
    ])
    func refusedWithLineAndColumn(row: [UInt8], place: String, problem: String) throws {
        let f = try Fixture()
        let problems = try rejection(f, Self.header + row + Array("7900000003,Cuối,Quận 6\n".utf8))
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.contains { $0.contains(place) && $0.contains(problem) }, "\(problems)")
        #expect(!problems.joined().contains(Self.secret) && !problems.joined().contains("Đ"))
    }

    @Test func exactlyAThousandCharactersIsKeptWhole() throws {
        let f = try Fixture()
        let name = String(repeating: "Ễ", count: 1000)
        _ = try f.importCSV(.registrations, "bhxh_code,full_name\n7900000001,\(name)\n")
        #expect(try f.storage.registrations.get("7900000001")?.fullName == name)
    }

    @Test func fiftyMegabyteNameIsRefused() throws {
        let f = try Fixture()
        var bytes = Array("bhxh_code,full_name\n7900000001,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "A"), count: 50 << 20)
        bytes += Array("\n".utf8)
        let problems = try rejection(f, bytes)
        #expect(problems == ["line 2, column full_name: longer than 1,000 characters"])
    }

    @Test func valuesAreNeverQuotedInReasons() throws {
        let f = try Fixture()
        let rows = ["\(Self.secret),a,,,,", "7900000001,\(Self.secret),,,,", "7900000002,,\(Self.secret),,,",
                    "7900000003,,,\(Self.secret),,", "7900000004,,,,\(Self.secret),", "7900000005,,,,,\(Self.secret)"]
        let problems = try rejection(f, Array(("bhxh_code,dob,gender,status,photo_portrait,submitted_at\n" + rows.joined(separator: "\n") + "\n").utf8))
        #expect(problems.count == 6, "\(problems)")
        #expect(!problems.joined().contains(Self.secret))
        #expect {
            try f.importCSV(.registrations, "bhxh_code,\(Self.secret)\n7900000001,x\n")
        } throws: { e in
            let text = (e as? DeskError)?.english ?? ""
            return text.contains("column 2") && !text.contains(Self.secret)
        }
        #expect {
            try f.importCSV(.registrations, "bhxh_code,\"full\u{0}name\"\n7900000001,x\n")
        } throws: { e in
            let text = (e as? DeskError)?.english ?? ""
            return text.contains("line 1") && text.contains("NUL")
        }
    }

    @Test func skipBadWritesEveryRejectedRowUnchanged() throws {
        let f = try Fixture()
        let bad = (f.dir as NSString).appendingPathComponent("bad.csv")
        let rows: [[UInt8]] = [
            Array("7900000001,Võ Văn Kiệt\n".utf8),
            Array("7900000002,\"Nguyen\"x\n".utf8),
            Array("7900000003,Lê\u{0}A\n".utf8),
            Array("7900000004,".utf8) + [0xFF, 0xFE] + Array("\n".utf8),
            Array("123,\"Huỳnh, Thị\"\n".utf8),
            Array("7900000006,\"a\"\"b\" \n".utf8),
            Array("7900000007,Hồ Thị B\n".utf8),
        ]
        let old = umask(0)
        defer { umask(old) }
        let s = try Importer(session: f.session).run(.registrations, bytes: Array("bhxh_code,full_name\n".utf8) + rows.joined(),
                                                     name: "t.csv", skipBadPath: bad)
        #expect(s.inserted == 2 && s.rejected == 5)
        let out = try #require(FileManager.default.contents(atPath: bad)).map { $0 }
        let lines = out.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        #expect(lines.count == 7 && lines[6].isEmpty)
        #expect(lines[0] == Array("bhxh_code,full_name,reason".utf8))
        for (written, original) in zip(lines[1...5], [rows[1], rows[2], rows[3], rows[4], rows[5]]) {
            #expect(written.starts(with: original.dropLast() + [UInt8(ascii: ",")]), "\(String(decoding: written, as: UTF8.self))")
        }
        #expect(String(decoding: lines[1], as: UTF8.self).hasSuffix(",\"line 3, column full_name: text after the closing quote of a quoted field\""))
        let mode = try FileManager.default.attributesOfItem(atPath: bad)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func readsTheFileThroughUserFile() throws {
        let f = try Fixture()
        #expect { try Importer(session: f.session).run(.registrations, path: f.dir + "/missing.csv") } throws: {
            if case FileProblem.cannotRead = $0 { return true } else { return false }
        }
        #expect(throws: FileProblem.self) { try Importer(session: f.session).run(.registrations, path: f.dir) }
        let ok = f.write("ok.csv", "bhxh_code,full_name\n7900000001,A\n")
        #expect(try Importer(session: f.session).run(.registrations, path: ok).inserted == 1)
    }
}
