import DeskCore
import DeskShell

/// What the operator reads, in Vietnamese: the rule tests check the words of a finding as the shell writes them.
extension DeskMessage {
    var vietnamese: String { Catalog.vi.say(self) }
}

extension DeskMessage.Argument {
    var vietnamese: String { Catalog.vi.string(self) }
}
