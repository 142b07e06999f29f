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
        #expect(v.contains("-[ RECORD 1 ]"))
        #expect(v.contains("họ tên │ Nguyễn Văn Đức"))
        let narrow = Renderer(format: .auto, terminalWidth: 10).render(CommandOutput(json: .null, tables: [table]))
        #expect(narrow.contains("RECORD"))
        let wide = Renderer(format: .auto, terminalWidth: 200).render(CommandOutput(json: .null, tables: [table]))
        #expect(!wide.contains("RECORD"))
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
}
