import DeskCore

/// What the services and rules say (`DeskMessage`), written in this catalog's language: one place for every text
/// that comes from below the shell — refusals, import problems, findings, `check`'s problems, reasons.
extension Catalog {
    public func say(_ message: DeskMessage) -> String {
        var named: [String: TextArgument] = [:]
        for (name, value) in message.arguments { named[name] = argument(value) }
        return Self.fill(template(TextKey(message.key)), named, language: language)
    }

    /// One value of a message, the language's way: machine values by their names, dates `dd/MM/yyyy`, office minutes
    /// in `phút`, nested texts said in turn.
    public func argument(_ value: DeskMessage.Argument) -> TextArgument {
        switch value {
        case .text(let s): return .text(s)
        case .int(let n): return .int(n)
        case .value(let group, let raw): return .text(self.value(group, raw))
        case .values(let group, let raws): return .text(raws.isEmpty ? "—" : raws.map { self.value(group, $0) }.joined(separator: ", "))
        case .date(let d): return .text(DateText.displayDate(d))
        case .time(let t): return .text(DateText.deskDisplay(t))
        case .minutes(let n): return .text(minutes(n))
        case .message(let m): return .text(say(m))
        case .list(let messages, let joiner):
            let said = messages.map(say)
            switch joiner {
            case .comma: return .text(said.joined(separator: ", "))
            case .semicolon: return .text(said.joined(separator: "; "))
            case .lines: return .text(said.map { "\n  " + $0 }.joined())
            case .and:
                guard said.count > 1 else { return .text(said.first ?? "") }
                return .text(said.dropLast().joined(separator: ", ") + text("join.and") + said.last!)
            }
        }
    }

    /// One value on its own (a `check` detail), written as it would be inside a text.
    public func string(_ value: DeskMessage.Argument) -> String { Self.format(argument(value), language: language) }

    /// `960 phút` (vi), `960 minutes` (en): SLA and office times as a person reads them.
    public func minutes(_ n: Int) -> String { text("unit.minutes", ["n": .int(n)]) }
}
