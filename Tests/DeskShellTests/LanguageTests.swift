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

    /// English function words and command verbs that no Vietnamese sentence needs. `in` (Vietnamese "in", print)
    /// and `a` are left out on purpose.
    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "for", "with", "is", "are", "this", "that", "from", "or", "not", "show", "list",
        "when", "one", "each", "by", "on", "at", "an", "all", "every", "only", "if", "be", "it", "its", "their",
        "your", "you", "what", "which", "how", "new", "after", "before", "until", "without", "would", "will",
    ]

    /// The words a person reads in a help text: without `backticked` command syntax, flags (`--to`), key=value
    /// terms and value lists (`low|normal`), which are the same in both languages.
    static func proseWords(_ text: String) -> [String] {
        var s = text.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"--[a-z-]+"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"[a-z-]+="#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"[a-z]+(\|[a-z]+)+"#, with: " ", options: .regularExpression)
        return s.lowercased().split { !$0.isLetter }.map(String.init)
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

    @Test func vietnameseHelpHasNoEnglishWords() throws {
        let prose = try Self.renderedProse(.vi)
        #expect(prose.count > 150)
        for (place, text) in prose {
            let english = Self.proseWords(text).filter(Self.englishWords.contains)
            #expect(english.isEmpty, "\(place): \(english) in \"\(text)\"")
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
    /// roles) has a name in both languages; the Vietnamese one has no English word, and JSON keeps the value.
    @Test(arguments: Language.allCases) func everyMachineValueHasAName(language: Language) {
        for (group, values) in Catalog.valueGroups {
            for raw in values {
                #expect(Catalog.table(language)["value.\(group).\(raw)"] != nil, "value.\(group).\(raw) missing in \(language)")
                if language == .vi {
                    let english = Self.proseWords(Catalog.vi.value(group, raw)).filter(Self.englishWords.contains)
                    #expect(english.isEmpty, "value.\(group).\(raw): \(english)")
                }
            }
        }
        #expect(Catalog.vi.name(Registration.Status.approved) == "đã duyệt" && Catalog.en.name(Registration.Status.approved) == "approved")
        #expect(Catalog.vi.ticketStatus("pending") == "chờ khách" && Catalog.vi.category("no-such-category") == "no-such-category")
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

    /// A whole call as the operator sees it (call, show, diagnose, done), in the shell's chosen language.
    static func callTranscript(_ language: Language) throws -> String {
        let f = try ShellFixture()
        f.shell.catalog = Catalog(language)
        let csv = """
            bhxh_code,full_name,dob,gender,phone,id_number,status,kind,agency_code,submitted_at
            7901234567,Nguyễn Văn Đức,1990-05-01,M,0901234567,079090123456,submitted,self,07916,2025-03-01T08:00:00Z

            """
        _ = try Importer(session: f.shell.session).run(.registrations, bytes: Array(csv.utf8), name: "t.csv")
        for line in ["call 0901234567", "show", "diagnose", "done 'đã hướng dẫn người gọi'"] {
            #expect(f.shell.execute(line) == 0, "\(line): \(f.err)")
        }
        return f.out + f.err
    }

    /// Command syntax an operator types (`kb show ID`, `ticket show 3`) is the same in both languages.
    static func withoutCommands(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b(kb|ticket) (show|reopen|search|list) \S*"#, with: " ", options: .regularExpression)
    }

    @Test func aWholeCallInVietnameseHasNoEnglishWordsAndInEnglishSaysTheSame() throws {
        let vi = try Self.callTranscript(.vi)
        #expect(vi.contains("Phiếu #1") && vi.contains("máy lẻ 121") && vi.contains("đã nộp") && vi.contains("trạng thái"), "\(vi)")
        for line in vi.split(separator: "\n").map(String.init) {
            let english = Self.proseWords(Self.withoutCommands(line)).filter(Self.englishWords.contains)
            #expect(english.isEmpty, "\(english) in \"\(line)\"")
        }
        let en = try Self.callTranscript(.en)
        #expect(en.contains("Ticket #1") && en.contains("line 121") && en.contains("submitted") && en.contains("status"), "\(en)")
        #expect(en.contains("Registration 7901234567") && en.contains("Ticket #1 resolved."), "\(en)")
        // The shell's own words are English; the diagnosis texts and the ticket's summary come from the services.
        for word in ["trạng thái", "đã nộp", "Hồ sơ 79", "Chẩn đoán", "Lịch sử", "mở lúc", "máy lẻ", "đã giải quyết", "Loại:"] {
            #expect(!en.contains(word), "\(word) in the English transcript")
        }
    }
}
