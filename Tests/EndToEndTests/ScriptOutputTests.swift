import Foundation
import Testing
import DeskTestSupport

/// SPEC §10: one JSON document per command, errors included; CSV headers are the JSON field names.
@Suite(.freshDatabases) struct ScriptOutputTests {
    static func documents(_ out: String) -> [[String: Any]] {
        out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func failedCommandWritesAnErrorDocument() {
        let v = Vssdesk.ready()
        let r = v.run(["--format", "json", "--on-error", "continue", "-c", "check 0901234567", "-c", "nosuchcommand",
                       "-c", "search --limit 0 x", "-c", "check 028 3854 3385"])
        #expect(r.code == 2)
        let docs = Self.documents(r.out)
        #expect(docs.count == 4, "\(r.out)")
        guard docs.count == 4 else { return }
        #expect(docs[0]["kind"] as? String == "mobile")
        let error = docs[1]["error"] as? [String: Any]
        #expect(error?["exit_code"] as? Int == 2)
        #expect((error?["message"] as? String)?.contains("nosuchcommand") == true)
        #expect((docs[2]["error"] as? [String: Any])?["exit_code"] as? Int == 2)
        #expect(docs[3]["kind"] as? String == "landline")
        #expect(r.err.contains("nosuchcommand"))
    }

    @Test func errorDocumentForAPerCommandFormatAndAFailure() {
        let v = Vssdesk.ready()
        let r = v.run(["show", "7999999999", "--format", "json"])
        #expect(r.code == 1)
        #expect((r.object["error"] as? [String: Any])?["exit_code"] as? Int == 1)
        #expect(r.err.contains("7999999999"))
    }

    @Test func helpForAnUnknownCommandIsAUsageError() {
        let v = Vssdesk.ready()
        let r = v.json("help nosuchcommand")
        #expect(r.code == 2)
        #expect((r.object["error"] as? [String: Any])?["exit_code"] as? Int == 2)
        #expect(v.json("help search").code == 0)
    }

    /// Every command with a table: its CSV header row is the field names of the JSON records it shows.
    @Test func csvHeadersAreJSONFieldNames() {
        let v = Vssdesk.ready(demo: 120)
        _ = v.run(["-c", "ticket new --caller 0901234567 --line 121 hỏi mật khẩu"])
        let code = (v.json("diagnose --stuck --limit 1").object["results"] as? [[String: Any]])?.first?["bhxh_code"] as? String ?? ""
        let commands: [(String, String)] = [
            ("search nguyen --limit 3", "results"), ("ticket list", "results"), ("audit --limit 5", "results"),
            ("kb list", "results"), ("kb search mat khau", "results"), ("stats registrations --by status", "rows"),
            ("stats tickets --by line", "rows"), ("operator list", "results"), ("diagnose --stuck --limit 3", "results"),
            ("show \(code)", "findings"), ("ticket show 1", "timeline"), ("outbox list", "results"),
        ]
        for (command, member) in commands {
            let j = v.json(command)
            let records = j.object[member] as? [[String: Any]] ?? []
            let csv = v.run(["--format", "csv", "-c", command])
            #expect(csv.code == 0, "\(command): \(csv.err)")
            guard let first = records.first else {
                #expect(csv.out.isEmpty, "\(command): \(csv.out)")
                continue
            }
            let header = csv.out.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
            #expect(Set(header) == Set(first.keys), "\(command): \(header) vs \(first.keys.sorted())")
        }
    }

    @Test func ticketIDsInCSVAreNumbers() {
        let v = Vssdesk.ready()
        _ = v.run(["-c", "ticket new --caller 0901234567 --line 121 hỏi mật khẩu"])
        let csv = v.run(["--format", "csv", "-c", "ticket list"])
        let lines = csv.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,") == true, "\(csv.out)")
        #expect(lines.dropFirst().first?.hasPrefix("1,") == true, "\(csv.out)")
        let audit = v.run(["--format", "csv", "-c", "audit --action ticket_new"])
        #expect(audit.out.split(separator: "\n").dropFirst().first?.hasSuffix(",1") == true, "\(audit.out)")
    }
}
