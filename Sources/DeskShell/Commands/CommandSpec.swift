import Desk
import DeskCore

/// How the words after a flag or in a positional slot complete.
public enum CompletionKind: Sendable {
    case none, file, ruleCode, kbID, status, ticketStatus, line, openTicket, category, priority, format, role
    case agency, registrationField, choices([String])
}

public struct FlagSpec: Sendable {
    public let name: String
    public let value: String?
    /// The catalog key of the flag's one-line help.
    public let help: TextKey
    public let completion: CompletionKind
    /// The least role that may use the flag (`diagnose --stuck` is a supervisor's); Tab offers it to no one else.
    public let role: Operator.Role

    public init(_ name: String, value: String? = nil, _ help: TextKey, completion: CompletionKind = .none,
                role: Operator.Role = .operatorRole) {
        self.name = name
        self.value = value
        self.help = help
        self.completion = completion
        self.role = role
    }

    public var takesValue: Bool { value != nil }
}

/// The group `help` lists a command under (by the job it does). The raw value is the group's id in `help`'s JSON;
/// people read `title`.
public enum CommandGroup: String, CaseIterable, Sendable {
    case calls = "Calls"
    case registrations = "Registrations"
    case tickets = "Tickets"
    case knowledge = "Knowledge base"
    case supervisors = "Supervisors"
    case bulk = "Bulk fixes"
    case settings = "Settings and session"

    public var title: TextKey { TextKey("group.\(self)") }
}

/// One row of the command table: the single source for dispatch, `help`, Tab completion and the man page.
public struct CommandSpec {
    public let name: String
    public let group: CommandGroup
    /// The least role that may run the command; Tab completion offers it to no one else. The services still check.
    public let role: Operator.Role
    public let synopsis: String
    /// The catalog key of the one-line summary.
    public let summary: TextKey
    public let flags: [FlagSpec]
    public let positional: CompletionKind
    public let example: String
    public let run: (Invocation, Shell) throws -> CommandOutput

    public init(_ name: String, group: CommandGroup, role: Operator.Role = .operatorRole, synopsis: String, summary: TextKey,
                flags: [FlagSpec] = [], positional: CompletionKind = .none, example: String,
                run: @escaping (Invocation, Shell) throws -> CommandOutput) {
        self.name = name
        self.group = group
        self.role = role
        self.synopsis = synopsis
        self.summary = summary
        self.flags = flags
        self.positional = positional
        self.example = example
        self.run = run
    }

    /// Flags every command accepts.
    public static let universalFlags = [FlagSpec("--format", value: "FMT", "flag.format", completion: .format)]

    public var allFlags: [FlagSpec] { flags + Self.universalFlags }
}

/// A parsed command line: positional words and flag values.
public struct Invocation {
    public let command: String
    public var positional: [String]
    public var options: [String: String]
    public var switches: Set<String>
    /// The command's synopsis from the command table, so a usage error always says what `help` says.
    public var synopsis = ""

    /// The usage error of this command, from its declared synopsis (never a hand-written copy that drifts).
    public func usage() -> Error { ShellError.usage(catalog.text("shell.usage", ["synopsis": .text(synopsis.isEmpty ? command : synopsis)])) }
    /// The language errors about this line are written in.
    public var catalog: Catalog = .vi

    public func value(_ flag: String) -> String? { options[flag] }
    public func has(_ flag: String) -> Bool { switches.contains(flag) || options[flag] != nil }

    public func int(_ flag: String, default d: Int) throws -> Int {
        guard let s = options[flag] else { return d }
        guard let n = Int(s) else { throw ShellError.usage(catalog.text("flag.needsNumber", ["flag": .text(flag), "got": .text(s)])) }
        return n
    }

    /// All positional words joined with spaces (a name typed without quotes).
    public var rest: String { positional.joined(separator: " ") }

    public static func parse(words: [String], spec: CommandSpec, catalog: Catalog = .vi) throws -> Invocation {
        var inv = Invocation(command: spec.name, positional: [], options: [:], switches: [], synopsis: spec.synopsis, catalog: catalog)
        var i = 0
        var onlyPositional = false
        while i < words.count {
            let w = words[i]
            if onlyPositional || !w.hasPrefix("--") || w == "--" {
                if w == "--" && !onlyPositional { onlyPositional = true } else { inv.positional.append(w) }
                i += 1
                continue
            }
            var name = w
            var inline: String?
            if let eq = w.firstIndex(of: "=") {
                name = String(w[..<eq])
                inline = String(w[w.index(after: eq)...])
            }
            guard let flag = spec.allFlags.first(where: { $0.name == name }) else {
                let known = spec.allFlags.map(\.name)
                let hint = Suggest.nearest(name, in: known).map { catalog.text("shell.didYouMean", ["name": .text($0)]) } ?? ""
                throw ShellError.usage(catalog.text("flag.unknown", ["command": .text(spec.name), "flag": .text(name), "hint": .text(hint)]))
            }
            if flag.takesValue {
                if let inline { inv.options[name] = inline } else {
                    guard i + 1 < words.count else { throw ShellError.usage(catalog.text("flag.needsValue", ["command": .text(spec.name), "flag": .text(name), "value": .text(flag.value!)])) }
                    inv.options[name] = words[i + 1]
                    i += 1
                }
            } else {
                if inline != nil { throw ShellError.usage(catalog.text("flag.takesNoValue", ["command": .text(spec.name), "flag": .text(name)])) }
                inv.switches.insert(name)
            }
            i += 1
        }
        return inv
    }
}

/// "Did you mean …": the closest candidate by edit distance, when it is close enough to be a typo.
public enum Suggest {
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }.sorted { $0.1 < $1.1 }
        guard let best = scored.first else { return nil }
        if candidates.contains(where: { $0.hasPrefix(word) && word.count >= 2 }) {
            return candidates.first { $0.hasPrefix(word) }
        }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
