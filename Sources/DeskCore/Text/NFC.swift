import Foundation

extension String {
    /// White space outside ASCII that people paste from documents (no-break, en/em and ideographic spaces).
    static let unusualSpaces: Set<UInt32> = [0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
                                             0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
}

extension String {
    /// False when no unusual space can be in the text, from its UTF-8 lead bytes alone: they all start with C2, E1 9A,
    /// E2 or E3, while Vietnamese letters are C3–C6 or E1 BA/BB. Saves a scalar-by-scalar search on most names.
    static func mayHoldUnusualSpace(_ s: String) -> Bool {
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b == 0xC2 || b == 0xE2 || b == 0xE3 || (previous == 0xE1 && b == 0x9A) {
                return s.unicodeScalars.contains { unusualSpaces.contains($0.value) }
            }
            previous = b
        }
        return false
    }
}

public extension String {
    /// The text in Unicode Normalization Form C: how every name and address is stored and compared.
    var nfc: String { NFCCheck.isSurelyNFC(self) ? self : precomposedStringWithCanonicalMapping }

    /// NFC with surrounding white space trimmed and inner runs of white space collapsed to one space.
    var nfcCollapsed: String {
        let n = nfc
        // Most fields have no stray white space: skip the split and join.
        var previousSpace = true
        var clean = true
        for b in n.utf8 {
            let space = b == 0x20
            if (space && previousSpace) || b == 0x09 || b == 0x0A || b == 0x0D { clean = false; break }
            previousSpace = space
        }
        if clean && !previousSpace && !Self.mayHoldUnusualSpace(n) { return n }
        return n.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// A quick check that lets the common case skip Foundation's normaliser (slow on Linux): text whose scalars are all
/// below U+0300 or precomposed Latin Extended Additional letters (where Vietnamese vowels with tones live) has
/// nothing to compose or decompose, so it is already NFC.
enum NFCCheck {
    static func isSurelyNFC(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x300 || (0x1E00...0x1EFF).contains(v) { continue }
            return false
        }
        return true
    }
}

public extension String {
    /// Trims white space; returns `self` untouched when the ends are not white space (the common case), so import
    /// avoids Foundation's `trimmingCharacters` on every field.
    var trimmed: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        func plain(_ s: Unicode.Scalar) -> Bool {
            s.value > 0x20 && (s.value < 0x80 || (!String.unusualSpaces.contains(s.value) && !s.properties.isWhitespace))
        }
        if plain(first) && plain(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
