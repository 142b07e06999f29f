import Foundation

/// The answers that confirm a typed confirmation (a bulk fix on a TTY, SPEC §9): English `yes`, Vietnamese `có`,
/// and `co` for a keyboard without Vietnamese input. One list for every prompt and for the line-reading layer, so
/// they cannot disagree (each catalog's `confirm.question` names the ones its reader types).
public enum Confirmation {
    public static let words = ["yes", "có", "co"]

    /// Whether `answer` is one of `words`, whatever the case, the surrounding spaces and the Unicode form (a
    /// decomposed `có` counts).
    public static func accepts(_ answer: String) -> Bool {
        words.contains(answer.nfc.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}
