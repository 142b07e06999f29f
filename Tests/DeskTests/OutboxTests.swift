import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskStore
import DeskTestSupport

@Suite(.freshDatabases) struct OutboxTests {
    /// A fixture with one approved registration's credentials queued (7901234568 → 0912 345 678) and fake gateways.
    struct Setup {
        let f: Fixture
        let smsID: Int
        let body: String
        var gateways: String { f.dir + "/gw" }
        var argvFile: String { gateways + "/argv" }
        var callsFile: String { gateways + "/calls" }
        var ok: String { "'\(gateways)/ok.sh' --to {to} --text {body}" }
        var fail: String { "'\(gateways)/fail.sh' {to} {body}" }
        var hang: String { "'\(gateways)/hang.sh' {to} {body}" }

        /// The argv the last successful gateway run received.
        func receivedArgv() throws -> [String] {
            let data = try Data(contentsOf: URL(fileURLWithPath: argvFile))
            return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        }

        func calls() -> Int {
            ((try? String(contentsOfFile: callsFile, encoding: .utf8)) ?? "").split(separator: "\n").count
        }

        func message() throws -> OutboxMessage {
            try #require(try f.storage.outbox.list(status: nil, limit: 100).first { $0.id == smsID })
        }

        func send(at local: String, _ template: String, timeout: TimeInterval = 5) throws -> OutboxService.Report {
            try OutboxService(session: try DeskAt.session(f, local)).send(gateway: template, timeout: timeout)
        }
    }

    static func script(_ path: String, _ text: String) throws {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    func setup() throws -> Setup {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        let r = try CredentialService(session: f.session).resend(code: "7901234568", verify: CredentialTests.selfOK)
        let body = try #require(try f.storage.outbox.forCode("7901234568", limit: 1).first?.body)
        let s = Setup(f: f, smsID: r.smsID, body: body)
        try FileManager.default.createDirectory(atPath: s.gateways, withIntermediateDirectories: true)
        try Self.script(s.gateways + "/ok.sh", """
            #!/bin/sh
            printf '%s\\0' "$@" > '\(s.argvFile)'
            echo ok >> '\(s.callsFile)'
            exit 0

            """)
        try Self.script(s.gateways + "/fail.sh", """
            #!/bin/sh
            echo call >> '\(s.callsFile)'
            echo "gammu: modem not found on /dev/ttyUSB0" >&2
            exit 1

            """)
        try Self.script(s.gateways + "/hang.sh", "#!/bin/sh\nsleep 30\n")
        return s
    }

    func password(_ body: String) -> String {
        let r = body.range(of: "Mat khau tam thoi: ")!
        return String(body[r.upperBound...].prefix { $0 != " " })
    }

    // MARK: argv

    @Test(arguments: [
        "Mật khẩu: abc DEF 234",
        "two  spaces and a tab\there",
        #"double "quotes" and 'single' ones"#,
        "a; rm -rf /tmp/nothing; echo done",
        "$(touch PWNED) and `touch PWNED` and $HOME ${PATH}",
        "& | > /tmp/x < /dev/null * ? ~ \\ \\n",
        "-text --help",
        "{to} {body}",
        "",
    ])
    func toAndBodyArriveAsExactlyTwoArguments(body raw: String) throws {
        let s = try setup()
        let pwned = s.gateways + "/PWNED"
        let body = raw.replacingOccurrences(of: "PWNED", with: pwned)
        let gw = Gateway(template: "'\(s.gateways)/ok.sh' {to} {body}", timeout: 5)
        #expect(try gw.argv(to: "0912345678", body: body) == ["\(s.gateways)/ok.sh", "0912345678", body])
        #expect(gw.send(to: "0912345678", body: body) == .delivered)
        #expect(try s.receivedArgv() == ["0912345678", body])
        #expect(!FileManager.default.fileExists(atPath: pwned))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/x"))
    }

    @Test func templatesAreSplitLikeWordsWithoutAShell() throws {
        let s = try setup()
        // A quoted program path with a space, and the placeholders inside larger words.
        let spaced = s.gateways + "/gate way"
        try FileManager.default.createDirectory(atPath: spaced, withIntermediateDirectories: true)
        try Self.script(spaced + "/send sms.sh", "#!/bin/sh\nprintf '%s\\0' \"$@\" > '\(s.argvFile)'\n")
        let gw = Gateway(template: "\"\(spaced)/send sms.sh\"  -n '{to}'\t--message=\"{body}\" 'fixed arg'", timeout: 5)
        #expect(gw.send(to: "0987654321", body: "xin chào; $(id)") == .delivered)
        #expect(try s.receivedArgv() == ["-n", "0987654321", "--message=xin chào; $(id)", "fixed arg"])
        #expect(throws: DeskError.self) { try Gateway(template: "'unterminated {to} {body}").argv(to: "1", body: "2") }
        #expect(throws: DeskError.self) { try Gateway(template: "   ").argv(to: "1", body: "2") }
    }

    // MARK: delivery

    @Test func aDeliveredMessageIsMarkedSentAndItsPasswordWiped() throws {
        let s = try setup()
        let pw = password(s.body)
        let report = try s.send(at: "2025-03-12T09:01:00", s.ok)
        #expect(report.attempted == 1 && report.sent == 1 && report.failed == 0 && report.retrying == 0)
        // The gateway got the whole text with the password, as one argument.
        #expect(try s.receivedArgv() == ["--to", "0912345678", "--text", s.body])
        let m = try s.message()
        #expect(m.status == "sent" && m.sentAt == "2025-03-12T02:01:00Z" && m.attempts == 1 && m.lastError == nil)
        #expect(!m.body.contains(pw))
        #expect(m.body.contains("7901234568") && m.body.contains("********"))
        #expect(m.body == CredentialService.wipe(s.body))
        #expect(try s.f.storage.registrations.get("7901234568")?.smsStatus == .sent)
        #expect(try s.f.count("SELECT count(*) FROM audit WHERE action = 'sms_sent' AND target = '7901234568'") == 1)
        #expect(try s.f.count("SELECT count(*) FROM sms_outbox WHERE body LIKE ?", [.text("%\(pw)%")]) == 0)
        // Nothing is due any more.
        #expect(try s.send(at: "2025-03-12T10:00:00", s.ok).attempted == 0)
        #expect(s.calls() == 1)
    }

    @Test func theConfiguredGatewayIsUsedWhenNoneIsGiven() throws {
        let s = try setup()
        try s.f.storage.settings.set("sms_gateway", s.ok)
        let r = try OutboxService(session: try DeskAt.session(s.f, "2025-03-12T09:01:00")).send(gateway: nil, timeout: 5)
        #expect(r.sent == 1)
        #expect(s.calls() == 1)
        #expect(try OutboxService(session: s.f.session).gatewayTemplate(override: "x {to} {body}") == "x {to} {body}")
        try s.f.storage.settings.unset("sms_gateway")
        #expect(try OutboxService(session: s.f.session).gatewayTemplate(override: nil) == Gateway.gammu)
        #expect(Gateway.gammu == "gammu-smsd-inject TEXT {to} -unicode")
    }

    @Test func aFailingGatewayIsRetriedWithExponentialBackoffThenGivenUp() throws {
        let s = try setup()
        let pw = password(s.body)
        // (when the attempt runs, the next one it schedules)
        let schedule = [("2025-03-12T09:00:00", "2025-03-12T02:00:30Z"), ("2025-03-12T09:00:30", "2025-03-12T02:01:30Z"),
                        ("2025-03-12T09:01:30", "2025-03-12T02:03:30Z"), ("2025-03-12T09:03:30", "2025-03-12T02:07:30Z")]
        for (n, (at, next)) in schedule.enumerated() {
            let r = try s.send(at: at, s.fail)
            #expect(r.attempted == 1 && r.retrying == 1 && r.sent == 0 && r.failed == 0)
            let m = try s.message()
            #expect(m.attempts == n + 1 && m.status == "queued" && m.nextAttemptAt == next)
            #expect(m.lastError?.hasPrefix("reason=exit code=1 text=") == true && m.lastError?.contains("modem not found") == true, "\(m.lastError ?? "")")
            #expect(m.body.contains(pw), "kept for the retry")
            #expect(try s.f.storage.registrations.get("7901234568")?.smsStatus == .queued)
            // Not due before the backoff has passed.
            let justBefore = Session(storage: s.f.storage, actor: s.f.session.actor,
                                     clock: Clock(fixed: DateText.parseInstant(next)!.addingTimeInterval(-1)))
            let before = try OutboxService(session: justBefore).send(gateway: s.fail, timeout: 5)
            #expect(before.attempted == 0)
        }
        let last = try s.send(at: "2025-03-12T09:07:30", s.fail)
        #expect(last.attempted == 1 && last.failed == 1 && last.retrying == 0)
        let m = try s.message()
        #expect(m.status == "failed" && m.attempts == OutboxService.maxAttempts && m.nextAttemptAt == nil)
        #expect(m.lastError?.contains("modem not found") == true)
        #expect(!m.body.contains(pw) && m.body.contains("7901234568"))
        #expect(try s.f.storage.registrations.get("7901234568")?.smsStatus == .failed)
        #expect(try s.f.count("SELECT count(*) FROM audit WHERE action = 'sms_retry'") == 4)
        #expect(try s.f.count("SELECT count(*) FROM audit WHERE action = 'sms_failed'") == 1)
        // A failed message is not tried again.
        #expect(try s.send(at: "2025-03-13T09:00:00", s.ok).attempted == 0)
        #expect(s.calls() == 5)
    }

    @Test func aHangingGatewayTimesOutPromptly() throws {
        let s = try setup()
        let start = Date()
        let r = try s.send(at: "2025-03-12T09:01:00", s.hang, timeout: 1)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 5, "took \(elapsed) s")
        #expect(r.attempted == 1 && r.retrying == 1 && r.sent == 0)
        let m = try s.message()
        #expect(m.status == "queued" && m.attempts == 1 && m.lastError == "reason=timeout seconds=1", "\(m.lastError ?? "")")
        #expect(m.nextAttemptAt == "2025-03-12T02:01:30Z")
        #expect(try s.f.storage.registrations.get("7901234568")?.smsStatus == .queued)
    }

    @Test func aGatewayThatCannotStartIsAFailedAttempt() throws {
        let s = try setup()
        let r = try s.send(at: "2025-03-12T09:01:00", "/nonexistent/gateway {to} {body}")
        #expect(r.attempted == 1 && r.retrying == 1)
        #expect(try s.message().attempts == 1 && s.message().lastError != nil)
        let r2 = try s.send(at: "2025-03-12T09:02:00", "no-such-sms-gateway-program {to} {body}")
        #expect(r2.retrying == 1)
        #expect(try s.message().lastError == "reason=not_found text=no-such-sms-gateway-program")
    }

    @Test func aBadTemplateStopsBeforeAnyAttempt() throws {
        let s = try setup()
        #expect(throws: DeskError.self) { _ = try s.send(at: "2025-03-12T09:01:00", "'\(s.gateways)/ok.sh {to} {body}") }
        #expect(try s.message().attempts == 0 && s.message().status == "queued")
        #expect(s.calls() == 0)
    }

    @Test func severalMessagesAreDeliveredInOrderAndOnlyDueOnes() throws {
        let s = try setup()
        let second = try CredentialService(session: try DeskAt.session(s.f, "2025-03-12T09:05:00"))
            .resend(code: "7901234569", verify: CredentialTests.parentOK)
        let r = try s.send(at: "2025-03-12T09:04:00", s.ok)
        #expect(r.attempted == 1 && r.sent == 1)
        #expect(try s.f.storage.registrations.get("7901234569")?.smsStatus == .queued)
        let r2 = try s.send(at: "2025-03-12T09:06:00", s.ok)
        #expect(r2.attempted == 1 && r2.sent == 1)
        let argv = try s.receivedArgv()
        #expect(argv.count == 4 && argv[1] == "0987654321" && argv[3].contains("7901234569"))
        #expect(try s.f.storage.outbox.forCode("7901234569", limit: 1).first?.body == CredentialService.wipe(argv[3]))
        #expect(try s.f.storage.outbox.list(status: "sent", limit: 10).map(\.id).sorted() == [s.smsID, second.smsID].sorted())
    }

    @Test func twoSendersAtOnceDeliverEachMessageOnce() throws {
        let s = try setup()
        for n in 0..<9 {
            _ = try s.f.storage.outbox.enqueue(to: "09123456\(10 + n)", body: "tin \(n)", at: "2025-03-12T02:00:00Z", bhxhCode: nil, ticketID: nil)
        }
        try Self.script(s.gateways + "/slow.sh", "#!/bin/sh\nsleep 0.05\necho \"$1\" >> '\(s.callsFile)'\n")
        let template = "'\(s.gateways)/slow.sh' {to} {body}"
        final class Sent: @unchecked Sendable {
            let lock = NSLock()
            var sent = 0
            var errors: [String] = []
        }
        let total = Sent()
        let location = s.f.location
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let store = try Fixture.open(location)
                let session = Session(storage: store, actor: try store.operators.get("hoa")!, clock: Clock(fixed: DeskAt.time("2025-03-12T09:01:00")))
                let r = try OutboxService(session: session).send(gateway: template, timeout: 5)
                total.lock.lock(); total.sent += r.sent; total.lock.unlock()
            } catch {
                total.lock.lock(); total.errors.append("\(error)"); total.lock.unlock()
            }
        }
        #expect(total.errors.isEmpty, "\(total.errors)")
        #expect(total.sent == 10)
        let calls = ((try? String(contentsOfFile: s.callsFile, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(calls.count == 10 && Set(calls).count == 10, "\(calls.sorted())")
        #expect(try s.f.count("SELECT count(*) FROM sms_outbox WHERE status = 'sent' AND attempts = 1") == 10)
    }

    @Test func wipeBlanksOnlyThePassword() {
        let body = CredentialService.smsBody(code: "7901234568", password: "abcDEF234567")
        let wiped = CredentialService.wipe(body)
        #expect(!wiped.contains("abcDEF234567"))
        #expect(wiped == body.replacingOccurrences(of: "abcDEF234567", with: "********"))
        #expect(CredentialService.wipe(wiped) == wiped)
        #expect(CredentialService.wipe("no password here") == "no password here")
    }
}
