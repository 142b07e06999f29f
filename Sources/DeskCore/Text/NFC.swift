import Foundation

public extension String {
    /// The text in Unicode Normalization Form C: how every name and address is stored and compared.
    var nfc: String { precomposedStringWithCanonicalMapping }

    /// NFC with surrounding white space trimmed and inner runs of white space collapsed to one space.
    var nfcCollapsed: String {
        nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
