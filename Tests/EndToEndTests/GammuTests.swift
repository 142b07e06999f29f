import Foundation
import Testing
import DeskTestSupport

private let gammuInject = "/usr/bin/gammu-smsd-inject"

/// The real `gammu-smsd-inject` (Debian package gammu-smsd) with the files backend: no modem, it writes the message
/// into its outbox folder, which this test reads back.
@Suite(.freshDatabases, .enabled(if: FileManager.default.isExecutableFile(atPath: gammuInject),
                "gammu-smsd-inject is not installed at /usr/bin/gammu-smsd-inject (apt-get install gammu-smsd); skipping the real-gateway test"))
struct GammuTests {
    /// A files-backend SMSD configuration in `dir`; returns the config path.
    static func smsdConfig(in dir: String, outbox: String = "outbox") throws -> String {
        for sub in ["inbox", "outbox", "sent", "error"] {
            try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
        }
        let config = dir + "/smsdrc"
        let text = """
            [gammu]
            device = /dev/null
            connection = at
            [smsd]
            service = files
            inboxpath = \(dir)/inbox/
            outboxpath = \(dir)/\(outbox)/
            sentsmspath = \(dir)/sent/
            errorsmspath = \(dir)/error/
            logfile = \(dir)/smsd.log

            """
        FileManager.default.createFile(atPath: config, contents: Data(text.utf8))
        return config
    }

    /// The text of a Gammu SMS backup file: its `TextNN` entries are hex of UCS-2 big-endian, whatever the coding.
    static func decodeSMSBackup(_ file: String) -> (number: String?, text: String) {
        let content = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        var number: String?
        var parts: [(Int, String)] = []
        for raw in content.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if key == "Number" { number = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            if key.hasPrefix("Text"), let n = Int(key.dropFirst(4)) { parts.append((n, value)) }
        }
        let hex = parts.sorted { $0.0 < $1.0 }.map(\.1).joined()
        var units: [UInt16] = []
        var i = hex.startIndex
        while let j = hex.index(i, offsetBy: 4, limitedBy: hex.endIndex), i < hex.endIndex {
            if let u = UInt16(hex[i..<j], radix: 16) { units.append(u) }
            i = j
        }
        return (number, String(decoding: units, as: UTF16.self))
    }

    /// The message as an argument, and (the default) on standard input, which keeps it out of the process list.
    @Test(arguments: [" -text {body}", ""]) func aResendIsDeliveredThroughTheRealGammuInject(bodyArgument: String) throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v))
        let gammu = v.dir + "/gammu"
        let config = try Self.smsdConfig(in: gammu)
        let set = v.run(["-c", "config set sms_gateway 'gammu-smsd-inject -c \(config) TEXT {to} -unicode\(bodyArgument)'"])
        #expect(set.code == 0, "\(set.err)")

        let call = v.run(["--as", "hoa", "--format", "json", "-c", "call \(reg.phone)", "-c", "resend \(reg.verify)",
                          "-c", "done \"đã gửi lại mật khẩu\""])
        #expect(call.code == 0, "\(call.err)")
        let body = try #require(StockShell.scalar(v.db, "SELECT body FROM sms_outbox WHERE bhxh_code = '\(reg.code)'"))
        let pw = try #require(CallFlowTests.password(in: body))

        let send = v.json("outbox send", as: "lan")
        #expect(send.code == 0, "\(send.err)")
        #expect(send.object["sent"] as? Int == 1 && send.object["attempted"] as? Int == 1, "\(send.out) \(send.err)")

        let files = try FileManager.default.contentsOfDirectory(atPath: gammu + "/outbox")
        let file = try #require(files.first { $0.contains(reg.phone) }, "no message for \(reg.phone) in \(files)")
        #expect(files.count == 1)
        let (number, text) = Self.decodeSMSBackup(gammu + "/outbox/" + file)
        #expect(number == reg.phone)
        #expect(text.contains(reg.code), "\(text)")
        // Gammu's TEXT with -unicode keeps one 70-character UCS-2 message; the login code and the password come first.
        #expect(text.contains(pw), "\(text)")
        #expect(body.hasPrefix(text), "gammu got another text: \(text)")

        // Delivered: the password is wiped, the registration knows.
        #expect(StockShell.scalar(v.db, "SELECT status FROM sms_outbox WHERE bhxh_code = '\(reg.code)'") == "sent")
        let kept = try #require(StockShell.scalar(v.db, "SELECT body FROM sms_outbox WHERE bhxh_code = '\(reg.code)'"))
        #expect(!kept.contains(pw) && kept.contains(reg.code))
        #expect(StockShell.scalar(v.db, "SELECT sms_status FROM registrations WHERE bhxh_code = '\(reg.code)'") == "sent")
        // Nothing left to send.
        #expect(v.json("outbox send", as: "lan").object["attempted"] as? Int == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: gammu + "/outbox").count == 1)
    }

    @Test func aGammuFailureIsRetriedLater() throws {
        let v = Vssdesk.ready(demo: 300)
        let reg = try #require(CallableRegistration.pick(v))
        let gammu = v.dir + "/gammu"
        // The configured outbox folder does not exist: gammu-smsd-inject refuses.
        let config = try Self.smsdConfig(in: gammu, outbox: "missing")
        let template = "gammu-smsd-inject -c \(config) TEXT {to} -unicode -text {body}"
        #expect(v.run(["--as", "hoa", "-c", "resend \(reg.code) \(reg.verify)"]).code == 0)
        let send = v.json("outbox send --gateway '\(template)'")
        #expect(send.code == 0, "\(send.err)")
        #expect(send.object["retrying"] as? Int == 1 && send.object["sent"] as? Int == 0, "\(send.out)")
        let row = StockShell.rows(v.db, "SELECT status, attempts, last_error, CASE WHEN next_attempt_at > created_at THEN 1 ELSE 0 END FROM sms_outbox").first ?? []
        #expect(row.count == 4 && row[0] == "queued" && row[1] == "1" && row[3] == "1", "\(row)")
        #expect(row.count == 4 && row[2].hasPrefix("reason=exit code="), "\(row)")
        #expect(StockShell.scalar(v.db, "SELECT sms_status FROM registrations WHERE bhxh_code = '\(reg.code)'") == "queued")
    }
}
