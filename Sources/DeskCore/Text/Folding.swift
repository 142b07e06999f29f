import Foundation

/// Diacritic- and case-insensitive folding for Vietnamese search keys.
///
/// `đ`/`Đ` (U+0111/U+0110) have no canonical decomposition, so Unicode-based folding — including SQLite's
/// `unicode61 remove_diacritics` — leaves them alone; here they fold to `d` explicitly, as do the look-alikes that
/// legacy keyboards and font conversions produce for them (`Ð`/`ð` U+00D0/U+00F0, `Ɖ`/`ɖ` U+0189/U+0256). The scalar
/// table is derived once from Foundation's canonical decomposition of the Latin blocks; folding itself is a table
/// lookup per scalar, so 1M names fold in well under a second.
public enum Folding {
    /// Returns the search key of `text`: lowercase ASCII letters and digits, other characters as single spaces,
    /// runs of spaces collapsed, trimmed. Accepts NFC or NFD input. Combining marks and invisible format
    /// characters (soft hyphen, zero-width space/joiners, BOM) are dropped without splitting the word; a letter
    /// with no Latin base (e.g. `ß`, CJK) becomes `?` so it still counts as a token.
    public static func fold(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let mapped = map(scalar)
            if mapped == skip { continue }
            if mapped == space {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(space); pendingSpace = false }
            out.append(mapped)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` carries any Vietnamese diacritic (including `đ`): a precomposed Latin letter that folds to a
    /// plain ASCII letter, or a combining mark (NFD input). Other scripts and letters like `ß` do not count.
    public static func hasDiacritics(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if isMark(scalar) { return true }
            let v = scalar.value
            let inTables = v < UInt32(latinTable.count) || (0x1E00...0x1EFF).contains(v)
            if inTables, case let m = map(scalar), m >= UInt8(ascii: "a"), m <= UInt8(ascii: "z") { return true }
        }
        return false
    }

    /// The words of a folded key.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    private static let skip: UInt8 = 0
    private static let space: UInt8 = 0x20
    private static let unknownLetter: UInt8 = 0x3F  // '?'

    @inline(__always)
    private static func map(_ scalar: Unicode.Scalar) -> UInt8 {
        let v = scalar.value
        if v < 0x80 { return asciiMap[Int(v)] }
        if v < UInt32(latinTable.count) { return latinTable[Int(v)] }
        if (0x1E00...0x1EFF).contains(v) { return extendedAdditional[Int(v - 0x1E00)] }
        if (0x0300...0x036F).contains(v) { return skip }  // combining marks of NFD input
        return classify(scalar)
    }

    /// Outside the tables: marks and format characters vanish, letters are unknown tokens, the rest separates.
    private static func classify(_ scalar: Unicode.Scalar) -> UInt8 {
        if dLike.contains(scalar.value) { return UInt8(ascii: "d") }
        if isMark(scalar) || scalar.properties.generalCategory == .format { return skip }
        return scalar.properties.isAlphabetic ? unknownLetter : space
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static let asciiMap: [UInt8] = (0..<128).map { i -> UInt8 in
        switch UInt8(i) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt8(i) + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt8(i)
        default: return space
        }
    }

    /// U+0000–U+024F and U+1E00–U+1EFF, from the shipped text (FoldingTables.swift).
    static let latinTable: [UInt8] = table(latinTableText)
    static let extendedAdditional: [UInt8] = table(extendedAdditionalText)

    private static func table(_ text: String) -> [UInt8] {
        text.utf8.map { $0 == UInt8(ascii: "_") ? skip : $0 }
    }

    /// `Đ đ` and their look-alikes `Ð ð` (eth) and `Ɖ ɖ` (African D).
    private static let dLike: Set<UInt32> = [0x0110, 0x0111, 0x00D0, 0x00F0, 0x0189, 0x0256]

    /// How a scalar folds, derived from its canonical decomposition: what the shipped tables were generated from,
    /// and what `FoldingTablesTests` checks them against.
    static func foldScalar(_ value: UInt32) -> UInt8 {
        if value < 0x80 { return asciiMap[Int(value)] }
        if dLike.contains(value) { return UInt8(ascii: "d") }
        guard let scalar = Unicode.Scalar(value) else { return space }
        if isMark(scalar) || scalar.properties.generalCategory == .format { return skip }
        let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
        if base < 0x80, asciiMap[Int(base)] != space { return asciiMap[Int(base)] }
        return scalar.properties.isAlphabetic ? unknownLetter : space
    }
}
