import Foundation
import XCTest
import Desk
import DeskCore
import DeskEngines

/// One test body, run against a new SQLite desk and a new PostgreSQL database, both opened the way the console opens
/// them (`OpenStorage`), so an expectation written once holds for both engines. Without a test server the
/// PostgreSQL run is skipped after the SQLite one has run.
enum BothEngines {
    static let at = "2025-03-12T02:00:00Z"

    /// A new, empty desk of each engine.
    static func fresh() throws -> [(engine: String, storage: any DeskStorage)] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vssdesk-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let sqlite = try OpenStorage.open(dir.appendingPathComponent("t.sqlite").path, create: true)
        var out: [(String, any DeskStorage)] = [("sqlite", sqlite)]
        if PGTestServer.uri != nil {
            out.append(("postgres", try OpenStorage.open(try PGTestServer.freshDatabase(), create: true)))
        }
        return out
    }

    /// Runs `body` on each engine and returns what each gave, in the same order ("sqlite", then "postgres").
    @discardableResult
    static func each<T>(_ body: (String, any DeskStorage) throws -> T) throws -> [T] {
        let engines = try fresh()
        let results = try engines.map { try body($0.engine, $0.storage) }
        if engines.count < 2 { throw XCTSkip("no PostgreSQL test server: only SQLite ran") }
        return results
    }

    /// Runs `body` on both and fails unless both gave equal results.
    static func same<T: Equatable>(_ what: String, file: StaticString = #filePath, line: UInt = #line,
                                   _ body: (String, any DeskStorage) throws -> T) throws {
        let results = try each(body)
        XCTAssertEqual(results[0], results[1], "\(what): SQLite and PostgreSQL differ", file: file, line: line)
    }

    /// A registration with the usual fields.
    static func registration(_ code: String, _ name: String, status: Registration.Status = .submitted,
                             phone: String? = nil, kind: Registration.Kind = .selfApplicant) -> Registration {
        var r = Registration(bhxhCode: code)
        r.fullName = name
        r.kind = kind
        r.status = status
        r.phone = phone
        r.agencyCode = "07916"
        r.submittedAt = "2025-03-01T08:00:00Z"
        return r
    }

    /// The name query the search service builds for `text`.
    static func nameQuery(_ text: String, cap: Int = 100) -> NameQuery {
        guard case let .name(words, exact) = QueryKind.detect(text) else { fatalError("not a name: \(text)") }
        return NameQuery(words: words, exactWords: exact, exactFirst: Folding.hasDiacritics(text), cap: cap)
    }

    /// Loads `rows` registrations through a bulk load in one transaction, as import does.
    @discardableResult
    static func bulkLoad(_ s: any DeskStorage, _ rows: [Registration], eventKind: String = "import") throws -> [Bool] {
        try s.transaction {
            let load = try s.beginBulkLoad(.registrations)
            let flags = try rows.map { try s.registrations.upsert($0, at: at, operator: "hoa", eventKind: eventKind, bulk: load) }
            try load.finish()
            return flags
        }
    }

    /// The first `count` people of the demo generator, loaded like `demo` loads them.
    static func loadDemo(_ s: any DeskStorage, count: Int) throws {
        var people = SyntheticPeople(seed: 20_251_125, now: DateText.parseInstant("2025-03-12T09:00:00+07:00")!)
        try s.transaction {
            let insured = try s.beginBulkLoad(.insured)
            let registrations = try s.beginBulkLoad(.registrations)
            var loaded = 0
            while loaded < count {
                let e = people.next()
                try s.insured.upsert(e.insured, bulk: insured)
                if let r = e.registration {
                    try s.registrations.upsert(r, at: at, operator: "hoa", eventKind: "demo", bulk: registrations)
                    loaded += 1
                }
            }
            try insured.finish()
            try registrations.finish()
        }
    }
}
