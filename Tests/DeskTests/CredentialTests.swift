import Foundation
import Testing
@testable import Desk
import DeskCore
import DeskStore
import DeskTestSupport

@Suite(.freshDatabases) struct CredentialTests {
    /// Fixture registrations, a child of 7901234569 (Trần Thị Ánh, 2001-01-31, 079301009999, 0987 654 321) with
    /// its own phone, and an approved applicant who gave a landline.
    func loaded() throws -> Fixture {
        let f = try Fixture()
        _ = try f.importCSV(.registrations, Fixture.registrationsCSV)
        _ = try f.importCSV(.registrations, """
        bhxh_code,kind,full_name,dob,gender,id_number,address,phone,status,agency_code,parent_bhxh_code,photo_birth_cert,submitted_at
        7901234590,child,Trần Bảo Ngọc,2020-06-01,Nữ,079320001111,Quận 6,0355 555 555,approved,07916,7901234569,1,2025-02-01T08:00:00Z
        7901234591,self,Phạm Văn Bàn,1970-01-01,Nam,079070002222,Quận 6,028 3854 3385,approved,07916,,,2025-02-01T08:00:00Z
        """)
        _ = try f.importCSV(.insured, """
        bhxh_code,full_name,dob,id_number,phone,card_number
        7901234568,Nguyễn Văn Đức,1985-02-15,079085009999,0912345678,DN4797901234568
        """)
        return f
    }

    static let selfOK = "dob=1985-02-15,id=079085004321"
    static let parentOK = "dob=2001-01-31,id=079301009999"

    func resend(_ s: Session, _ code: String = "7901234568", _ verify: String? = CredentialTests.selfOK) throws -> CredentialService.Result {
        try CredentialService(session: s).resend(code: code, verify: verify)
    }

    func outboxCount(_ f: Fixture, _ code: String = "7901234568") throws -> Int {
        try f.count("SELECT count(*) FROM sms_outbox WHERE bhxh_code = ?", [.text(code)])
    }

    /// The password, read from the only place it may be: the queued SMS body.
    func password(in body: String) -> String? {
        guard let r = body.range(of: "Mat khau tam thoi: ") else { return nil }
        return String(body[r.upperBound...].prefix { $0 != " " })
    }

    // MARK: verification

    @Test(arguments: [nil, "", "dob=1985-02-15", "id=079085004321", "dob=15-02,id=079085004321", "dob=1985-02-15,id=",
                      "dob=1985-02-15,cccd=079085004321", "1985-02-15 079085004321"])
    func verifyIsRequiredAndWellFormed(verify: String?) throws {
        let f = try loaded()
        let e = DeskAt.error { _ = try resend(f.session, "7901234568", verify) }
        #expect(DeskAt.kind(e) == "usage")
        #expect(e?.english.contains("dob=") == true || e?.english.contains("--verify") == true, "\(e?.english ?? "")")
        #expect(try outboxCount(f) == 0)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'verify_failed'") == 0)
    }

    static let neutral = "verification failed"

    @Test(arguments: [
        ("7901234568", "dob=1985-02-16,id=079085004321"),  // wrong date of birth
        ("7901234568", "dob=1985-02-15,id=079085004322"),  // wrong ID
        ("7901234568", "dob=1990-01-01,id=123456789012"),  // both wrong
        ("7901234590", "dob=2020-06-01,id=079320001111"),  // a child's own details: the parent's are required
        ("7901234590", "dob=2001-01-31,id=079320001111"),  // parent's date, child's ID
        ("7901234567", "dob=1990-05-18,id=079090001234"),  // submitted, wrong date: refused as unverified, no hint of status
    ])
    func wrongDetailsAreRefusedNeutrallyAndAudited(code: String, verify: String) throws {
        let f = try loaded()
        let before = try f.storage.registrations.get(code)
        let e = DeskAt.error { _ = try resend(f.session, code, verify) }
        #expect(DeskAt.kind(e) == "invalid")
        let message = e?.english ?? ""
        #expect(message.hasPrefix(Self.neutral), "\(message)")
        let words = Set(message.lowercased().split { !$0.isLetter }.map(String.init))
        for hint in ["dob", "id", "birth", "date", "number", "cccd", "parent", "child", "submitted", "sinh"] {
            #expect(!words.contains(hint), "the refusal names \(hint): \(message)")
        }
        let audit = try f.storage.audit.list(operator: "hoa", target: code, from: nil, to: nil, action: "verify_failed", limit: 5)
        #expect(audit.count == 1)
        // The audit says that it failed, not what the caller said.
        let given = verify.split(separator: ",").map { String($0.split(separator: "=")[1]) }
        let detail = audit.first?.detail ?? ""
        for v in given { #expect(!detail.contains(v), "\(v) in \(detail)") }
        #expect(try outboxCount(f, code) == 0)
        #expect(try f.count("SELECT count(*) FROM credentials") == 0)
        #expect(try f.storage.registrations.get(code) == before)
    }

    @Test func theRefusalIsTheSameWhicheverFieldIsWrong() throws {
        let f = try loaded()
        let a = DeskAt.error { _ = try resend(f.session, "7901234568", "dob=1985-02-16,id=079085004321") }
        let b = DeskAt.error { _ = try resend(f.session, "7901234568", "dob=1985-02-15,id=079085004320") }
        let c = DeskAt.error { _ = try resend(f.session, "7901234590", "dob=2020-06-01,id=079320001111") }
        #expect(a?.english != nil && a?.english == b?.english && b?.english == c?.english)
    }

    @Test func fiveFailuresInAnHourLockTheResend() throws {
        let f = try loaded()
        for minute in 0..<5 {
            let s = try DeskAt.session(f, "2025-03-12T09:0\(minute):00")
            #expect(DeskAt.error { _ = try resend(s, "7901234568", "dob=1985-02-1\(minute),id=079085004321") }?.english.hasPrefix(Self.neutral) == true)
        }
        let locked = DeskAt.error { _ = try resend(try DeskAt.session(f, "2025-03-12T09:10:00")) }
        #expect(DeskAt.kind(locked) == "invalid")
        #expect(locked?.english.contains("locked") == true)
        #expect(try outboxCount(f) == 0)
        #expect(try f.count("SELECT count(*) FROM audit WHERE action = 'resend_refused' AND target = '7901234568'") == 1)
        // Another registration is not locked.
        #expect(try resend(try DeskAt.session(f, "2025-03-12T09:10:00"), "7901234569", "dob=2001-01-31,id=079301009999").status == "queued")
        // Still locked 59 minutes after the last failure, free an hour after the fifth.
        #expect(DeskAt.kind(DeskAt.error { _ = try resend(try DeskAt.session(f, "2025-03-12T10:03:00")) }) == "invalid")
        #expect(try resend(try DeskAt.session(f, "2025-03-12T10:04:01")).status == "queued")
    }

    @Test func theLockLastsAnHourFromTheFifthFailure() throws {
        let f = try loaded()
        for t in ["2025-03-12T09:00:00", "2025-03-12T09:50:00", "2025-03-12T09:51:00", "2025-03-12T09:52:00", "2025-03-12T09:53:00"] {
            _ = DeskAt.error { _ = try resend(try DeskAt.session(f, t), "7901234568", "dob=1985-02-16,id=079085004321") }
        }
        // Five failures within an hour (09:00–09:53): locked until 10:53, even after the first one ages out at 10:00.
        for t in ["2025-03-12T09:54:00", "2025-03-12T10:01:00", "2025-03-12T10:52:59"] {
            let e = DeskAt.error { _ = try resend(try DeskAt.session(f, t)) }
            #expect(e?.english.contains("locked") == true, "\(t): \(e?.english ?? "sent")")
        }
        #expect(try outboxCount(f) == 0)
        #expect(try resend(try DeskAt.session(f, "2025-03-12T10:53:01")).status == "queued")
    }

    @Test func failuresSpreadOverMoreThanAnHourDoNotLock() throws {
        let f = try loaded()
        // After the import's audit row (09:00): the trail's times never go backwards.
        for t in ["2025-03-12T09:00:00", "2025-03-12T09:30:00", "2025-03-12T10:01:00", "2025-03-12T10:20:00", "2025-03-12T10:40:00"] {
            _ = DeskAt.error { _ = try resend(try DeskAt.session(f, t), "7901234568", "dob=1985-02-16,id=079085004321") }
        }
        #expect(try resend(try DeskAt.session(f, "2025-03-12T10:45:00")).status == "queued")
    }

    @Test func fourFailuresDoNotLock() throws {
        let f = try loaded()
        for _ in 0..<4 { _ = DeskAt.error { _ = try resend(f.session, "7901234568", "dob=1985-02-16,id=079085004321") } }
        #expect(try resend(f.session).status == "queued")
    }

    // MARK: a good resend

    @Test func aVerifiedResendQueuesTheCredentials() throws {
        let f = try loaded()
        let r = try resend(f.session, "7901234568", "dob=15/02/1985,id=0790 8500 4321")
        #expect(r.bhxhCode == "7901234568" && r.status == "queued" && r.to == "0912***678")
        let sms = try #require(try f.storage.outbox.forCode("7901234568", limit: 5).first)
        #expect(sms.id == r.smsID && sms.toPhone == "0912345678" && sms.status == "queued" && sms.attempts == 0)
        #expect(sms.createdAt == "2025-03-12T02:00:00Z" && sms.ticketID == nil)
        #expect(sms.body.contains("7901234568"))
        #expect(!sms.body.unicodeScalars.contains { !$0.isASCII }, "the SMS is without diacritics: \(sms.body)")
        #expect(sms.body.count <= 160, "one SMS: \(sms.body.count) characters")
        let reg = try #require(try f.storage.registrations.get("7901234568"))
        #expect(reg.status == .credentialsSent && reg.smsStatus == .queued && reg.credentialsSentAt == "2025-03-12T02:00:00Z")
        #expect(try f.storage.registrations.events("7901234568").last?.kind == "resend")
        #expect(try f.storage.audit.list(operator: "hoa", target: "7901234568", from: nil, to: nil, action: "resend", limit: 5).count == 1)
        let cred = try #require(try f.rows("SELECT salt, hash, created_at, expires_at FROM credentials WHERE bhxh_code = ?",
                                           [.text("7901234568")]).first)
        #expect(cred[2] == "2025-03-12T02:00:00Z" && cred[3] == "2025-03-15T02:00:00Z")
        #expect(cred[0]?.count == 32 && cred[1]?.count == 64)
    }

    @Test func theRegistryIdentityIsAcceptedToo() throws {
        let f = try loaded()
        // The insured extract has the caller's newer CCCD.
        #expect(try resend(f.session, "7901234568", "dob=1985-02-15,id=079085009999").status == "queued")
    }

    @Test func activeRegistrationStaysActive() throws {
        let f = try loaded()
        _ = try resend(f.session, "7901234569", Self.parentOK)
        let reg = try f.storage.registrations.get("7901234569")
        #expect(reg?.status == .active && reg?.smsStatus == .queued)
    }

    @Test func aChildNeedsTheParentsDetailsAndTheSMSGoesToTheParent() throws {
        let f = try loaded()
        #expect(DeskAt.kind(DeskAt.error { _ = try resend(f.session, "7901234590", "dob=2020-06-01,id=079320001111") }) == "invalid")
        let r = try resend(f.session, "7901234590", Self.parentOK)
        #expect(r.to == "0987***321")
        let sms = try #require(try f.storage.outbox.forCode("7901234590", limit: 5).first)
        #expect(sms.toPhone == "0987654321")
        #expect(sms.body.contains("7901234590"))
        #expect(try f.storage.registrations.get("7901234590")?.smsStatus == .queued)
        #expect(try outboxCount(f, "7901234569") == 0)
    }

    @Test(arguments: [("7901234567", "dob=1990-05-17,id=079090001234", "submitted"),
                      ("7901234570", "dob=1979-12-01,id=079079001111", "rejected")])
    func noCredentialsForASubmittedOrRejectedRegistration(code: String, verify: String, status: String) throws {
        let f = try loaded()
        let e = DeskAt.error { _ = try resend(f.session, code, verify) }
        #expect(DeskAt.kind(e) == "invalid")
        let message = e?.english ?? ""
        #expect(message.contains(status) && message.contains(code), "\(message)")
        // The relevant diagnosis comes with it.
        let errors = try DiagnosisService(session: f.session).diagnose(code, audit: false).1.filter { $0.severity == .error }
        for finding in errors { #expect(message.contains(finding.rule), "\(finding.rule) missing from: \(message)") }
        #expect(try outboxCount(f, code) == 0)
        #expect(try f.count("SELECT count(*) FROM credentials") == 0)
        #expect(try f.storage.registrations.get(code)?.status.rawValue == status)
    }

    @Test func aLandlineCannotReceiveTheSMS() throws {
        let f = try loaded()
        let e = DeskAt.error { _ = try resend(f.session, "7901234591", "dob=1970-01-01,id=079070002222") }
        #expect(DeskAt.kind(e) == "invalid")
        #expect(e?.english.contains("cannot receive SMS") == true)
        #expect(e?.english.contains("0283***385") == true)
        #expect(try outboxCount(f, "7901234591") == 0)
        #expect(try f.count("SELECT count(*) FROM credentials") == 0)
    }

    @Test func unknownCodeIsNotFound() throws {
        let f = try loaded()
        #expect(DeskAt.kind(DeskAt.error { _ = try resend(f.session, "7909999999") }) == "notFound")
    }

    // MARK: daily limit

    @Test func atMostThreeResendsPerRolling24Hours() throws {
        let f = try loaded()
        for t in ["2025-03-12T09:00:00", "2025-03-12T09:30:00", "2025-03-12T16:00:00"] {
            #expect(try resend(try DeskAt.session(f, t)).status == "queued")
        }
        let e = DeskAt.error { _ = try resend(try DeskAt.session(f, "2025-03-12T16:30:00")) }
        #expect(DeskAt.kind(e) == "invalid")
        #expect(e?.english.contains("3 resends") == true)
        // It says when: 24 hours after the oldest of the three, desk time.
        #expect(e?.english.contains("13/03/2025 09:00") == true, "\(String(describing: e))")
        #expect(DeskAt.kind(DeskAt.error { _ = try resend(try DeskAt.session(f, "2025-03-13T09:00:00")) }) == "invalid")
        #expect(try outboxCount(f) == 3)
        // 24 hours after the first, one is free again.
        #expect(try resend(try DeskAt.session(f, "2025-03-13T09:00:01")).status == "queued")
        #expect(DeskAt.kind(DeskAt.error { _ = try resend(try DeskAt.session(f, "2025-03-13T09:10:00")) }) == "invalid")
        #expect(try outboxCount(f) == 4)
        // The limit is per registration.
        #expect(try resend(try DeskAt.session(f, "2025-03-13T09:10:00"), "7901234569", Self.parentOK).status == "queued")
    }

    @Test func twoConsolesRacingNeverQueueMoreThanTheLimit() throws {
        let f = try loaded()
        _ = try InstallKey.load(for: f.storage)
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var queued = 0, refused = 0
            var other: [String] = []
            func add(_ body: (Tally) -> Void) { lock.lock(); body(self); lock.unlock() }
        }
        let tally = Tally()
        let location = f.location
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let store = try Fixture.open(location)
                let s = Session(storage: store, actor: try store.operators.get("hoa")!, clock: Clock(fixed: Fixture.now))
                for _ in 0..<3 {
                    do {
                        _ = try CredentialService(session: s).resend(code: "7901234568", verify: CredentialTests.selfOK)
                        tally.add { $0.queued += 1 }
                    } catch let e as DeskError where e.english.contains("resends in the last 24 hours") {
                        tally.add { $0.refused += 1 }
                    }
                }
            } catch {
                tally.add { $0.other.append("\(error)") }
            }
        }
        #expect(tally.other.isEmpty, "\(tally.other)")
        #expect(tally.queued == 3 && tally.refused == 3)
        #expect(try outboxCount(f) == 3)
    }

    // MARK: the password stays secret

    @Test func thePasswordIsOnlyInTheQueuedSMS() throws {
        let f = try loaded()
        let info = try TicketService(session: f.session).openCall(phone: "0912345678", line: nil, callerName: nil)
        let r = try resend(f.session)
        let sms = try #require(try f.storage.outbox.forCode("7901234568", limit: 1).first)
        let pw = try #require(password(in: sms.body))
        #expect(pw.count >= 12)
        #expect(!"\(r)".contains(pw) && !String(reflecting: r).contains(pw))
        func texts(_ sql: String) throws -> [String] {
            try f.rows(sql).flatMap { $0.compactMap { $0 } }
        }
        let places: [(String, String)] = [
            ("audit", "SELECT at, operator, action, target, detail, ticket_id FROM audit"),
            ("registration_events", "SELECT bhxh_code, at, operator, kind, detail FROM registration_events"),
            ("ticket_notes", "SELECT at, operator, kind, detail FROM ticket_notes"),
            ("tickets", "SELECT summary, resolution, caller_name FROM tickets"),
            ("credentials", "SELECT bhxh_code, salt, hash, created_at, expires_at FROM credentials"),
            ("registrations", "SELECT * FROM registrations"),
            ("config", "SELECT key, value FROM config"),
            ("open_calls", "SELECT * FROM open_calls"),
        ]
        for (table, sql) in places {
            for text in try texts(sql) { #expect(!text.contains(pw), "the password is in \(table)") }
        }
        #expect(try f.storage.tickets.notes(info.ticket.id).contains { $0.kind == "resend" })
        // Only its salted keyed hash is kept, and it checks out with the install key beside the database.
        let cred = try #require(try f.rows("SELECT salt, hash FROM credentials WHERE bhxh_code = '7901234568'").first)
        let key = try InstallKey.load(for: f.storage)
        #expect(TemporaryPassword.verify(pw, salt: cred[0]!, hash: cred[1]!, key: key))
        #expect(!TemporaryPassword.verify(pw + "x", salt: cred[0]!, hash: cred[1]!, key: key))
        // Salted: the same password under another salt hashes differently.
        #expect(TemporaryPassword.hash(pw, salt: TemporaryPassword.salt(), key: key) != cred[1])
    }

    @Test func aNewResendSupersedesTheStillQueuedOne() throws {
        let f = try loaded()
        let first = try resend(f.session)
        #expect(first.superseded.isEmpty && first.recentlySent == nil)
        let second = try resend(f.session)
        #expect(second.superseded == [first.smsID])
        let messages = try f.storage.outbox.forCode("7901234568", limit: 5)
        #expect(messages.map(\.status) == ["queued", "superseded"])
        // The earlier body is wiped: only one password exists anywhere, and it is the valid one.
        let pws = messages.map(\.body).compactMap(password(in:))
        #expect(pws.count == 2 && pws[1] == "********")
        let cred = try #require(try f.rows("SELECT salt, hash FROM credentials WHERE bhxh_code = '7901234568'").first)
        let key = try InstallKey.load(for: f.storage)
        #expect(TemporaryPassword.verify(pws[0], salt: cred[0]!, hash: cred[1]!, key: key))
        // A superseded message is never delivered, and a failure does not turn it into `failed`.
        #expect(try f.storage.outbox.due(at: "2099-01-01T00:00:00Z", limit: 10).map(\.id) == [second.smsID])
        try f.storage.outbox.markAttemptFailed(first.smsID, error: "x", nextAttemptAt: nil, giveUp: true)
        #expect(try f.storage.outbox.forCode("7901234568", limit: 5).last?.status == "superseded")
        // A delivered message is history, not superseded; it is reported while it may still be on its way.
        try f.storage.outbox.markSent(second.smsID, at: DateText.format(DeskAt.time("2025-03-12T09:05:00")), wipedBody: "x")
        let soon = try resend(try DeskAt.session(f, "2025-03-12T09:15:00"))
        #expect(soon.superseded.isEmpty && soon.recentlySent?.id == second.smsID)
        #expect(try resend(try DeskAt.session(f, "2025-03-13T09:21:00")).recentlySent == nil)
        #expect(try f.storage.outbox.forCode("7901234568", limit: 5).map(\.status) == ["queued", "superseded", "sent", "superseded"])
    }

    @Test(.sqliteOnly("a SQLite desk's key is the file beside it; a server desk's is the machine's (InstallKey.serverKeyPath)"))
    func theInstallKeyLivesOutsideTheDatabaseFile() throws {
        let f = try loaded()
        _ = try resend(f.session)
        let keyPath = f.location + ".key"
        let attrs = try FileManager.default.attributesOfItem(atPath: keyPath)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        let hex = try String(contentsOfFile: keyPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hex.count == 64 && hex.allSatisfy(\.isHexDigit))
        // Loading it again gives the same key.
        let a = try InstallKey.load(forDatabase: f.location), b = try InstallKey.load(forDatabase: f.location)
        #expect(TemporaryPassword.hash("x", salt: "s", key: a) == TemporaryPassword.hash("x", salt: "s", key: b))
    }

    @Test func theInstallKeyIsCreatedOnceWhenConsolesStartTogether() throws {
        final class Hashes: @unchecked Sendable {
            let lock = NSLock()
            var values: [String] = []
            var errors: [String] = []
        }
        for round in 0..<20 {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-key-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("k.sqlite").path
            let out = Hashes()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    let key = try InstallKey.load(forDatabase: path)
                    let h = TemporaryPassword.hash("x", salt: "s", key: key)
                    out.lock.lock(); out.values.append(h); out.lock.unlock()
                } catch {
                    out.lock.lock(); out.errors.append("\(error)"); out.lock.unlock()
                }
            }
            #expect(out.errors.isEmpty, "round \(round): \(out.errors)")
            #expect(Set(out.values).count == 1, "round \(round): several keys")
            try? FileManager.default.removeItem(at: dir)
        }
    }

    // MARK: TemporaryPassword

    @Test func temporaryPasswordsAreLongUnambiguousAndRandom() {
        #expect(TemporaryPassword.length >= 12)
        #expect(TemporaryPassword.entropyBits >= 60)
        let alphabet = Set(TemporaryPassword.alphabet)
        #expect(alphabet.count == TemporaryPassword.alphabet.count)
        for ambiguous in "0O1lI" { #expect(!alphabet.contains(ambiguous), "\(ambiguous)") }
        var seen = Set<String>()
        var used = Set<Character>()
        for _ in 0..<2000 {
            let p = TemporaryPassword.generate()
            #expect(p.count >= 12)
            #expect(p.allSatisfy { alphabet.contains($0) && $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(p)")
            seen.insert(p)
            used.formUnion(p)
        }
        #expect(seen.count == 2000)
        // 24,000 draws from 56 symbols use all of them.
        #expect(used == alphabet)
    }

    @Test func hashVerifiesOnlyTheRightPasswordSaltAndKey() throws {
        let f = try Fixture()
        let key = try InstallKey.load(for: f.storage)
        let otherKey = try InstallKey.load(forDatabase: f.dir + "/other.sqlite")
        let pw = TemporaryPassword.generate()
        let salt = TemporaryPassword.salt()
        #expect(salt.count == 32 && salt != TemporaryPassword.salt())
        let hash = TemporaryPassword.hash(pw, salt: salt, key: key)
        #expect(hash.count == 64 && !hash.contains(pw))
        #expect(TemporaryPassword.verify(pw, salt: salt, hash: hash, key: key))
        #expect(!TemporaryPassword.verify(TemporaryPassword.generate(), salt: salt, hash: hash, key: key))
        #expect(!TemporaryPassword.verify(pw.lowercased() == pw ? pw.uppercased() : pw.lowercased(), salt: salt, hash: hash, key: key))
        #expect(!TemporaryPassword.verify(pw, salt: TemporaryPassword.salt(), hash: hash, key: key))
        #expect(!TemporaryPassword.verify(pw, salt: salt, hash: hash, key: otherKey))
        #expect(!TemporaryPassword.verify(pw, salt: salt, hash: String(hash.dropLast()), key: key))
        #expect(!TemporaryPassword.verify(pw, salt: salt, hash: "", key: key))
    }
}
