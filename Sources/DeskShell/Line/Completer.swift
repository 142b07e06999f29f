import DeskCore

/// Context-aware Tab completion, a pure function of the line, the cursor and the command table (SPEC §11).
public struct Completer {
    public struct Dynamic {
        public var kbIDs: () -> [String] = { [] }
        public var openTickets: () -> [String] = { [] }
        public init() {}
    }

    public enum Result: Equatable {
        case words([String])
        /// Let readline complete file names.
        case files
    }

    let commands: [CommandSpec]
    let dynamic: Dynamic

    public init(commands: [CommandSpec], dynamic: Dynamic = Dynamic()) {
        self.commands = commands
        self.dynamic = dynamic
    }

    public func complete(line: String, cursor: Int) -> Result {
        let prefixText = String(line.prefix(cursor))
        let (words, inWord) = (try? LineTokenizer.splitKeepingState(prefixText, lenient: true)) ?? ([], false)
        let current = inWord ? (words.last ?? "") : ""
        let before = inWord ? Array(words.dropLast()) : words

        // Command words: the first, or the sub-command after a group word (ticket, operator, kb …).
        let firstWords = Array(Set(commands.map { String($0.name.split(separator: " ")[0]) })).sorted()
        if before.isEmpty { return .words(firstWords.filter { $0.hasPrefix(current) }) }
        let groupSubs = commands.filter { $0.name.hasPrefix(before[0] + " ") }.map { String($0.name.split(separator: " ")[1]) }
        if before.count == 1, !groupSubs.isEmpty, commands.first(where: { $0.name == before[0] }) == nil {
            return .words(groupSubs.filter { $0.hasPrefix(current) }.sorted())
        }
        let spec: CommandSpec
        let argWords: [String]
        if before.count >= 2, let s = commands.first(where: { $0.name == before[0] + " " + before[1] }) {
            spec = s
            argWords = Array(before.dropFirst(2))
        } else if let s = commands.first(where: { $0.name == before[0] }) {
            spec = s
            argWords = Array(before.dropFirst())
        } else {
            return .words([])
        }

        // A value after a flag that takes one.
        if let last = argWords.last, let flag = spec.allFlags.first(where: { $0.name == last }), flag.takesValue {
            return values(flag.completion, current)
        }
        // `--flag=value` and filter terms like `rule=`.
        if current.hasPrefix("--"), let eq = current.firstIndex(of: "=") {
            let name = String(current[..<eq])
            if let flag = spec.allFlags.first(where: { $0.name == name }) {
                let valuePrefix = String(current[current.index(after: eq)...])
                if case .words(let ws) = values(flag.completion, valuePrefix) { return .words(ws.map { name + "=" + $0 }) }
            }
            return .words([])
        }
        if let eq = current.firstIndex(of: "="), !current.hasPrefix("-") {
            let key = String(current[..<eq])
            let valuePrefix = String(current[current.index(after: eq)...])
            let kind: CompletionKind? = ["rule": .ruleCode, "status": .status, "sms": .choices(["none", "queued", "sent", "failed"]),
                                         "kind": .choices(["self", "child"]), "agency": .agency][key]
            if let kind, case .words(let ws) = values(kind, valuePrefix) { return .words(ws.map { key + "=" + $0 }) }
        }
        if current.hasPrefix("-") {
            let used = Set(argWords)
            return .words(spec.allFlags.map(\.name).filter { $0.hasPrefix(current) && !used.contains($0) })
        }
        return values(spec.positional, current)
    }

    func values(_ kind: CompletionKind, _ prefix: String) -> Result {
        let all: [String]
        switch kind {
        case .none: all = []
        case .file: return .files
        case .ruleCode: all = CommandTable.ruleCodes
        case .kbID: all = dynamic.kbIDs()
        case .status: all = CommandTable.registrationStatuses
        case .ticketStatus: all = CommandTable.ticketStatuses
        case .line: all = HotlineLine.range.map(String.init)
        case .openTicket: all = dynamic.openTickets()
        case .category: all = ["install", "register", "photos", "agency", "declaration", "login", "password", "child", "account", "scam", "other"]
        case .priority: all = ["low", "normal", "high", "urgent"]
        case .format: all = OutputFormat.allCases.map(\.rawValue)
        case .role: all = ["operator", "supervisor", "admin"]
        case .agency: all = ["07916", "079"]
        case .registrationField: all = []
        case .choices(let c): all = c.isEmpty ? commands.map(\.name) : c
        }
        let lower = prefix.lowercased()
        return .words(all.filter { $0.lowercased().hasPrefix(lower) })
    }
}
