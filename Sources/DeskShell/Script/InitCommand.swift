import Foundation
import Desk
import DeskEngines
import DeskCore

/// `vssdesk init [--demo N]`: creates the database, makes the calling user the first admin, loads the KB and,
/// with --demo, synthetic data.
enum InitCommand {
    static func run(path: String, login: String, args: [String], clock: Clock, format: OutputFormat,
                    catalog: Catalog = .vi) -> Int32 {
        // Messages quote the path and arguments as typed: escaped for the terminal (SPEC §10).
        let say: (String) -> Void = { FileHandle.standardError.write(Data(TerminalSafe.escape($0, keepLineBreaks: true).utf8)) }
        let err: (String) -> Void = { say(catalog.text("shell.errorPrefix") + " " + $0 + "\n") }
        var demoCount: Int?
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--demo":
                if i + 1 < args.count, let n = Int(args[i + 1]) { demoCount = n; i += 1 } else { demoCount = 200 }
            case "--format": i += 1
            default:
                err(catalog.text("init.unknownArgument", ["argument": .text(args[i])]))
                return ExitCode.usage
            }
            i += 1
        }
        do {
            let fileExisted = FileManager.default.fileExists(atPath: path)
            let storage = try OpenStorage.open(path, create: true)
            // A server desk exists once it has operators; the file of a SQLite desk, before `open` made it.
            let existed = OpenStorage.isPostgres(path) ? try storage.operators.count() > 0 : fileExisted
            // On a server the first admin is the role that connected (SPEC §15).
            let login = try storage.connectedLogin(actAs: nil) ?? login
            try OperatorService.bootstrap(storage: storage, login: login, displayName: ProcessIdentity.realName, at: clock.nowText)
            guard let actor = try OperatorService.lookUp(login, in: storage) else {
                err(catalog.text("init.notOperator", ["path": .text(storage.location), "login": .text(login)]))
                return ExitCode.notAllowed
            }
            // On an existing desk, init re-reads the KB and may load data: an active admin's act (SPEC §13).
            guard actor.active, actor.role == .admin else {
                err(catalog.text(actor.active ? "init.notAdmin" : "init.disabled",
                                 ["path": .text(storage.location), "login": .text(login), "role": .text(catalog.name(actor.role))]))
                return ExitCode.notAllowed
            }
            // The key is made now, as the desk's owner, not later by the first operator to resend (SPEC §13).
            if OpenStorage.isPostgres(path) {
                // A server desk's key lives with the installed binary (the admin copies it to every console machine).
                try? FileManager.default.createDirectory(atPath: (storage.installKeyPath as NSString).deletingLastPathComponent,
                                                         withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            }
            if path != ":memory:" { _ = try InstallKey.load(for: storage) }
            let session = Session(storage: storage, actor: actor, clock: clock)
            let shell = Shell(session: session, format: format)
            shell.catalog = catalog
            KnowledgeBaseLoader.refreshIfNeeded(shell)
            var demoLoaded = 0
            if let n = demoCount, try DemoService(session: session).deskIsEmpty() {
                demoLoaded = try DemoService(session: session).load(count: n).registrations
            }
            let message = catalog.text(existed ? "init.opened" : "init.created", ["path": .text(storage.location), "version": .int(OpenStorage.schemaVersion(for: path)),
                                                                               "login": .text(login), "role": .text(catalog.name(actor.role))])
                + (demoLoaded > 0 ? catalog.text("init.demo", ["n": .int(demoLoaded)]) : "")
            shell.emit(.message(message, json: .object([("database", .string(storage.location)), ("created", .bool(!existed)),
                                                        ("admin", .string(login)), ("demo", .int(demoLoaded))])), format: format)
            return ExitCode.success
        } catch {
            let (code, text) = ExitCode.of(error, catalog: catalog)
            err(text)
            return code
        }
    }
}
