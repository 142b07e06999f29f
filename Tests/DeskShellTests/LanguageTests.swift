import Foundation
import Testing
@testable import DeskShell
import Desk
import DeskCore

/// SPEC §14: one catalog per language with the same keys, Vietnamese by default, and a Vietnamese help with no
/// English left in it.
struct LanguageTests {
    @Test func bothCatalogsHaveTheSameKeysAndFillTheSameValues() {
        let vi = Catalog.table(.vi), en = Catalog.table(.en)
        #expect(Set(vi.keys).subtracting(en.keys).isEmpty, "missing in en: \(Set(vi.keys).subtracting(en.keys).sorted())")
        #expect(Set(en.keys).subtracting(vi.keys).isEmpty, "missing in vi: \(Set(en.keys).subtracting(vi.keys).sorted())")
        for (key, text) in vi {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in vi")
            if let e = en[key] { #expect(Catalog.placeholders(text) == Catalog.placeholders(e), "\(key): {…} differ") }
        }
    }

    /// Every key the command table names, and every literal key the shell's code passes to the catalog.
    static var usedKeys: [TextKey] {
        var keys = CommandGroup.allCases.map(\.title)
        for c in CommandTable.all { keys.append(c.summary); keys += c.allFlags.map(\.help) }
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/DeskShell")
        let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let pattern = try! NSRegularExpression(pattern: #"\.text\("([a-z][A-Za-z.-]*)""#)
        for f in files {
            guard let src = try? String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8) else { continue }
            for m in pattern.matches(in: src, range: NSRange(src.startIndex..., in: src)) {
                keys.append(TextKey(String(src[Range(m.range(at: 1), in: src)!])))
            }
        }
        return keys
    }

    /// The prefixes of keys the code builds from a value (`value.status.approved`, `column.bhxh_code`, `stats.by.day`,
    /// the typed messages' families) rather than writes out.
    static let builtPrefixes = ["value.", "column.", "field.", "detail.", "group.", "stats.by.", "stats.column.", "report.rule.",
                                "desk.", "finding.", "identity.", "setting."]

    /// No text is left over when the code that said it goes (the report's rewrite left `report.wrote` behind): every
    /// key is written out somewhere in the sources other than as a catalog entry, or is built from a value.
    @Test func noCatalogTextIsLeftUnused() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        var sources = ""
        for f in files { sources += try String(contentsOfFile: dir.appendingPathComponent(f).path, encoding: .utf8) }
        // A catalog entry is `"key": "text"`; a use is the key in quotes not followed by a colon.
        let unused = Set(Catalog.table(.vi).keys).union(Catalog.table(.en).keys).filter { key in
            !Self.builtPrefixes.contains(where: key.hasPrefix)
                && sources.range(of: "\"" + NSRegularExpression.escapedPattern(for: key) + "\"(?!:)", options: .regularExpression) == nil
        }
        #expect(unused.isEmpty, "catalog texts nobody says: \(unused.sorted())")
    }

    @Test(arguments: Language.allCases) func everyKeyInUseIsInTheCatalog(language: Language) {
        let keys = Self.usedKeys
        #expect(keys.count > 130)
        let missing = keys.filter { Catalog.table(language)[$0.name] == nil }.map(\.name)
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
    }

    @Test func numbersAndPluralsAreWrittenTheLanguagesWay() {
        #expect(Catalog.vi.number(1234) == "1.234" && Catalog.vi.number(1_234_567) == "1.234.567" && Catalog.vi.number(-999) == "-999")
        #expect(Catalog.en.number(1234) == "1,234" && Catalog.en.number(12) == "12")
        #expect(Catalog.fill("{0} / {1}", ["0": 1500, "1": "x"], language: .vi) == "1.500 / x")
        #expect(Catalog.fill("{ms} ms", ["ms": .decimal(1234.5, places: 3)], language: .vi) == "1.234,500 ms")
        #expect(Catalog.fill("{ms} ms", ["ms": .decimal(0.25, places: 3)], language: .en) == "0.250 ms")
        #expect(Catalog.en.text("renderer.rows", ["n": 1]) == "(1 row)" && Catalog.en.text("renderer.rows", ["n": 2]) == "(2 rows)")
        #expect(Catalog.vi.text("renderer.rows", ["n": 1234]) == "(1.234 dòng)")
        // A score, a count and a day in a table (`kb search`, `stats`): the language's way, JSON keeps the number.
        #expect(Catalog.vi.decimal(47.512, places: 2) == "47,51" && Catalog.en.decimal(47.512, places: 2) == "47.51")
        #expect(SupervisorCommands.num(2400, .vi) == "2.400" && SupervisorCommands.num(nil, .vi) == "")
        #expect(SupervisorCommands.statsKey("day", "2025-03-12", .vi) == "12/03/2025")
        #expect(SupervisorCommands.statsKey("week", "2025-W11", .vi) == "tuần 11/2025" && SupervisorCommands.statsKey("week", "2025-W11", .en) == "week 11 of 2025")
        #expect(SupervisorCommands.statsKey("category", "password", .vi) == "mật khẩu" && SupervisorCommands.statsKey("line", "121", .vi) == "121")
        // A value no one passed is kept as written (the gateway's own `{to}`), a missing key prints as nothing.
        #expect(Catalog.vi.text("flag.gateway").contains("{to}"))
        #expect(Catalog.vi.text("no.such.key").isEmpty)
    }

    @Test func vietnameseIsTheDefaultWhateverTheValueIsAnUnknownOneIsAnError() throws {
        #expect(try Language.resolve(nil) == .vi)
        #expect(try Language.resolve("") == .vi)
        #expect(try Language.resolve("en") == .en && Language.resolve(" EN ") == .en && Language.resolve("vi") == .vi)
        #expect(throws: UnknownLanguage.self) { try Language.resolve("fr") }
        #expect(Language.choices == "vi (tiếng Việt), en (English)")
    }

    /// The prose of `help` and `help COMMAND` as rendered: the command-name column of the list, the synopsis
    /// line, the flag column and the example line are command syntax and are left out.
    static func renderedProse(_ catalog: Catalog) throws -> [(where: String, text: String)] {
        let commands = CommandTable.all
        var out: [(String, String)] = []
        for line in try HelpText.render(topic: nil, commands: commands, catalog: catalog).lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let name = commands.map(\.name).filter { trimmed.hasPrefix($0 + " ") }.max { $0.count < $1.count }
            out.append(("help", name.map { String(trimmed.dropFirst($0.count)) } ?? trimmed))
        }
        for c in commands {
            let lines = try HelpText.render(topic: c.name, commands: [c], catalog: catalog).lines
            for line in lines.dropFirst() where !line.isEmpty {
                if line.hasPrefix("    ") {
                    let flagText = line.dropFirst(4).components(separatedBy: "  ").dropFirst().joined(separator: " ")
                    out.append(("help \(c.name)", flagText))
                } else if !line.contains(c.example) {
                    out.append(("help \(c.name)", line))
                }
            }
        }
        return out
    }

    /// Every command's help, in both languages: no English word in the Vietnamese, no Vietnamese in the English.
    @Test func everyCommandsHelpIsInItsLanguage() throws {
        let vi = try Self.renderedProse(.vi)
        #expect(vi.count > 150)
        for (place, text) in vi {
            #expect(LanguageWords.englishIn(text).isEmpty, "\(place): \(LanguageWords.englishIn(text)) in \"\(text)\"")
        }
        for (place, text) in try Self.renderedProse(.en) {
            #expect(LanguageWords.vietnameseIn(text).isEmpty, "\(place): \(LanguageWords.vietnameseIn(text)) in \"\(text)\"")
        }
    }

    @Test(arguments: Language.allCases) func everyCommandAndFlagHasItsText(language: Language) throws {
        let catalog = Catalog(language)
        for c in CommandTable.all {
            let summary = HelpText.summary(c, catalog)
            #expect(!summary.isEmpty && summary != c.summary.name && !summary.contains("{range}"), "\(c.name) in \(language)")
            for f in c.allFlags {
                let help = HelpText.help(f, catalog)
                #expect(!help.isEmpty && help != f.help.name && !help.contains("{range}"), "\(c.name) \(f.name) in \(language)")
            }
        }
        let listing = try HelpText.render(topic: nil, commands: CommandTable.all, catalog: catalog).lines.joined(separator: "\n")
        #expect(!listing.contains("command.") && !listing.contains("group.") && !listing.contains("help.footer"))
        #expect(listing.contains(language == .vi ? "Cuộc gọi:" : "Calls:"))
    }

    @Test func theRendererSpeaksTheCatalogsLanguage() {
        let t = CommandOutput.Table(title: nil, columns: ["a"], rows: [["1"], ["2"]])
        #expect(Renderer(format: .table).render(CommandOutput(json: .null, tables: [t])).contains("(2 dòng)"))
        #expect(Renderer(format: .table, catalog: .en).render(CommandOutput(json: .null, tables: [t])).contains("(2 rows)"))
        #expect(Renderer(format: .vertical).render(CommandOutput(json: .null, tables: [t])).contains("-[ BẢN GHI 2 ]"))
        #expect(Renderer(format: .vertical, catalog: .en).render(CommandOutput(json: .null, tables: [t])).contains("-[ RECORD 2 ]"))
    }

    /// Every machine value a person reads (statuses, kinds, genders, severities, priorities, categories, SMS states,
    /// roles, timeline events, audit actions) has a name in both languages, each in its language; JSON keeps the value.
    @Test(arguments: Language.allCases) func everyMachineValueHasAName(language: Language) {
        for (group, values) in Catalog.valueGroups.merging(Catalog.timelineGroups, uniquingKeysWith: { a, _ in a }) {
            for raw in values {
                #expect(Catalog.table(language)["value.\(group).\(raw)"] != nil, "value.\(group).\(raw) missing in \(language)")
                let name = Catalog(language).value(group, raw)
                if language == .vi {
                    #expect(LanguageWords.englishIn(name).isEmpty, "value.\(group).\(raw): \(name)")
                } else {
                    #expect(LanguageWords.vietnameseIn(name).isEmpty, "value.\(group).\(raw): \(name)")
                }
            }
        }
        #expect(Catalog.vi.name(Registration.Status.approved) == "đã duyệt" && Catalog.en.name(Registration.Status.approved) == "approved")
        #expect(Catalog.vi.ticketStatus("pending") == "chờ khách" && Catalog.vi.category("no-such-category") == "no-such-category")
        #expect(Catalog.vi.value("action", "resend") == "gửi lại tài khoản" && Catalog.en.value("event", "call") == "call")
    }

    /// The column titles, `show` field names and `check` detail names the shell asks for by key.
    @Test(arguments: Language.allCases) func columnFieldAndDetailNamesAreInTheCatalog(language: Language) {
        let keys = ["bhxh_code", "full_name", "dob", "status", "kind", "phone", "id_number", "agency_code", "sms_status", "worst",
                    "opened_at", "operator", "assigned_to", "line", "priority", "category", "summary"].map { "column.\($0)" }
            + ["bhxh_code", "kind", "full_name", "dob", "gender", "id_number", "address", "phone", "email", "parent_bhxh_code",
               "agency_code", "photo_portrait", "photo_id_front", "photo_id_back", "photo_birth_cert", "declaration_forwarded",
               "status", "reject_reason", "sms_status", "submitted_at", "status_changed_at", "credentials_sent_at",
               "last_login_at", "synthetic"].map { "field.\($0)" }
            + ["province_code", "province", "type", "carrier", "new_number", "object_code", "benefit_level", "bhxh_code", "object",
               "gender", "birth_year", "name"].map { "detail.\($0)" }
        for k in keys { #expect(Catalog.table(language)[k] != nil, "\(k) missing in \(language)") }
    }

    /// A whole call as the operator sees it, in the shell's chosen language: the call screen, the registration and its
    /// diagnosis, `check`, the resend, a note, the ticket and its timeline, searches, the SMS queue, settings, and
    /// the refusals an operator meets on the way (each line is a command and the exit code it must give).
    static let callScript: [(line: String, code: Int32)] = [
        ("call 0901234567", 0), ("show", 0), ("diagnose", 0), ("check 0162 123 4567", 0), ("check 079085123456", 0),
        ("check HS4797912345678", 0),
        ("resend", 2), ("resend --verify dob=1990-05-01,id=079090999999", 1), ("resend --verify dob=1990-05-01,id=079090123456", 0),
        ("note khách đã nhận được tin nhắn", 0), ("ticket show 1", 0), ("ticket assign 1 nobody", 1), ("ticket close 1", 1),
        ("call 0909999999", 1), ("done", 2), ("done 'đã hướng dẫn người gọi'", 0), ("done xong", 2), ("hold", 2),
        ("ticket new --caller 0912345678 --line 121 Hỏi cách đổi số điện thoại", 0), ("ticket list", 0), ("ticket reopen 99", 1),
        ("show 7901234568", 0), ("search nguyen van duc", 0), ("search 079090123456", 0), ("search", 2), ("check", 2),
        ("outbox list", 0), ("whoami", 0), ("config list", 0), ("config set language xx", 1), ("config get colour", 2),
        ("timing maybe", 2), ("serch nguyen", 2), ("ticket list --from 31/02/2025", 2), ("bulk resend", 2),
        ("diagnose 7999999999", 1), ("show 079090123457", 1), ("stats tickets --by day", 0), ("stats tickets --by week", 0), ("stats tickets --by year", 2),
        ("format xml", 2), ("call 0909876543 --line 122", 0), ("hold", 0), ("search --help", 0),
        ("stats registrations --by rule", 0), ("audit --limit 60", 0),
    ]

    static let csv = """
        bhxh_code,full_name,dob,gender,phone,id_number,status,kind,agency_code,submitted_at,sms_status,reject_reason,photo_portrait,photo_id_front,photo_id_back
        7901234567,Nguyễn Văn Đức,1990-05-01,M,0901234567,079090123456,approved,self,07916,2025-03-01T08:00:00Z,failed,,1,1,1
        7901234568,Lê Thị Hồng,1985-02-10,F,02838543385,079185004321,rejected,self,079,2025-02-01T08:00:00Z,none,Ảnh CCCD bị mờ,1,0,1

        """

    /// The names and typed words the transcript shows as they are, in every language.
    static let data = ["Nguyễn Văn Đức", "Lê Thị Hồng", "Trần Thị Hoa", "khách đã nhận được tin nhắn", "đã hướng dẫn người gọi",
                       "Hỏi cách đổi số điện thoại", "Ảnh CCCD bị mờ", "Hồ Chí Minh", "BHXH TP.", "Viettel", "VinaPhone", "MobiFone"]

    static func callTranscript(_ language: Language) throws -> String {
        let f = try ShellFixture()
        f.shell.catalog = Catalog(language)
        _ = try Importer(session: f.shell.session).run(.registrations, bytes: Array(csv.utf8), name: "t.csv")
        for (line, code) in callScript {
            let before = f.out.count + f.err.count
            #expect(f.shell.execute(line) == code, "\(line) in \(language): \(f.err.suffix(300))")
            #expect(f.out.count + f.err.count > before, "\(line) in \(language) said nothing")
        }
        return f.out + f.err
    }

    @Test func aWholeCallInVietnameseHasNoEnglishWordsAndInEnglishNoVietnamese() throws {
        let vi = try Self.callTranscript(.vi)
        for text in ["Phiếu #1", "máy lẻ 121", "đã duyệt", "trạng thái", "Chẩn đoán", "Đã xếp hàng SMS", "xác minh không khớp",
                     "gửi lại tài khoản", "không có điện thoại viên nobody", "đang ở trạng thái “đang mở”", "cách dùng:",
                     "không phải ngôn ngữ của vssdesk", "15/09/2018", "01/05/1990", "còn 120 phút",
                     "đối tượng: học sinh", "theo họ tên:", "thống kê", "hợp lệ; dạng chuẩn:", "Nội dung cuộc gọi:",
                     "tuần 11/2025", "`format` nhận một trong", "`use MÃ_SỐ_BHXH`", "bài hướng dẫn", "ưu tiên bình thường, nội dung:",
                     "search QUERY"] {
            #expect(vi.contains(text), "“\(text)” missing from the Vietnamese transcript:\n\(vi)")
        }
        // A date a person reads is `dd/MM/yyyy` (`stats --by day`, the audit's times), never ISO.
        #expect(!vi.contains("2025-03-12") && !vi.contains("2025-W11"), "an ISO date in the Vietnamese transcript:\n\(vi)")
        for line in vi.split(separator: "\n").map(String.init) {
            #expect(LanguageWords.englishIn(line).isEmpty, "\(LanguageWords.englishIn(line)) in \"\(line)\"")
            #expect(LanguageWords.rawKeys(line).isEmpty, "a catalog key in \"\(line)\"")
        }
        let en = try Self.callTranscript(.en)
        for text in ["Ticket #1", "line 121", "approved", "status", "Diagnosis", "Queued SMS", "verification failed",
                     "credentials resent", "no active operator nobody", "ticket #1 is open", "usage:", "not a language of vssdesk",
                     "15/09/2018", "01/05/1990", "120 minutes left", "beneficiary: pupil", "by name:", "statistics",
                     "`done \"password resent\"`", "week 11 of 2025", "`format` takes one of", "normal priority, about"] {
            #expect(en.contains(text), "“\(text)” missing from the English transcript:\n\(en)")
        }
        for line in en.split(separator: "\n").map(String.init) {
            #expect(LanguageWords.vietnameseIn(line, data: Self.data).isEmpty, "\(LanguageWords.vietnameseIn(line, data: Self.data)) in \"\(line)\"")
            #expect(LanguageWords.rawKeys(line).isEmpty, "a catalog key in \"\(line)\"")
        }
    }

    /// `audit` says the rows vssdesk writes now (`key=value` data) in the reader's language, and shows older rows,
    /// written as English sentences before the catalogs, exactly as they were stored (they are hash-chained).
    static let auditRows: [(action: String, stored: String, vi: String, en: String)] = [
        ("call", "ticket=1 registrations=2; codes: 7901234567 7901234568",
         "phiếu #1; 2 hồ sơ theo số gọi đến; hồ sơ đã hiện: 7901234567 7901234568",
         "ticket #1; 2 registrations for the calling number; registrations shown: 7901234567 7901234568"),
        ("call_continue", "ticket=4 merged=2", "phiếu #4; gộp phiếu #2 vào", "ticket #4; ticket #2 folded in"),
        ("ticket_resolved", "ticket=3 from=open to=resolved resolution=đã gửi lại mật khẩu",
         "phiếu #3: đang mở → đã giải quyết: đã gửi lại mật khẩu", "ticket #3: open → resolved: đã gửi lại mật khẩu"),
        ("search", "kind=name results=1234", "theo họ tên: 1.234 kết quả", "by name: 1,234 results"),
        ("diagnose", "findings=0", "không phát hiện vấn đề nào", "no findings"),
        ("diagnose", "findings=2 rules=PHONE_INVALID,SMS_FAILED", "2 phát hiện: PHONE_INVALID, SMS_FAILED", "2 findings: PHONE_INVALID, SMS_FAILED"),
        ("verify_failed", "reason=mismatch", "thông tin người gọi đưa ra không khớp dữ liệu", "what the caller gave did not match the records"),
        ("resend", "sms=#5 to=0901***567 superseded=#3,#4", "SMS #5 tới 0901***567; thay SMS chưa gửi #3, #4", "SMS #5 to 0901***567; replaces unsent SMS #3, #4"),
        ("sms_retry", "sms=#5 attempt=2 error=reason=exit code=1 text=no modem", "SMS #5, lần thử 2: cổng SMS báo lỗi (mã thoát 1): no modem",
         "SMS #5, attempt 2: the SMS gateway failed (exit status 1): no modem"),
        ("sms_failed", "sms=#5 attempt=5 error=reason=timeout seconds=15", "SMS #5, lần thử 5: cổng SMS không trả lời sau 15 giây",
         "SMS #5, attempt 5: the SMS gateway did not answer within 15 seconds"),
        ("sms_retry", "sms #5 attempt 2: gateway timed out after 15 s", "sms #5 attempt 2: gateway timed out after 15 s",
         "sms #5 attempt 2: gateway timed out after 15 s"),
        ("ticket_list", "tickets=0 overdue=1", "0 phiếu quá hạn", "0 overdue tickets"),
        ("bulk_set-status", "dry_run=1 matched=10 would_change=8 skipped=2", "chạy thử: khớp 10, sẽ thay đổi 8, bỏ qua 2",
         "dry run: matched 10, would change 8, skipped 2"),
        ("bulk_resend", "matched=18 changed=17 skipped=1", "khớp 18, đã thay đổi 17, bỏ qua 1", "matched 18, changed 17, skipped 1"),
        ("bulk_resend", "sms=#7", "SMS #7", "SMS #7"),
        ("bulk_set_status", "approved → rejected", "đã duyệt → bị từ chối", "approved → rejected"),
        ("stats", "by=rule warnings=1", "theo quy tắc, kể cả cảnh báo", "by rule, warnings included"),
        ("backup", "registrations=3 tickets=1 audit=9 key=0", "3 hồ sơ, 1 phiếu, 9 dòng nhật ký kiểm toán; không kèm khóa",
         "3 registrations, 1 ticket, 9 audit rows; without the key"),
        ("import", "inserted=2 updated=0 rejected=1 file=hồ sơ tháng 3.csv", "hồ sơ tháng 3.csv: 2 thêm mới, 0 cập nhật, 1 bị loại",
         "hồ sơ tháng 3.csv: inserted 2, updated 0, rejected 1"),
        ("operator_add", "role=operator line=121", "vai trò điện thoại viên, máy lẻ 121", "role operator on line 121"),
        ("report", "from=2025-03-01 to=2025-03-31", "kỳ 01/03/2025 đến 31/03/2025", "01/03/2025 to 31/03/2025"),
        ("migrate", "config=8 operators=2 registrations=300 tickets=4 audit=42 head=c4886b896cfda41a42e51c58",
         "300 hồ sơ, 4 phiếu, 42 dòng nhật ký kiểm toán, đầu chuỗi c4886b896cfda41a…", "300 registrations, 4 tickets, 42 audit rows, audit head c4886b896cfda41a…"),
        // Rows stored before the catalogs: as they are, whatever the language.
        ("call", "ticket #1; 2 registration(s); codes: 7901234567", "ticket #1; 2 registration(s); codes: 7901234567",
         "ticket #1; 2 registration(s); codes: 7901234567"),
        ("search", "query kind name; 3 match(es)", "query kind name; 3 match(es)", "query kind name; 3 match(es)"),
        ("init", "first admin", "first admin", "first admin"),
        ("kb_search", "quen mat khau", "quen mat khau", "quen mat khau"),
        ("config_set", "low=480,normal=120,high=60,urgent=15", "low=480,normal=120,high=60,urgent=15", "low=480,normal=120,high=60,urgent=15"),
    ]

    @Test(arguments: auditRows) func auditRowsAreSaidInTheReadersLanguageOlderRowsAsStored(row: (action: String, stored: String, vi: String, en: String)) {
        let vi = AuditView.detail(action: row.action, row.stored, .vi), en = AuditView.detail(action: row.action, row.stored, .en)
        #expect(vi == row.vi)
        #expect(en == row.en)
        // What the gateway itself printed (`no modem`) is kept as it printed it.
        let said = vi.replacingOccurrences(of: ": no modem", with: "")
        if row.vi != row.stored { #expect(LanguageWords.englishIn(said).isEmpty, "\(LanguageWords.englishIn(said)) in \"\(vi)\"") }
    }

    @Test func auditTargetsAreNamed() {
        #expect(AuditView.target(action: "search", "name", .vi) == "họ tên" && AuditView.target(action: "stats", "tickets", .vi) == "phiếu")
        #expect(AuditView.target(action: "show", "7901234567", .vi) == "7901234567" && AuditView.target(action: "check", "cccd", .en) == "CCCD")
    }

    /// `vssdesk --help` is the process help of the catalog's language, not ArgumentParser's English one; the man page
    /// lists the same options.
    @Test func theProcessHelpIsInItsLanguage() {
        let vi = ProcessHelp.render(.vi), en = ProcessHelp.render(.en)
        #expect(vi.contains("Tùy chọn:") && vi.contains("--on-error stop|continue") && !vi.contains("OVERVIEW"))
        #expect(en.contains("Options:") && en.contains("show this help"))
        // A date a person reads is `dd/MM/yyyy` (`stats --by day`, the audit's times), never ISO.
        #expect(!vi.contains("2025-03-12") && !vi.contains("2025-W11"), "an ISO date in the Vietnamese transcript:\n\(vi)")
        for line in vi.split(separator: "\n").map(String.init) {
            #expect(LanguageWords.englishIn(line).isEmpty, "\(LanguageWords.englishIn(line)) in \"\(line)\"")
            #expect(LanguageWords.rawKeys(line).isEmpty && !line.contains("process."), "a catalog key in \"\(line)\"")
        }
        for line in en.split(separator: "\n").map(String.init) {
            #expect(LanguageWords.vietnameseIn(line).isEmpty, "\(LanguageWords.vietnameseIn(line)) in \"\(line)\"")
        }
        let man = ManPage.render(CommandTable.all, catalog: .vi)
        #expect(man.contains(".SH TÙY CHỌN") && man.contains("\\fB\\-\\-no\\-color\\fR\nkhông dùng màu"))
    }

    /// Why the SMS gateway failed, as `outbox list` and `audit` show it: said in the reader's language; what the
    /// gateway or the system printed kept as printed; a reason stored before the catalogs as it was stored.
    static let gatewayFailures: [(stored: String, vi: String, en: String)] = [
        ("reason=not_found text=gammu-smsd-inject", "không tìm thấy chương trình cổng SMS gammu-smsd-inject trong \(Gateway.trustedPath)",
         "SMS gateway program gammu-smsd-inject not found in \(Gateway.trustedPath)"),
        ("reason=cannot_start text=/opt/sms: Permission denied", "không chạy được cổng SMS /opt/sms: Permission denied",
         "cannot start the SMS gateway /opt/sms: Permission denied"),
        ("reason=timeout seconds=1", "cổng SMS không trả lời sau 1 giây", "the SMS gateway did not answer within 1 second"),
        ("reason=signal signal=9", "cổng SMS bị dừng bởi tín hiệu 9", "the SMS gateway was killed by signal 9"),
        ("reason=exit code=2", "cổng SMS báo lỗi (mã thoát 2)", "the SMS gateway failed (exit status 2)"),
        ("reason=template text=desk.gateway.empty", "mẫu lệnh cổng SMS không dùng được: mẫu lệnh cổng SMS đang trống",
         "the SMS gateway template cannot be used: the SMS gateway template is empty"),
        ("exit 1: modem not found", "exit 1: modem not found", "exit 1: modem not found"),
    ]

    @Test(arguments: gatewayFailures) func gatewayFailuresAreSaidInTheReadersLanguage(row: (stored: String, vi: String, en: String)) {
        #expect(AuditView.gatewayFailure(row.stored, .vi) == row.vi)
        #expect(AuditView.gatewayFailure(row.stored, .en) == row.en)
    }
}
