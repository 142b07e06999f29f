import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// The pair form of a name query (`PGTextQuery.query`) must match exactly the names the single-word form matches:
/// checked by the server on names and queries drawn from a small vocabulary full of shared prefixes, repeated
/// words and names too long for their pairs to be indexed.
final class PGTextQueryTests: XCTestCase {
    static let vocabulary = ["An", "Anh", "Ánh", "Ân", "Hà", "Ha", "Hải", "Hạnh", "Văn", "Vân", "Đức", "Duc", "Đúc", "Thị", "Nguyễn", "Nguyên"]

    func testThePairFormMatchesExactlyWhatTheSingleWordsMatch() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try PGSchema.migrate(db)
        var rng = SeededRandom(seed: 42)
        try db.copyIn("COPY insured(bhxh_code, full_name, name_folded) FROM STDIN") { put in
            for i in 0..<3_000 {
                let n = rng.chance(0.05) ? rng.int(9...11) : rng.int(1...4)
                let name = (0..<n).map { _ in rng.pick(Self.vocabulary) }.joined(separator: " ")
                try put([String(format: "79%08d", i), name, Folding.fold(name)])
            }
        }
        var checked = 0
        for _ in 0..<300 {
            let words = (0..<rng.int(1...4)).map { _ in rng.pick(Self.vocabulary) }
            let folded = words.map { Folding.fold($0) }, written = words.map { $0.lowercased() }
            func slots(_ ws: [String]) -> [PGTextQuery.Slot] {
                ws.map { w in
                    switch rng.int(0...2) {
                    case 0: return .words([w])
                    case 1: return .prefix(String(w.prefix(rng.int(1...max(1, w.count)))))
                    default: return .words(PGTextQuery.unique([w] + (0..<rng.int(1...3)).map { _ in Folding.fold(rng.pick(Self.vocabulary)) }))
                    }
                }
            }
            for (ws, lexicon) in [(folded, PGTextQuery.Lexicon.folded), (written, .written)] {
                let s = slots(ws)
                guard let search = PGTextQuery.query(s, lexicon) else { continue }
                let singles = PGTextQuery.singles(s, lexicon)
                let row = try db.queryOne("""
                    SELECT count(*) FILTER (WHERE name_lexemes @@ $1::tsquery),
                           count(*) FILTER (WHERE (name_lexemes @@ $1::tsquery) <> (name_lexemes @@ $2::tsquery OR name_lexemes @@ $3::tsquery))
                    FROM insured
                    """, [.text(singles), .text(search.main), .text(search.longNames ?? "'never'")])
                XCTAssertEqual(row?.int(1), 0, "\(ws) \(s): \(search)")
                if (row?.int(0) ?? 0) > 0 { checked += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 200, "most queries should match something, or the check proves little")
    }

    func testTheLexemesOfANameAreItsWordsItsWrittenWordsAndTheirPairs() throws {
        let db = try PGConnection(try PGTestServer.freshDatabase())
        try PGSchema.migrate(db)
        let lexemes = try db.queryOne("SELECT vssdesk_name_lexemes('le thi ha', 'Lê Thị Hà')::text")?.string(0) ?? ""
        for l in ["'le'", "'thi'", "'ha'", "'=lê'", "'=thị'", "'=hà'", "'+le+thi'", "'+thi+le'", "'+ha+le'", "'+=lê+thị'", "'+=hà+lê'"] {
            XCTAssertTrue(lexemes.contains(l), "\(l) in \(lexemes)")
        }
        XCTAssertFalse(lexemes.contains("'+'"))
        let long = try db.queryOne("SELECT vssdesk_name_lexemes('a b c d e f g h i', 'A B C D E F G H I')::text")?.string(0) ?? ""
        XCTAssertTrue(long.contains("'+'") && long.contains("'+='") && !long.contains("'+a+b'"), long)
    }
}
