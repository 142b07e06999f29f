import Desk
import DeskCore
import DeskShell

/// What a person reads, in English: the tests that check the words of a refusal read them as the shell writes them.
extension DeskError {
    var english: String { Shell.classify(self, catalog: .en).1 }
}

extension DeskMessage {
    var english: String { Catalog.en.say(self) }
}
