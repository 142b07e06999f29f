import Foundation
import CLineShim
import CReadline
import Desk
import DeskEngines
import DeskCore

/// arguments → open storage → run shell: the whole life of a vssdesk process, with one exit code.
public enum Launcher {
    public static let defaultDatabase = "vssdesk.sqlite"

    public static func run(_ options: LaunchOptions) -> Int32 {
        vss_install_signal_handlers()
        let env = Environment()
        let path = options.databasePath ?? env["VSSDESK_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDatabase
        // What reaches the terminal here quotes a path, a login or a server's own error text: escaped (SPEC §10).
        let stderr: (String) -> Void = { FileHandle.standardError.write(Data(TerminalSafe.escape($0, keepLineBreaks: true).utf8)) }
        // Resolved before anything is said: every message is in this language (the desk's own default, read once the
        // desk is open, applies when VSSDESK_LANG is not set).
        let catalog: Catalog
        let languageFromEnvironment = !(env["VSSDESK_LANG"] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        do {
            catalog = Catalog(try Language.resolve(env["VSSDESK_LANG"]))
        } catch let e as UnknownLanguage {
            stderr(Catalog.vi.text("shell.errorPrefix") + " "
                   + Catalog.vi.text("shell.unknownLanguage", ["value": .text(e.value), "choices": .text(Language.choices)]) + "\n")
            return ExitCode.usage
        } catch {
            return ExitCode.usage
        }
        let prefix = catalog.text("shell.errorPrefix")
        if options.help {
            FileHandle.standardOutput.write(Data(ProcessHelp.render(catalog).utf8))
            return ExitCode.success
        }
        if let option = options.missingValue {
            stderr("\(prefix) \(catalog.text("process.missingValue", ["option": .text(option)]))\n")
            return ExitCode.usage
        }

        var format: OutputFormat = .table
        if let f = options.format {
            guard let parsed = OutputFormat(rawValue: f) else {
                stderr("\(prefix) \(catalog.text("shell.formatChoices"))\n")
                return ExitCode.usage
            }
            format = parsed
        }
        guard ["stop", "continue"].contains(options.onError) else {
            stderr("\(prefix) \(catalog.text("launcher.onError"))\n")
            return ExitCode.usage
        }
        if options.actAs != nil && !ProcessIdentity.isRoot {
            stderr("\(prefix) \(catalog.text("launcher.asRootOnly"))\n")
            return ExitCode.notAllowed
        }
        var clock = Clock()
        if let now = env["VSSDESK_NOW"], !now.isEmpty {
            if ProcessIdentity.isRoot {
                guard let d = DateText.parseInstant(now) else {
                    stderr("\(prefix) \(catalog.text("launcher.badNow", ["now": .text(now)]))\n")
                    return ExitCode.usage
                }
                clock = Clock(fixed: d)
            } else {
                stderr(catalog.text("launcher.nowRootOnly") + "\n")
            }
        }
        let login = options.actAs ?? ProcessIdentity.loginName

        if options.words == ["manpage"] {
            FileHandle.standardOutput.write(Data(ManPage.render(CommandTable.all, catalog: catalog).utf8))
            return ExitCode.success
        }
        if options.words.first == "init" {
            return InitCommand.run(path: path, login: login, args: Array(options.words.dropFirst()), clock: clock, format: format,
                                   catalog: catalog)
        }

        let storage: any DeskStorage
        do {
            let busyMs = env["VSSDESK_BUSY_TIMEOUT_MS"].flatMap { Int32($0) } ?? 5000
            storage = try OpenStorage.open(path, busyTimeoutMs: busyMs)
        } catch {
            let (code, text) = ExitCode.opening(error, catalog: catalog)
            stderr("\(prefix) \(text)\n")
            return code
        }
        defer { storage.finish() }
        let actor: Operator
        do {
            // On a server the database knows who connected (its role is the operator's login, SPEC §15).
            let login = try storage.connectedLogin(actAs: options.actAs) ?? login
            guard let op = try OperatorService.activeOperator(login, in: storage) else {
                // Disabled or unknown: nothing at all, not even a read.
                stderr("\(prefix) \(catalog.text("launcher.notOperator", ["login": .text(login), "path": .text(storage.location)]))\n")
                return ExitCode.notAllowed
            }
            actor = op
        } catch {
            let (code, text) = ExitCode.opening(error, catalog: catalog)
            stderr("\(prefix) \(text)\n")
            return code
        }

        let session = Session(storage: storage, actor: actor, clock: clock)
        // Without VSSDESK_LANG, the desk's own default (`config set language`); a bad stored value is said, and the
        // console stays in Vietnamese so that an admin can still fix it.
        var language = catalog
        if !languageFromEnvironment {
            do {
                language = Catalog(try Language.resolve(session.settings.value(.language)))
            } catch {
                stderr(catalog.text("launcher.warning") + " " + ExitCode.of(error, catalog: catalog).message + "\n")
            }
        }
        // SIGTERM and SIGHUP stop a long command at its next safe point, exactly like Ctrl-C (SPEC §13).
        session.isCancelled = { vss_peek_interrupt() != 0 || vss_was_terminated() != 0 }
        let shell = Shell(session: session, format: format, color: false)
        shell.catalog = language
        shell.languageFromEnvironment = languageFromEnvironment
        let interactiveTTY = isatty(0) == 1 && isatty(1) == 1
        shell.color = isatty(1) == 1 && env["NO_COLOR"] == nil && !options.noColor
        CallResume.restore(shell)
        // One sqlite_master query: a desk whose audit triggers were dropped or changed says so at every start.
        if let problems = try? AuditVerifier(session: session).triggerProblems(), !(problems.missing.isEmpty && problems.altered.isEmpty) {
            stderr(language.text("launcher.auditUnprotected", ["missing": .text(problems.missing.joined(separator: ", ")),
                                                              "altered": .text(problems.altered.joined(separator: ", "))]) + "\n")
        }

        if !interactiveTTY || !options.commands.isEmpty || options.scriptFile != nil || !options.words.isEmpty {
            storage.useOneShotMode()
        }
        if !options.commands.isEmpty || options.scriptFile != nil {
            var sources: [ScriptSource] = options.commands.map { .inline($0) }
            if let f = options.scriptFile { sources.append(.file(f)) }
            return ScriptRunner(shell: shell, stopOnError: options.onError == "stop").run(sources)
        }
        if !options.words.isEmpty {
            let code = shell.run(words: options.words)
            return code
        }
        if !interactiveTTY {
            return ScriptRunner(shell: shell, stopOnError: options.onError == "stop").run([.stdin])
        }
        // The prompt keeps the KB index fresh at start; scripts refresh it only when they use it (`kb …`, `init`).
        KnowledgeBaseLoader.refreshIfNeeded(shell)
        // Only readline and the pager read the C locale; loading it costs a one-shot command a millisecond.
        LocaleFix.ensureUTF8()
        return REPL(shell: shell).run()
    }
}

/// Reads environment variables with getenv(3): ProcessInfo builds the whole environment dictionary, which costs
/// milliseconds at every start-up of a command that runs in 20.
struct Environment {
    subscript(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }
}

/// Readline treats UTF-8 lead bytes as Meta when the locale is not UTF-8 ("Đức" would arrive as "c"), so with no
/// usable locale we fall back to C.UTF-8 for LC_CTYPE.
enum LocaleFix {
    static func ensureUTF8() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }
}
