import Foundation

/// Diacritic- and case-insensitive folding for Vietnamese search keys.
///
/// `đ`/`Đ` (U+0111/U+0110) have no canonical decomposition, so Unicode-based folding — including SQLite's
/// `unicode61 remove_diacritics` — leaves them alone; here they fold to `d` explicitly. The scalar table is derived
/// once from Foundation's canonical decomposition of the Latin blocks; folding itself is a table lookup per scalar,
/// so 1M names fold in well under a second.
public enum Folding {
    /// Returns the search key of `text`: lowercase ASCII letters and digits, other characters as single spaces,
    /// runs of spaces collapsed, trimmed. Accepts NFC or NFD input.
    public static func fold(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let mapped: UInt8
            if v < 0x80 {
                mapped = asciiMap[Int(v)]
            } else if v < UInt32(latinTable.count) {
                mapped = latinTable[Int(v)]
            } else if (0x1E00...0x1EFF).contains(v) {
                mapped = extendedAdditional[Int(v - 0x1E00)]
            } else if (0x0300...0x036F).contains(v) {
                continue  // combining marks of NFD input
            } else {
                mapped = scalar.properties.isAlphabetic ? 0x3F : 0x20  // '?' keeps unknown letters as a token
            }
            if mapped == 0 { continue }
            if mapped == 0x20 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(mapped)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` carries any Vietnamese diacritic (including `đ`).
    public static func hasDiacritics(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if scalar.properties.isAlphabetic || (0x0300...0x036F).contains(scalar.value) { return true }
        }
        return false
    }

    /// The words of a folded key.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    private static let asciiMap: [UInt8] = (0..<128).map { i -> UInt8 in
        switch UInt8(i) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt8(i) + 32
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt8(i)
        default: return 0x20
        }
    }

    /// U+0000–U+024F: Latin-1 Supplement, Latin Extended-A and -B.
    private static let latinTable: [UInt8] = (0..<0x250).map { foldScalar(UInt32($0)) }
    /// U+1E00–U+1EFF: Latin Extended Additional, where the precomposed Vietnamese vowels with tone marks live.
    private static let extendedAdditional: [UInt8] = (0x1E00...0x1EFF).map { foldScalar(UInt32($0)) }

    private static func foldScalar(_ value: UInt32) -> UInt8 {
        if value < 0x80 { return asciiMap[Int(value)] }
        if value == 0x0110 || value == 0x0111 { return UInt8(ascii: "d") }
        guard let scalar = Unicode.Scalar(value) else { return 0x20 }
        let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
        if base < 0x80, asciiMap[Int(base)] != 0x20 { return asciiMap[Int(base)] }
        return scalar.properties.isAlphabetic ? 0x3F : 0x20
    }
}
