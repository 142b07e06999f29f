import Foundation
import Desk
import DeskCore

/// Runs command lines — typed at the prompt, given with `-c`, read from `-f` or piped — through one code path
/// (psql's discipline): tokenize, find the command in the table, parse flags, run, render, map errors to exit codes.
public final class Shell {
    public let session: Session
    public var format: OutputFormat
    public var color: Bool
    /// The language of everything the console says (`Launcher`: `VSSDESK_LANG`, else the desk's `language`
    /// setting); the services' own texts for files follow it.
    public var catalog: Catalog = .vi {
        didSet { speak() }
    }
    /// Whether `VSSDESK_LANG` chose the language, so that `config set language` changes only the desk's default.
    public var languageFromEnvironment = false
    public var timing = false
    public var interactive = false
    public var terminalWidth: () -> Int = { 80 }
    public var terminalHeight: () -> Int = { 24 }
    public var usePager = false
    public var writeOut: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
    public var writeErr: (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    /// Asks the person at the console a question and reads the answer (the line layer's one way to do it).
    public var ask: (String) -> LineAnswer = LineReader.ask
    /// Where results go after `\o FILE` (psql's habit), until a bare `\o`; messages and errors stay on the terminal.
    public var resultFile: (path: String, handle: FileHandle)?
    /// The format `\x` switched away from, to switch back to.
    var formatBeforeVertical: OutputFormat?
    public lazy var commands: [CommandSpec] = CommandTable.all
    public var wantsExit = false
    /// Whether this process has already compared the KB index with `kb/` (done once, lazily).
    var knowledgeBaseChecked = false

    public init(session: Session, format: OutputFormat = .table, color: Bool = false) {
        self.session = session
        self.format = format
        self.color = color
        speak()
    }

    private func speak() {
        let catalog = self.catalog
        session.say = { catalog.say($0) }
    }

    /// Runs one line and returns its exit code (0 on success).
    @discardableResult
    public func execute(_ line: String) -> Int32 {
        let trimmed = line.trimmed
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return 0 }
        // SQLite takes text up to its first NUL: a value would be stored cut without a word (SPEC §13).
        if trimmed.utf8.contains(0) { return report(ShellError.usage(catalog.text("shell.nulByte")), format: format) }
        do {
            let words = try LineTokenizer.split(trimmed)
            return run(words: words)
        } catch LineTokenizer.TokenizeError.unterminatedQuote(let q) {
            return report(ShellError.usage(catalog.text("shell.unterminatedQuote", ["quote": .text(String(q))])), format: format)
        } catch {
            return report(ShellError.usage("\(error)"), format: format)
        }
    }

    /// Runs an already split command (the `vssdesk COMMAND ARGS…` form).
    @discardableResult
    public func run(words: [String]) -> Int32 {
        guard !words.isEmpty else { return 0 }
        let started = DispatchTime.now()
        var fmt = format
        // Known before parsing, so that even a badly typed command gets its JSON error document.
        if let i = words.firstIndex(of: "--format"), i + 1 < words.count, let f = OutputFormat(rawValue: words[i + 1]) { fmt = f }
        do {
            let (spec, rest) = try lookup(words)
            // `search --help`, as other tools take it: the command's own help, in the catalog's language.
            if rest.contains("--help") {
                let help = try HelpText.render(topic: spec.name, commands: [spec], catalog: catalog)
                _ = emit(help, format: fmt)
                return 0
            }
            var inv = try Invocation.parse(words: rest, spec: spec, catalog: catalog)
            if let f = inv.options.removeValue(forKey: "--format") {
                guard let parsed = OutputFormat(rawValue: f) else {
                    throw ShellError.usage(catalog.text("shell.formatChoices"))
                }
                fmt = parsed
            }
            let output = try spec.run(inv, self)
            // The time the operator spends reading in the pager is not the command's.
            let paged = emit(output, format: fmt)
            if timing {
                let ns = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds - paged
                writeErr(catalog.text("shell.timing", ["ms": .decimal(Double(ns) / 1e6, places: 3)]) + "\n")
            }
            return output.exitCode
        } catch {
            return report(error, format: fmt)
        }
    }

    func lookup(_ words: [String]) throws -> (CommandSpec, [String]) {
        if words.count >= 2, let spec = commands.first(where: { $0.name == words[0] + " " + words[1] }) {
            return (spec, Array(words.dropFirst(2)))
        }
        if let spec = commands.first(where: { $0.name == words[0] }) { return (spec, Array(words.dropFirst())) }
        let groupNames = Set(commands.compactMap { $0.name.split(separator: " ").count == 2 ? String($0.name.split(separator: " ")[0]) : nil })
        if groupNames.contains(words[0]) {
            let subs = commands.filter { $0.name.hasPrefix(words[0] + " ") }.map { String($0.name.dropFirst(words[0].count + 1)) }
            if words.count >= 2, let near = Suggest.nearest(words[1], in: subs) {
                throw ShellError.usage(catalog.text("shell.unknownSubcommand", ["group": .text(words[0]), "word": .text(words[1]), "near": .text(near)]))
            }
            throw ShellError.usage(catalog.text("shell.needsSubcommand", ["group": .text(words[0]), "list": .text(subs.joined(separator: ", "))]))
        }
        let names = Array(Set(commands.map { String($0.name.split(separator: " ")[0]) })).sorted()
        let hint = Suggest.nearest(words[0], in: names).map { catalog.text("shell.didYouMean", ["name": .text($0)]) } ?? ""
        throw ShellError.usage(catalog.text("shell.unknownCommand", ["word": .text(words[0]), "hint": .text(hint)]))
    }

    /// Writes the output and returns the nanoseconds spent in the pager.
    @discardableResult
    func emit(_ output: CommandOutput, format fmt: OutputFormat) -> UInt64 {
        for n in output.notices { writeErr(TerminalSafe.escape(n, keepLineBreaks: true) + "\n") }
        let renderer = Renderer(format: fmt, color: color && resultFile == nil, terminalWidth: terminalWidth(), catalog: catalog)
        var text = renderer.render(fmt == .csv ? output.forCSV : output)
        // CSV and JSON are for files and programs; printed on a terminal, CSV's raw cells must not drive it either.
        if fmt == .csv, resultFile == nil, isatty(1) == 1 { text = TerminalSafe.escape(text, keepLineBreaks: true) }
        if resultFile == nil, usePager, fmt != .json, fmt != .csv, Pager.shouldPage(text, height: terminalHeight()) {
            let start = DispatchTime.now().uptimeNanoseconds
            Pager.show(text)
            return DispatchTime.now().uptimeNanoseconds - start
        }
        writeResult(text)
        return 0
    }

    /// Results (and JSON error documents): stdout, or the file `\o` named.
    func writeResult(_ text: String) {
        if let file = resultFile { file.handle.write(Data(text.utf8)) } else { writeOut(text) }
    }

    /// Prints the error on stderr and returns its exit code (SPEC §9: 1 failed, 2 usage, 3 not allowed, 4 busy).
    func report(_ raw: Error, format fmt: OutputFormat) -> Int32 {
        let (code, text) = ExitCode.of(raw, catalog: catalog)
        fail(text, exitCode: code, format: fmt)
        return code
    }

    /// A command that failed: the message on stderr and, in JSON, its error document on stdout, so that a script
    /// reading stdout gets exactly one document per command whatever happened (SPEC §10).
    /// Errors quote what was typed (`unknown command "…"`), so the text is escaped before it reaches the terminal.
    func fail(_ message: String, exitCode: Int32, format fmt: OutputFormat) {
        let prefix = catalog.text("shell.errorPrefix")
        writeErr((color ? "\u{1B}[31m\(prefix)\u{1B}[0m " : prefix + " ") + TerminalSafe.escape(message, keepLineBreaks: true) + "\n")
        if fmt == .json { writeResult(Self.errorDocument(message, exitCode: exitCode).serialized() + "\n") }
    }

    /// `{"error": {"message", "exit_code"}}`.
    static func errorDocument(_ message: String, exitCode: Int32) -> JSONValue {
        .object([("error", .object([("message", .string(message)), ("exit_code", .int(Int(exitCode)))]))])
    }

    /// The message and exit code of an error (see `ExitCode`).
    public static func classify(_ error: Error, catalog: Catalog = .vi) -> (Int32, String) { ExitCode.of(error, catalog: catalog) }

    /// Output format for a command, honouring the session's setting.
    var isJSON: Bool { format == .json }
}
