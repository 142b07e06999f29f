import DeskCore

/// Output formats of SPEC §10 (`--format`, `format X`).
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, vertical, csv, json, auto
}

/// Turns a `CommandOutput` into text for one format. Pure: terminal width and colour are passed in.
public struct Renderer {
    public var format: OutputFormat
    public var color: Bool
    public var terminalWidth: Int
    /// The language of the renderer's own words (row counts, record headings).
    public var catalog: Catalog

    public init(format: OutputFormat, color: Bool = false, terminalWidth: Int = 80, catalog: Catalog = .vi) {
        self.catalog = catalog
        self.format = format
        self.color = color
        self.terminalWidth = terminalWidth
    }

    public func render(_ out: CommandOutput) -> String {
        switch format {
        case .json:
            return out.json.serialized(pretty: false) + "\n"
        case .csv:
            guard let t = out.tables.first else { return out.lines.isEmpty ? "" : out.lines.joined(separator: "\n") + "\n" }
            return Self.csv(t)
        case .table, .vertical, .auto:
            var parts: [String] = []
            if !out.lines.isEmpty { parts.append(freeText(out.lines, bold: out.boldLines)) }
            for raw in out.tables {
                // Widths are measured on what will be shown: escaped and cut.
                let cut = format == .vertical ? nil : Self.safe(raw, maxWidth: Self.cellWidth)
                if let cut, format == .table || Self.tableWidth(cut) <= terminalWidth {
                    parts.append(tableText(cut))
                } else {
                    parts.append(verticalText(Self.safe(raw, maxWidth: Self.verticalWidth)))
                }
            }
            if !out.footer.isEmpty { parts.append(freeText(out.footer, bold: [])) }
            return parts.isEmpty ? "" : parts.joined(separator: "\n") + "\n"
        }
    }

    /// Display columns a table cell may take before it is cut with `…` (or, in a wrapped column, before it goes on
    /// the next line), and the larger limit of a vertical value and of a wrapped cell's whole text.
    public static let cellWidth = 60
    public static let verticalWidth = 500

    /// The table as it may reach a terminal (SPEC §10): every title, column and cell escaped by `TerminalSafe` and
    /// cut at `maxWidth` columns (a wrapped column's cells at `verticalWidth`). The renderer's own bold codes are
    /// added only after this.
    static func safe(_ t: CommandOutput.Table, maxWidth: Int) -> CommandOutput.Table {
        var s = t
        s.title = t.title.map { TerminalSafe.cell($0, maxWidth: verticalWidth) }
        s.columns = t.columns.map { TerminalSafe.cell($0, maxWidth: maxWidth) }
        s.rows = t.rows.map { row in
            row.enumerated().map { i, cell in TerminalSafe.cell(cell, maxWidth: t.wrapped.contains(i) ? max(maxWidth, verticalWidth) : maxWidth) }
        }
        return s
    }

    /// Lines for people, escaped (line breaks inside a line kept), with the lines the command marked as headings in bold.
    func freeText(_ lines: [String], bold boldLines: Set<Int>) -> String {
        lines.enumerated().map { i, line in
            let safe = TerminalSafe.escape(line, keepLineBreaks: true)
            return boldLines.contains(i) ? bold(safe) : safe
        }.joined(separator: "\n")
    }

    static func widths(_ t: CommandOutput.Table) -> [Int] {
        var w = t.columns.map { DisplayWidth.of($0) }
        for row in t.rows {
            for (i, cell) in row.enumerated() where i < w.count {
                w[i] = max(w[i], t.wrapped.contains(i) ? min(cellWidth, DisplayWidth.of(cell)) : DisplayWidth.of(cell))
            }
        }
        return w
    }

    static func tableWidth(_ t: CommandOutput.Table) -> Int {
        widths(t).reduce(0, +) + max(0, t.columns.count - 1) * 3 + 2
    }

    func tableText(_ t: CommandOutput.Table) -> String {
        let w = Self.widths(t)
        var lines: [String] = []
        if let title = t.title { lines.append(bold(title)) }
        let header = t.columns.enumerated().map { DisplayWidth.pad($0.element, to: w[$0.offset]) }.joined(separator: " │ ")
        lines.append(" " + bold(header))
        lines.append("─" + w.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
        for row in t.rows {
            let cells = (0..<w.count).map { i -> [String] in
                let cell = i < row.count ? row[i] : ""
                return t.wrapped.contains(i) ? DisplayWidth.wrap(cell, width: w[i]) : [cell]
            }
            for l in 0..<(cells.map(\.count).max() ?? 1) {
                let parts = (0..<w.count).map { i in
                    DisplayWidth.pad(l < cells[i].count ? cells[i][l] : "", to: w[i], alignRight: t.numeric.contains(i))
                }
                lines.append(" " + parts.joined(separator: " │ "))
            }
        }
        lines.append(catalog.text("renderer.rows", ["n": .int(t.rows.count)]))
        return lines.joined(separator: "\n")
    }

    func verticalText(_ t: CommandOutput.Table) -> String {
        let keyWidth = t.columns.map { DisplayWidth.of($0) }.max() ?? 0
        var lines: [String] = []
        if let title = t.title { lines.append(bold(title)) }
        for (n, row) in t.rows.enumerated() {
            lines.append(bold(catalog.text("renderer.record", ["n": .int(n + 1)]) + String(repeating: "-", count: max(4, keyWidth))))
            for (i, c) in t.columns.enumerated() {
                lines.append(DisplayWidth.pad(c, to: keyWidth) + " │ " + (i < row.count ? row[i] : ""))
            }
        }
        if t.rows.isEmpty { lines.append(catalog.text("renderer.rows", ["n": 0])) }
        return lines.joined(separator: "\n")
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF-free (LF) lines. Data
    /// cells are neutralised first (`CSVCell`); the header row is our own column names and stays as it is.
    public static func csv(_ t: CommandOutput.Table) -> String {
        var out = t.columns.map(CSVCell.quoted).joined(separator: ",") + "\n"
        for row in t.rows { out += row.map { CSVCell.quoted(CSVCell.neutralised($0)) }.joined(separator: ",") + "\n" }
        return out
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m" + s + "\u{1B}[0m" : s }
}
