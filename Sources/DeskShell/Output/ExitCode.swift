import Desk
import DeskCore

/// The exit codes of SPEC §9, part of the interface: 0 success, 1 a failed command, 2 usage, 3 not allowed,
/// 4 the database unavailable. Every error reaches its code and its message here and nowhere else.
enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let notAllowed: Int32 = 3
    static let unavailable: Int32 = 4

    /// The one message and exit code for an error of any layer (storage errors are mapped by `DeskError.from`);
    /// typed problems are said in the catalog's language.
    static func of(_ raw: Error, catalog: Catalog = .vi) -> (code: Int32, message: String) {
        switch DeskError.from(raw) {
        case let f as FileProblem:
            return (f.isDeskUnavailable ? unavailable : failure, text(f, catalog))
        case let e as DeskError:
            let text: String
            if case .rejectedInput(let summary, let problems) = e {
                text = ([summary] + problems).map(catalog.say).joined(separator: "\n")
            } else {
                text = catalog.say(e.message)
            }
            switch e {
            case .usage: return (usage, text)
            case .notAllowed: return (notAllowed, text)
            case .unavailable: return (unavailable, text)
            default: return (failure, text)
            }
        case let e as ShellError:
            return (e.kind == .usage ? usage : failure, e.message)
        case let e as Setting.Invalid:
            return (failure, catalog.text("setting.invalid", ["key": .text(e.key), "problem": .text(catalog.say(e.problem))]))
        case let e as UnknownLanguage:
            return (usage, catalog.text("shell.unknownLanguage", ["value": .text(e.value), "choices": .text(Language.choices)]))
        case let e as StorageError:
            if case .busy = e { return (unavailable, catalog.text("storage.busy")) }
            // A rule of the schema or an engine failure no service foresaw: the engine's own words, after ours.
            return (failure, catalog.text("storage.failed", ["reason": .text(e.description)]))
        case let e: return (failure, catalog.text("shell.failed", ["reason": .text("\(e)")]))
        }
    }

    static func text(_ f: FileProblem, _ c: Catalog) -> String {
        switch f {
        case .cannotRead(let p): return c.text("file.cannotRead", ["path": .text(p)])
        case .cannotWrite(let p, let reason): return c.text("file.cannotWrite", ["path": .text(p), "reason": .text(reason)])
        case .deskFile(let p): return c.text("file.deskFile", ["path": .text(p)])
        case .missingDatabase(let p): return c.text("file.missingDatabase", ["path": .text(p)])
        case .cannotOpenDatabase(let p, let reason): return c.text("file.cannotOpenDatabase", ["path": .text(p), "reason": .text(reason)])
        case .uriDatabase(let p): return c.text("file.uriDatabase", ["path": .text(p)])
        case .worldAccessible(let p, let mode):
            return c.text("file.worldAccessible", ["path": .text(p), "mode": .text(String(mode, radix: 8))])
        case .companionMissing(let p): return c.text("file.companionMissing", ["path": .text(p)])
        }
    }

    /// A desk that cannot be opened, or whose operators cannot be read, is unavailable whatever the reason.
    static func opening(_ error: Error, catalog: Catalog = .vi) -> (code: Int32, message: String) {
        let (code, message) = of(error, catalog: catalog)
        return (code == failure ? unavailable : code, message)
    }
}
