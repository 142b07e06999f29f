/// A piece of HTML markup. Text enters only through `HTML(text)`, which escapes it, so a value from the data (an
/// operator's display name may be `<script>…`) can never become markup; literal tags are written with `markup:`.
struct HTML: Sendable, ExpressibleByStringLiteral {
    let markup: String

    /// Escaped text.
    init(_ text: String) { markup = HTMLReport.escape(text) }
    init(markup: String) { self.markup = markup }
    /// A literal in the code is text like any other.
    init(stringLiteral text: String) { self.init(text) }

    static let empty = HTML(markup: "")

    static func + (a: HTML, b: HTML) -> HTML { HTML(markup: a.markup + b.markup) }

    static func join(_ parts: [HTML], _ separator: String = "") -> HTML {
        HTML(markup: parts.map(\.markup).joined(separator: separator))
    }

    /// `<tag attr="…">children</tag>`; attribute values are escaped too.
    static func element(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: HTML...) -> HTML {
        element(tag, attributes, children)
    }

    static func element(_ tag: String, _ attributes: KeyValuePairs<String, String>, _ children: [HTML]) -> HTML {
        let attrs = attributes.map { " \($0.key)=\"\(HTMLReport.escape($0.value))\"" }.joined()
        return HTML(markup: "<\(tag)\(attrs)>" + join(children).markup + "</\(tag)>")
    }
}

extension HTMLReport {
    /// Scalar by scalar: Foundation's replace compares Characters, so a quote followed by a combining mark (`"\u{301}`)
    /// would pass unescaped and close the attribute it is in.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// A table of the report: header cells, body rows and an optional total row; numeric columns align right.
struct ReportTable {
    struct Cell {
        var content: HTML
        var numeric = false
        var colspan = 1
        var rowspan = 1
        var classes: [String] = []

        static func text(_ s: String, numeric: Bool = false) -> Cell { Cell(content: HTML(s), numeric: numeric) }
        static func number(_ s: String) -> Cell { Cell(content: HTML(s), numeric: true) }
    }

    var head: [[Cell]]
    var rows: [[Cell]]
    var total: [Cell]? = nil
    var classes: [String] = []

    var html: HTML {
        func cells(_ row: [Cell], _ tag: String) -> HTML {
            HTML.join(row.map { c in
                var classes = c.classes
                if c.numeric { classes.append("num") }
                var attrs = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                if c.colspan > 1 { attrs += " colspan=\"\(c.colspan)\"" }
                if c.rowspan > 1 { attrs += " rowspan=\"\(c.rowspan)\"" }
                return HTML(markup: "<\(tag)\(attrs)>\(c.content.markup)</\(tag)>")
            })
        }
        var out = "<table" + (classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"") + "><thead>"
        out += head.map { "<tr>" + cells($0, "th").markup + "</tr>" }.joined()
        out += "</thead><tbody>" + rows.map { "<tr>" + cells($0, "td").markup + "</tr>" }.joined() + "</tbody>"
        if let total { out += "<tfoot><tr>" + cells(total, "td").markup + "</tr></tfoot>" }
        return HTML(markup: out + "</table>")
    }
}
