import Testing
@testable import DeskShell
import DeskCore

@Suite struct RendererTests {
    let table = CommandOutput.Table(columns: ["mã", "họ tên"], rows: [["1", "Nguyễn Văn Đức"], ["22", "Lê Ái"]])

    @Test func tableAlignsByDisplayWidth() {
        let text = Renderer(format: .table).render(CommandOutput(json: .null, tables: [table]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == " mã │ họ tên        ")
        #expect(lines[2] == " 1  │ Nguyễn Văn Đức")
        #expect(lines[3] == " 22 │ Lê Ái         ")
        let widths = Set(lines[0...3].map { DisplayWidth.of($0) })
        #expect(widths.count == 1)
    }

    @Test func alignsNFDInputToo() {
        let nfd = CommandOutput.Table(columns: ["họ tên"], rows: [["Nguyễn Văn Đức".decomposedStringWithCanonicalMapping], ["Lê"]])
        let lines = Renderer(format: .table).render(CommandOutput(json: .null, tables: [nfd])).split(separator: "\n")
        #expect(DisplayWidth.of(String(lines[2])) == DisplayWidth.of(String(lines[3])))
    }

    @Test func csvQuotesPerRFC4180() {
        let t = CommandOutput.Table(columns: ["a", "b"], rows: [["x,y", "say \"hi\""], ["đ", "line\nbreak"]])
        #expect(Renderer.csv(t) == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\nđ,\"line\nbreak\"\n")
    }

    @Test func verticalAndAuto() {
        let v = Renderer(format: .vertical).render(CommandOutput(json: .null, tables: [table]))
        #expect(v.contains("-[ BẢN GHI 1 ]"))
        #expect(v.contains("họ tên │ Nguyễn Văn Đức"))
        let narrow = Renderer(format: .auto, terminalWidth: 10).render(CommandOutput(json: .null, tables: [table]))
        #expect(narrow.contains("BẢN GHI"))
        let wide = Renderer(format: .auto, terminalWidth: 200).render(CommandOutput(json: .null, tables: [table]))
        #expect(!wide.contains("BẢN GHI"))
    }

    @Test func jsonIsOneDocumentWithEscapes() {
        let j = JSONValue.object([("name", .string("Đức \"x\"\n")), ("n", .int(3)), ("ok", .bool(true)), ("none", .null),
                                  ("list", .array([.double(1.5)]))])
        #expect(Renderer(format: .json).render(CommandOutput(json: j, lines: ["ignored"])) ==
                "{\"name\":\"Đức \\\"x\\\"\\n\",\"n\":3,\"ok\":true,\"none\":null,\"list\":[1.5]}\n")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Renderer(format: .table, color: false).render(CommandOutput(json: .null, tables: [table]))
        #expect(!plain.contains("\u{1B}"))
        let coloured = Renderer(format: .table, color: true).render(CommandOutput(json: .null, tables: [table]))
        #expect(coloured.contains("\u{1B}[1m"))
    }

    static let hostile = ["\u{1B}]0;owned\u{07}", "a\u{1B}[2Jb", "x\u{9B}31m", "bs\u{08}\u{08}", "del\u{7F}", "rtl\u{202E}cba",
                          "two\nlines", "cr\rover"]

    static func rawControl(_ s: String) -> Bool { s.unicodeScalars.contains { TerminalSafe.isUnsafe($0) && $0 != "\n" } }

    @Test(arguments: [OutputFormat.table, .vertical, .auto])
    func dataNeverDrivesTheTerminal(format: OutputFormat) {
        let t = CommandOutput.Table(title: "tiêu đề \u{1B}[5m", columns: ["mã", "tên"], rows: Self.hostile.map { ["1", $0] })
        let out = CommandOutput(json: .null, tables: [t], lines: ["dòng \u{1B}]8;;http://x\u{07}link"], footer: ["cuối \u{07}"])
        let text = Renderer(format: format).render(out)
        #expect(!Self.rawControl(text), "\(text.debugDescription)")
        #expect(text.contains("\\x1b]0;owned\\x07") && text.contains("\\u{9b}31m") && text.contains("\\u{202e}"))
        #expect(text.contains("\\x1b]8;;http://x\\x07link") && text.contains("cuối \\x07"))
    }

    @Test func boldIsAddedAfterEscaping() {
        var out = CommandOutput(json: .null, tables: [CommandOutput.Table(title: "T\u{1B}x", columns: ["a"], rows: [["\u{1B}"]])],
                                lines: ["Heading \u{1B}[0m", "body"])
        out.boldLines = [0]
        let text = Renderer(format: .table, color: true).render(out)
        #expect(text.contains("\u{1B}[1mHeading \\x1b[0m\u{1B}[0m\nbody"))
        #expect(text.contains("\u{1B}[1mT\\x1bx\u{1B}[0m"))
        // Outside the renderer's own bold codes, no ESC at all.
        #expect(!text.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "").contains("\u{1B}"))
    }

    @Test func hugeCellsAreCut() {
        let huge = String(repeating: "Đức ", count: 100_000)
        let t = CommandOutput.Table(columns: ["mã", "tên"], rows: [["1", huge], ["2", "Lê Ái"]])
        let table = Renderer(format: .table).render(CommandOutput(json: .null, tables: [t]))
        for line in table.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 2 + 3 + Renderer.cellWidth + 2) }
        #expect(table.contains("…"))
        let vertical = Renderer(format: .vertical).render(CommandOutput(json: .null, tables: [t]))
        let longest = vertical.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        #expect(longest <= Renderer.verticalWidth + 10 && longest > Renderer.cellWidth)
    }

    @Test func wrappedColumnsKeepTheWholeSentence() {
        let sentence = "Số CCCD đã khai (0790***166) khác số giấy tờ trong dữ liệu BHXH: đề nghị khách mang CCCD đến cơ quan BHXH để cập nhật."
        let t = CommandOutput.Table(columns: ["mã", "nội dung", "KB"], rows: [["ID_MISMATCH", sentence, "cap-nhat-cccd"], ["X", "ngắn", "y"]],
                                    wrapped: [1])
        let lines = Renderer(format: .table).render(CommandOutput(json: .null, tables: [t])).split(separator: "\n").map(String.init)
        #expect(!lines.joined().contains("…"))
        #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) == DisplayWidth.of(lines[0]) }, "\(lines)")
        let words = lines.dropFirst(2).dropLast().map { $0.split(separator: "│")[1].trimmingCharacters(in: .whitespaces) }
        #expect(words.filter { !$0.isEmpty }.joined(separator: " ") == sentence + " ngắn")
        #expect(lines[2].hasPrefix(" ID_MISMATCH │ ") && lines[2].hasSuffix("│ cap-nhat-cccd"))
        // Still bounded: a huge sentence is cut at the vertical limit, on lines no wider than a cell.
        let huge = CommandOutput.Table(columns: ["nội dung"], rows: [[String(repeating: "rất dài ", count: 10_000)]], wrapped: [0])
        let hugeLines = Renderer(format: .table).render(CommandOutput(json: .null, tables: [huge])).split(separator: "\n")
        #expect(hugeLines.count < 20 && hugeLines.allSatisfy { DisplayWidth.of(String($0)) <= Renderer.cellWidth + 2 })
        #expect(hugeLines.contains { $0.contains("…") })
    }

    @Test func jsonEscapesEveryControl() {
        let text = Renderer(format: .json).render(CommandOutput(json: .object(Self.hostile.map { ("k", .string($0)) })))
        #expect(text.hasSuffix("}\n"))
        #expect(!text.dropLast().unicodeScalars.contains(where: TerminalSafe.isUnsafe), "\(text.debugDescription)")
        #expect(text.contains("\\u001b") && text.contains("\\u009b") && text.contains("\\u007f") && text.contains("\\u202e"))
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+1+2", "'+1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("Nguyễn Văn Đức", "Nguyễn Văn Đức"),
        ("0901234567", "0901234567"),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func csvNeutralisesFormulas(cell: String, written: String) {
        let t = CommandOutput.Table(columns: ["full_name", "-x"], rows: [[cell, "1"]])
        #expect(Renderer.csv(t) == "full_name,-x\n" + written + ",1\n")
    }
}

/// Quoting that must hold for any text, combining marks included (found by FuzzTests.csvRoundTrip).
@Suite struct QuotingTests {
    @Test func csvDoublesAQuoteBeforeACombiningMark() {
        let cell = "a\"\u{301}b,=1"
        #expect(Array(CSVCell.quoted(cell).unicodeScalars) == Array("\"a\"\"\u{301}b,=1\"".unicodeScalars))
    }

    @Test func htmlEscapesAQuoteBeforeACombiningMark() {
        let escaped = HTMLReport.escape("x\"\u{301} onmouseover=\"alert(1)\" <\u{338}b>")
        #expect(!escaped.unicodeScalars.contains { $0 == "\"" || $0 == "<" || $0 == ">" })
        #expect(escaped.hasPrefix("x&quot;\u{301} onmouseover="))
    }
}
