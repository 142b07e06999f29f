import Desk
import DeskCore
import DeskEngines

/// What goes into the history file (SPEC §11): never a password or verification values, and no phone or ID number
/// in clear. `~/.vssdesk_history` outlives the call and is read by anyone who sits at the account, so a line is
/// kept for what the operator did, not for whom.
public enum HistoryFilter {
    /// Shown in place of a value that is left out.
    static let omitted = "…"
    /// Keys whose values identify or authenticate a caller (`--verify dob=…,id=…`, or such pairs typed bare).
    static let secretKeys: Set<String> = ["dob", "id", "cccd", "cmnd", "password", "pass", "pwd", "mat_khau", "matkhau"]
    /// Flags whose value is a secret in any command, besides the spellings of `--verify`.
    static let secretFlags: Set<String> = ["password", "passwd", "pwd", "mat-khau", "mat_khau"]

    public static func sanitize(_ line: String) -> String {
        // An unterminated quote must not let the rest of the line through unfiltered.
        guard let words = try? LineTokenizer.splitKeepingState(line, lenient: true).words else { return "" }
        var out: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if let flag = secretFlag(w) {
                if let eq = w.firstIndex(of: "=") {
                    out.append(LineTokenizer.quote(String(w[..<eq])) + "=" + omitted)
                } else {
                    out.append(LineTokenizer.quote(flag))
                    if i + 1 < words.count, !words[i + 1].hasPrefix("-") {
                        out.append(omitted)
                        i += 1
                    }
                }
                i += 1
                continue
            }
            if holdsSecretPairs(w) {
                out.append(omitted)
                i += 1
                continue
            }
            // `call 0901 234 567`, `079 090 001 234`: a number read out in groups is masked as one.
            var j = i
            while j < words.count, isNumberGroup(words[j]) { j += 1 }
            if j - i >= 2, let masked = maskedNumber(words[i..<j].joined()) {
                out.append(masked)
                i = j
                continue
            }
            out.append(LineTokenizer.quote(maskNumbers(in: withoutServerPassword(w))))
            i += 1
        }
        return out.joined(separator: " ")
    }

    /// A PostgreSQL URI in the word (`migrate --to postgresql://hoa:…@db/…`, `--to=…`) with its password shown as
    /// the console shows every location, `***` (one masking, `PostgresDisplay`).
    static func withoutServerPassword(_ word: String) -> String {
        guard let start = word.range(of: "postgres")?.lowerBound else { return word }
        let uri = String(word[start...])
        guard OpenStorage.isPostgres(uri) else { return word }
        return String(word[..<start]) + PostgresDisplay.uri(uri)
    }

    /// The flag as typed when `word` is `--verify` in any spelling close to it (`--verfy`, `-verify`,
    /// `--verify=…`: edit distance ≤ 2 on the name) or a password flag; nil otherwise.
    static func secretFlag(_ word: String) -> String? {
        guard word.hasPrefix("-") else { return nil }
        let flag = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? word
        let name = flag.drop(while: { $0 == "-" }).lowercased()
        guard !name.isEmpty else { return nil }
        return Suggest.distance(name, "verify") <= 2 || secretFlags.contains(name) ? flag : nil
    }

    /// Whether `word` holds `key=value` pairs with a key that identifies a caller (`dob=1990-01-01,id=079…`).
    static func holdsSecretPairs(_ word: String) -> Bool {
        word.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "&" || $0 == " " }).contains { pair in
            guard let eq = pair.firstIndex(of: "=") else { return false }
            return secretKeys.contains(pair[..<eq].trimmingCharacters(in: .whitespaces).lowercased())
        }
    }

    static func isNumberGroup(_ word: String) -> Bool {
        !word.isEmpty && word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "+.-()".unicodeScalars.contains($0) }
            && word.unicodeScalars.contains { ("0"..."9").contains($0) }
    }

    /// A phone as `0912***678`, a 9- or 12-digit CMND/CCCD as `079******166`; nil for any other number (a mã số
    /// BHXH, a ticket id, a count), which stays as typed.
    static func maskedNumber(_ text: String) -> String? {
        let digits = String(text.unicodeScalars.filter { !".-()".unicodeScalars.contains($0) })
        // Only what is written as a phone (a trunk 0 or a country code): a mã số BHXH opening with 2 would read as a
        // landline once Phone restores a dropped 0, and it is not masked (SPEC §10).
        let phone = Phone(digits)
        if digits.hasPrefix("0") || digits.hasPrefix("+") || digits.hasPrefix("84") && digits.utf8.count >= 11,
           phone.kind != .invalid {
            return Masking.phone(phone.normalized)
        }
        if digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.utf8.count == 9 || digits.utf8.count == 12 {
            return Masking.id(digits)
        }
        return nil
    }

    /// `word` with every phone or CMND/CCCD inside it masked: the whole word when it is one (`+84 912…`), else each
    /// run of digits that is one (`sdt:0912345678`).
    static func maskNumbers(in word: String) -> String {
        if isNumberGroup(word), let masked = maskedNumber(word) { return masked }
        var out = ""
        var run = ""
        func flushRun() {
            out += maskedNumber(run) ?? run
            run = ""
        }
        for ch in word {
            if ch.isASCII, ch.isNumber { run.append(ch) } else { flushRun(); out.append(ch) }
        }
        flushRun()
        return out
    }
}
