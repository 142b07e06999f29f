import Testing
@testable import DeskCore

/// The shipped folding tables are exactly what canonical decomposition derives, code point by code point.
@Suite struct FoldingTablesTests {
    @Test func latinBlocksMatchTheirDerivation() {
        #expect(Folding.latinTable.count == 0x250)
        for v in 0..<0x250 {
            #expect(Folding.latinTable[v] == Folding.foldScalar(UInt32(v)), "U+\(String(v, radix: 16))")
        }
    }

    @Test func latinExtendedAdditionalMatchesItsDerivation() {
        #expect(Folding.extendedAdditional.count == 0x100)
        for v in 0x1E00...0x1EFF {
            #expect(Folding.extendedAdditional[v - 0x1E00] == Folding.foldScalar(UInt32(v)), "U+\(String(v, radix: 16))")
        }
    }
}
