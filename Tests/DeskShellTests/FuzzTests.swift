import Foundation
import Testing
@testable import DeskShell
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// Seeded fuzzing of everything that reads text from outside: the line tokenizer and history filter, the CSV reader
/// and importer, the KB article parser, the identifier decoders, the renderer and the shell itself. Deterministic
/// (SplitMix64, fixed seeds); a failure names its case number so it can be replayed. 21,000 cases in all.
@Suite(.serialized) struct FuzzTests {
    /// `VSSDESK_FUZZ_SCALE=10` tries ten times as many cases (the same ones first), for a longer search by hand.
    static let scale = max(1, Int(ProcessInfo.processInfo.environment["VSSDESK_FUZZ_SCALE"] ?? "") ?? 1)

    /// ESC, BEL and the C1 controls: what must never reach a terminal raw (SPEC §10).
    static func rawControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) }
    }

    @Test func lineTokenizerAndHistory() {
        var f = FuzzInput(seed: 0x5EED_0001)
        let specs = CommandTable.all
        let completer = Completer(commands: specs, role: .admin)
        for n in 0..<4_000 * Self.scale {
            let line = f.text()
            _ = HistoryFilter.sanitize(line)
            _ = try? LineTokenizer.splitKeepingState(line, lenient: true)
            _ = completer.complete(line: line, cursor: f.int(0...line.count + 2))
            _ = completer.replacements(line: line, cursor: line.count, typed: String(line.suffix(f.int(0...3))))
            guard let words = try? LineTokenizer.split(line) else { continue }
            _ = try? Invocation.parse(words: words, spec: specs[f.int(0...specs.count - 1)])
            for w in words {
                #expect((try? LineTokenizer.split(LineTokenizer.quote(w))) == [w], "case \(n): \(w.debugDescription)")
            }
        }
    }

    @Test func identifierDecoders() {
        var f = FuzzInput(seed: 0x5EED_0002)
        for n in 0..<7_000 * Self.scale {
            let s = f.chance(50) ? f.text(maxPieces: 3) : String(decoding: f.bytes(20), as: UTF8.self)
            _ = BhxhCode(s)?.value
            if let c = CardNumber(s) { _ = (c.objectCode, c.benefitLevel, c.provinceCode, c.bhxhCode, c.objectName) }
            if let p = PersonalID(s), case .cccd(let c) = p {
                _ = (c.provinceName, c.gender, c.century, c.birthYear, c.inconsistencies(gender: .male, birthYear: 1990))
            }
            let phone = Phone(s)
            _ = (phone.carrier, phone.suggestedNew, Phone.looksLikePhone(s), Phone.pre2018Spellings(of: phone.normalized), Masking.phone(s))
            _ = AgencyCode(s)?.provinceName
            _ = (DateText.parseDate(s), DateText.parseInstant(s), Gender(parsing: s), Folding.fold(s))
            _ = DisplayWidth.wrap(s, width: f.int(0...30))
            let check = IdentifierCheck.classify(s)
            if !check.valid {
                #expect(!check.problems.isEmpty && check.problems.allSatisfy { !Catalog.vi.say($0).isEmpty }, "case \(n): \(s.debugDescription)")
            }
        }
    }

    @Test func articleParser() {
        var f = FuzzInput(seed: 0x5EED_0003)
        for n in 0..<3_000 * Self.scale {
            var text = f.chance(85) ? "---\n" : ""
            for _ in 0..<f.int(0...5) {
                switch f.int(1...5) {
                case 1: text += "id: " + (f.chance(50) ? "doi-sdt" : f.text(maxPieces: 2)) + "\n"
                case 2: text += "title: " + f.text(maxPieces: 3) + "\n"
                case 3: text += "tags: [" + f.text(maxPieces: 3) + "]\n"
                case 4: text += "rules: [" + (f.chance(50) ? "PHONE_INVALID" : f.text(maxPieces: 2)) + "]\n"
                default: text += f.text(maxPieces: 3) + "\n"
                }
            }
            if f.chance(85) { text += "---\n" }
            text += f.text()
            do {
                let a = try ArticleParser.parse(text, file: "fuzz.md", knownRules: ["PHONE_INVALID"])
                #expect(!a.id.isEmpty && !a.title.isEmpty, "case \(n)")
            } catch {
                #expect(!"\(error)".isEmpty, "case \(n)")
            }
        }
    }

    @Test func csvReader() {
        var f = FuzzInput(seed: 0x5EED_0004)
        for n in 0..<2_000 * Self.scale {
            let bytes = f.chance(50) ? f.bytes(300) : (0..<f.int(1...6)).flatMap { _ in f.textBytes() + [0x0A] }
            var reader = CSVReader(bytes: bytes)
            var steps = 0
            while steps <= bytes.count + 1 {
                steps += 1
                let before = reader.position
                do {
                    guard let r = try reader.next() else { break }
                    #expect(r.range.upperBound <= bytes.count && r.fields.allSatisfy { !$0.utf8.contains(0) }, "case \(n)")
                } catch let e as CSVReader.ParseError {
                    #expect(e.line >= 1 && e.range.upperBound <= bytes.count && !e.description.isEmpty, "case \(n)")
                    if e.kind == .unterminatedQuote { break }
                } catch {
                    Issue.record("case \(n): unexpected \(error)")
                    break
                }
                #expect(reader.position > before, "case \(n): the reader must always move on")
            }
            #expect(steps <= bytes.count + 1, "case \(n): the reader did not finish")
        }
    }

    /// Any fields within the limits, written as `--format csv` writes them, read back unchanged by the import reader.
    @Test func csvRoundTrip() throws {
        var f = FuzzInput(seed: 0x5EED_0008)
        for n in 0..<1_000 * Self.scale {
            var rows: [[String]] = [["x"]]
            for _ in 0..<f.int(1...5) {
                rows.append((0..<f.int(1...5)).map { _ in String(String(f.text(maxPieces: 4).unicodeScalars.filter { $0 != "\0" }).prefix(1_000)) })
            }
            var bytes: [UInt8] = []
            for row in rows {
                // The writer of `--format csv`; an empty single field is quoted, as a blank line is no record.
                let cells = row.map { cell in row.count == 1 && cell.isEmpty ? "\"\"" : CSVCell.quoted(cell) }
                bytes += Array(cells.joined(separator: ",").utf8) + (f.chance(20) ? [0x0D, 0x0A] : [0x0A])
            }
            var reader = CSVReader(bytes: bytes)
            var read: [[String]] = []
            do {
                while let r = try reader.next() { read.append(r.fields) }
            } catch {
                Issue.record("case \(n): \(error)")
                continue
            }
            #expect(read.map { $0.map { Array($0.utf8) } } == rows.map { $0.map { Array($0.utf8) } }, "case \(n)")
        }
    }

    func counts(_ store: Store) throws -> [Int] {
        try ["registrations", "registration_events", "insured", "audit"].map { try store.db.scalarInt("SELECT count(*) FROM \($0)") }
    }

    @Test func importer() throws {
        var f = FuzzInput(seed: 0x5EED_0005)
        let fixture = try ShellFixture()
        let importer = Importer(session: fixture.shell.session)
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-fuzz-bad-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: bad) }
        for n in 0..<1_000 * Self.scale {
            let target: Importer.Target = f.chance(70) ? .registrations : .insured
            let known = target == .registrations ? Registration.columns : InsuredPerson.columns
            var columns = Array(known.shuffled(using: &f.rng).prefix(f.int(1...6)))
            if !columns.contains("bhxh_code"), f.chance(90) { columns.insert("bhxh_code", at: 0) }
            var csv: [UInt8] = f.chance(5) ? f.textBytes() + [0x0A] : Array(columns.joined(separator: ",").utf8) + [0x0A]
            for _ in 0..<f.int(0...4) {
                let count = f.chance(90) ? columns.count : f.int(0...columns.count + 1)
                let fields: [[UInt8]] = (0..<count).map { i in
                    let column = i < columns.count ? columns[i] : ""
                    var value: [UInt8] = column == "bhxh_code" && f.chance(60)
                        ? Array(String(format: "79%08d", f.int(0...99_999_999)).utf8) : f.textBytes()
                    if f.chance(40) {
                        value = [0x22] + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
                    }
                    return value
                }
                csv += Array(fields.joined(separator: [0x2C])) + (f.chance(20) ? [0x0D, 0x0A] : [0x0A])
            }
            let skipBad = f.chance(20) ? bad : nil
            let before = try counts(fixture.store)
            do {
                _ = try importer.run(target, bytes: csv, name: "fuzz.csv", skipBadPath: skipBad)
            } catch {
                let message = Shell.classify(error).1
                #expect(!message.isEmpty, "case \(n)")
                #expect(try counts(fixture.store) == before, "case \(n): a refused import changed the database")
            }
        }
    }

    @Test func renderedTablesNeverCarryControls() {
        var f = FuzzInput(seed: 0x5EED_0006)
        for n in 0..<1_500 * Self.scale {
            let columns = (0..<f.int(1...3)).map { _ in f.text(maxPieces: 2) }
            let rows = (0..<f.int(0...3)).map { _ in columns.map { _ in f.chance(50) ? f.text() : String(decoding: f.bytes(), as: UTF8.self) } }
            let out = CommandOutput(json: .string(f.text(maxPieces: 3)), tables: [CommandOutput.Table(title: f.text(maxPieces: 2), columns: columns, rows: rows)],
                                    lines: [f.text(maxPieces: 3)], footer: [f.text(maxPieces: 2)])
            for format in [OutputFormat.table, .vertical, .auto, .json] {
                let text = Renderer(format: format, terminalWidth: 80).render(out)
                #expect(!Self.rawControl(text), "case \(n) \(format): \(text.debugDescription.prefix(300))")
            }
            _ = Renderer(format: .csv).render(out)
        }
    }

    @Test func shellLines() throws {
        var f = FuzzInput(seed: 0x5EED_0007)
        let fixture = try ShellFixture()
        _ = try Importer(session: fixture.shell.session).run(.registrations, bytes: Array("""
            bhxh_code,full_name,phone,id_number,address
            7901234567,"Lê\u{1B}]0;x\u{07} Văn A",0912345678,079090001234,"1 Quận 6"
            7901234568,Nguyễn Văn Đức,0901234567,079085004321,"\u{9B}31m Quận 6"

            """.utf8), name: "seed.csv")
        // Read-only commands and the call flow; nothing that starts a child process or writes a user-named file.
        let commands = ["search", "search", "search --status", "search --limit", "kb search", "kb show", "check", "show",
                        "diagnose", "ticket list --category", "ticket list --from", "ticket list --status", "ticket show",
                        "ticket new --line 121 --caller", "stats tickets --by", "stats registrations --from", "audit --limit",
                        "call", "use", "note", "done", "hold", "bulk resend --dry-run --where", "config get", "help", "format",
                        "nosuch", "outbox list --status", "operator list", "whoami"]
        var succeeded = 0
        for n in 0..<1_500 * Self.scale {
            fixture.out = ""
            fixture.err = ""
            // Half the arguments quoted so that they reach the command instead of failing in the tokenizer.
            let args = (0..<f.int(1...3)).map { _ in f.chance(50) ? LineTokenizer.quote(f.text(maxPieces: 3)) : f.text(maxPieces: 3) }
            let line = commands[f.int(0...commands.count - 1)] + " " + args.joined(separator: " ")
            let code = fixture.shell.execute(line)
            if code != 0 { #expect(!fixture.err.isEmpty, "case \(n): a failure with no message") } else { succeeded += 1 }
            #expect(!Self.rawControl(fixture.out) && !Self.rawControl(fixture.err), "case \(n): \(line.debugDescription)")
            fixture.shell.format = .table
        }
        #expect(succeeded > 100, "the fuzzed lines should mostly reach the commands")
    }
}
