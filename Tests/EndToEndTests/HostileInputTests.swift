import Foundation
import Testing
import DeskTestSupport

/// The built binary against hostile files and values (SPEC §10, §13), the way a script would meet them.
@Suite(.freshDatabases) struct HostileInputTests {
    static func rawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x08 || (0x80...0x9F).contains($0.value) }
    }

    @Test func importLimitsAndSkipBadFileMode() throws {
        let v = Vssdesk.ready()
        let secret = "SECRET-1e2d"
        let csv = v.write("in.csv", "bhxh_code,full_name\n7900000001,Võ Văn Kiệt\n7900000002,\"\(secret)\"x\n"
                          + "7900000003,\(String(repeating: secret, count: 100))\n7900000004,\(String(repeating: "a", count: 70_000))\n")
        let refused = v.run(["-c", "import registrations \(csv)"])
        #expect(refused.code == 1)
        #expect(refused.err.contains("dòng 3") && refused.err.contains("dòng 4") && refused.err.contains("dòng 5"), "\(refused.err)")
        #expect(!refused.err.contains(secret) && !refused.err.contains("aaaa"))
        #expect(v.json("search 7900000001").object["total"] as? Int == 0)

        // umask 000 in the child: the bad-rows file must still be 0600, as it holds the rejected rows.
        let bad = v.dir + "/bad.csv"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "umask 000; exec \"$0\" --db \"$1\" -c \"import registrations $2 --skip-bad $3\"", Vssdesk.binary, v.db, csv, bad]
        p.environment = ProcessInfo.processInfo.environment.merging(["HOME": v.dir, "VSSDESK_KB_DIR": Vssdesk.kbDir]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: bad)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let rows = try String(contentsOfFile: bad, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 4 && rows[1].hasPrefix("7900000002,\"\(secret)\"x,"))
        #expect(v.json("search 7900000001").object["total"] as? Int == 1)
    }

    @Test func hostileValuesAreShownEscaped() {
        let v = Vssdesk.ready()
        let csv = v.write("h.csv", "bhxh_code,full_name,address\n7900000001,\"Lê\u{1B}]0;owned\u{07}\u{08} Văn \u{202E}A\",\"\u{9B}2J Quận 6\"\n")
        #expect(v.run(["-c", "import registrations \(csv)"]).code == 0)
        for format in ["table", "vertical"] {
            let r = v.run(["--format", format, "-c", "search 7900000001"])
            #expect(r.code == 0 && r.out.contains("\\x1b]0;owned\\x07\\x08") && r.out.contains("\\u{202e}"), "\(r.out)")
            #expect(!Self.rawControl(r.out) && !Self.rawControl(r.err))
        }
        let unknown = v.run(["-c", "sea\u{1B}[2Jrch x"])
        #expect(unknown.code == 2 && unknown.err.contains("\\x1b[2J") && !Self.rawControl(unknown.err))
        let initArgument = Vssdesk().run(["init", "--demo\u{1B}]0;owned\u{07}"])
        #expect(initArgument.code != 0 && initArgument.err.contains("\\x1b]0;owned\\x07") && !Self.rawControl(initArgument.err))
        let formula = v.write("f.csv", "bhxh_code,full_name\n7900000002,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n")
        #expect(v.run(["-c", "import registrations \(formula)"]).code == 0)
        let csvOut = v.run(["--format", "csv", "-c", "search 7900000002"])
        let lines = csvOut.out.split(separator: "\n")
        #expect(csvOut.code == 0 && lines.count == 2 && !lines[0].hasPrefix("'"))
        #expect(lines.last?.hasPrefix("7900000002,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",") == true, "\(csvOut.out)")
    }
}
