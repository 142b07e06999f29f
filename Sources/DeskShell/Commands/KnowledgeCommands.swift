import Desk
import DeskCore

enum KnowledgeCommands {
    static var specs: [CommandSpec] {
        [
            CommandSpec("kb list", group: .knowledge, synopsis: "kb list", summary: "command.kb.list", example: "kb list", run: list),
            CommandSpec("kb search", group: .knowledge, synopsis: "kb search QUERY",
                        summary: "command.kb.search",
                        flags: [FlagSpec("--limit", value: "N", "flag.limit.kb.search")],
                        example: "kb search khong nhan duoc mat khau", run: search),
            CommandSpec("kb show", group: .knowledge, synopsis: "kb show ID", summary: "command.kb.show",
                        positional: .kbID, example: "kb show dang-nhap", run: show),
            CommandSpec("kb reindex", group: .knowledge, synopsis: "kb reindex", summary: "command.kb.reindex",
                        example: "kb reindex", run: reindex),
        ]
    }

    static func list(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        KnowledgeBaseLoader.refreshIfNeeded(shell)
        let articles = try KnowledgeBase(session: shell.session).articles()
        let json = JSONValue.object([("results", .array(articles.map {
            .object([("id", .string($0.id)), ("title", .string($0.title)), ("tags", .array($0.tags.map { .string($0) }))])
        }))])
        return CommandOutput(json: json, tables: [CommandOutput.Table(columns: RegistrationViews.columns(["id", "title"], shell.catalog),
                                                                      rows: articles.map { [$0.id, $0.title] })])
    }

    static func search(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        KnowledgeBaseLoader.refreshIfNeeded(shell)
        let hits = try KnowledgeBase(session: shell.session).search(inv.rest, limit: try inv.int("--limit", default: 5))
        var fields: [(String, JSONValue)] = [("results", .array(hits.map {
            .object([("id", .string($0.id)), ("title", .string($0.title)), ("score", .double(($0.score * 1000).rounded() / 1000))])
        }))]
        var footer: [String] = []
        if hits.isEmpty {
            // Nothing fits: the operator gets the whole list to pick from instead of noise ranked first.
            let articles = try KnowledgeBase(session: shell.session).articles()
            fields.append(("articles", .array(articles.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })))
            footer = [shell.catalog.text("kb.noMatch")] + articles.map { "  \($0.id) — \($0.title)" }
        }
        let table = CommandOutput.Table(columns: RegistrationViews.columns(["id", "title", "score"], shell.catalog),
                                        rows: hits.map { [$0.id, $0.title, shell.catalog.decimal($0.score, places: 2)] }, numeric: [2])
        return CommandOutput(json: .object(fields), tables: hits.isEmpty ? [] : [table], footer: footer)
    }

    static func show(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        guard let id = inv.positional.first else { throw inv.usage() }
        KnowledgeBaseLoader.refreshIfNeeded(shell)
        let kb = KnowledgeBase(session: shell.session)
        guard let a = try kb.article(id) else {
            let near = Suggest.nearest(id, in: try kb.ids()).map { shell.catalog.text("shell.didYouMean", ["name": .text($0)]) } ?? ""
            throw ShellError.notFound(shell.catalog.text("kb.notFound", ["id": .text(id), "hint": .text(near)]))
        }
        try shell.session.audit("kb_show", target: id)
        let json = JSONValue.object([("id", .string(a.id)), ("title", .string(a.title)), ("tags", .array(a.tags.map { .string($0) })),
                                     ("rules", .array(a.rules.map { .string($0) })), ("body", .string(a.body))])
        let text = ArticleRenderer.render(a, width: min(shell.terminalWidth(), 100))
        var out = CommandOutput(json: json, lines: text.lines)
        out.boldLines = text.headings
        return out
    }

    static func reindex(_ inv: Invocation, _ shell: Shell) throws -> CommandOutput {
        let report = try KnowledgeBase(session: shell.session).refresh(force: true)
        let c = shell.catalog
        return CommandOutput(json: .object([("loaded", .int(report.loaded)), ("problems", .array(report.problems.map { .string(c.say($0)) }))]),
                             lines: [c.text("kb.indexed", ["n": .int(report.loaded)])], notices: report.problems.map(c.say))
    }
}

/// Markdown for a terminal: headings (to be shown in bold), numbered steps with a hanging indent, wrapped by display
/// width. Plain text only: the renderer escapes it and adds the bold codes.
enum ArticleRenderer {
    static func render(_ a: KBArticle, width: Int) -> (lines: [String], headings: Set<Int>) {
        var out: [String] = []
        var headings: Set<Int> = []
        for raw in a.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let text = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                if !out.isEmpty && out.last != "" { out.append("") }
                headings.insert(out.count)
                out.append(text.replacingOccurrences(of: "**", with: ""))
                continue
            }
            if line.isEmpty { if out.last != "" { out.append("") }; continue }
            let clean = line.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
            var marker = ""
            var rest = clean
            if let dot = clean.firstIndex(of: "."), clean[..<dot].allSatisfy(\.isNumber), !clean[..<dot].isEmpty {
                marker = String(clean[...dot]) + " "
                rest = clean[clean.index(after: dot)...].trimmingCharacters(in: .whitespaces)
            } else if clean.hasPrefix("- ") || clean.hasPrefix("* ") || clean.hasPrefix("+ ") {
                marker = "• "
                rest = String(clean.dropFirst(2))
            }
            let indent = String(repeating: " ", count: DisplayWidth.of(marker) + 2)
            let wrapped = DisplayWidth.wrap(rest, width: max(20, width - indent.count))
            for (i, w) in wrapped.enumerated() { out.append(i == 0 ? "  " + marker + w : indent + w) }
        }
        out.append("")
        out.append("[\(a.id)] · \(a.tags.joined(separator: ", "))")
        return (out, headings)
    }
}
