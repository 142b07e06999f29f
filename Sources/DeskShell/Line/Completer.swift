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

    /// The commands the acting role may run: what it cannot use is not offered.
    let commands: [CommandSpec]
    let dynamic: Dynamic
    let role: Operator.Role

    public init(commands: [CommandSpec], dynamic: Dynamic = Dynamic(), role: Operator.Role) {
        self.commands = commands.filter { $0.role <= role }
        self.dynamic = dynamic
        self.role = role
    }

    /// The word being completed (quotes and escapes already taken out) and the words before it.
    static func split(_ line: String, cursor: Int) -> (current: String, before: [String]) {
        let (words, inWord) = (try? LineTokenizer.splitKeepingState(String(line.prefix(cursor)), lenient: true)) ?? ([], false)
        return inWord ? (words.last ?? "", Array(words.dropLast())) : ("", words)
    }

    /// What readline puts in place of `typed`, the end of the current word after readline's last word break (a
    /// space or `=`): the candidates with the part before `typed` taken off, matched whatever the case
    /// (`--rule phone` → `PHONE_INVALID`). A candidate equal to what is already there is no completion.
    public func replacements(line: String, cursor: Int, typed: String) -> Result {
        guard case .words(let candidates) = complete(line: line, cursor: cursor) else { return .files }
        let current = Self.split(line, cursor: cursor).current
        let consumed = current.lowercased().hasSuffix(typed.lowercased()) ? String(current.dropLast(typed.count)).lowercased() : ""
        return .words(candidates.compactMap { w in
            guard w.lowercased().hasPrefix(consumed) else { return nil }
            let rest = String(w.dropFirst(consumed.count))
            guard !rest.isEmpty, rest.lowercased().hasPrefix(typed.lowercased()) else { return nil }
            return rest
        })
    }

    public func complete(line: String, cursor: Int) -> Result {
        let (current, before) = Self.split(line, cursor: cursor)

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

        let flags = spec.allFlags.filter { $0.role <= role }
        // A value after a flag that takes one.
        // (A free-form value such as `--where`'s filter still completes its `key=value` terms below.)
        if let last = argWords.last, let flag = flags.first(where: { $0.name == last }), flag.takesValue {
            if case .none = flag.completion, current.contains("=") {} else { return values(flag.completion, current) }
        }
        // `--flag=value` and filter terms like `rule=`.
        if current.hasPrefix("--"), let eq = current.firstIndex(of: "=") {
            let name = String(current[..<eq])
            if let flag = flags.first(where: { $0.name == name }) {
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
            return .words(flags.map(\.name).filter { $0.hasPrefix(current) && !used.contains($0) })
        }
        // The positional slot is filled once a word stands there: Tab after `ticket show 2 ` offers no second id.
        // (File names may follow a word, as in `import registrations FILE`.)
        if case .file = spec.positional {} else if positionalWords(argWords, spec: spec) > 0 { return .words([]) }
        return values(spec.positional, current)
    }

    /// How many positional words are among `argWords` (flag values are not).
    func positionalWords(_ argWords: [String], spec: CommandSpec) -> Int {
        var count = 0
        var i = 0
        while i < argWords.count {
            let w = argWords[i]
            if w.hasPrefix("--") {
                if !w.contains("="), spec.allFlags.first(where: { $0.name == w })?.takesValue == true { i += 1 }
            } else {
                count += 1
            }
            i += 1
        }
        return count
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
