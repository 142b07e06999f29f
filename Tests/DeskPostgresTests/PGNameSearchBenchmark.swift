import Foundation
import XCTest
@testable import DeskPostgres
import Desk
import DeskCore

/// The figures behind PGNameSearch's doc comment, on demand only: `VSSDESK_PG_BENCH=1000000` loads that many demo
/// registrations (and their insured) into a new database through `PGBulkLoad` — or reuses `VSSDESK_PG_BENCH_URI` if it
/// already holds them — and times the name searches `bench/` times on SQLite, drawn the same way (500 names of
/// registrations with a 12-digit ID, in a fixed pseudo-random order), as the search service runs them.
final class PGNameSearchBenchmark: XCTestCase {
    func testNameSearchLatency() throws {
        guard let n = ProcessInfo.processInfo.environment["VSSDESK_PG_BENCH"].flatMap(Int.init) else {
            throw XCTSkip("set VSSDESK_PG_BENCH=ROWS to measure")
        }
        let uri = try ProcessInfo.processInfo.environment["VSSDESK_PG_BENCH_URI"] ?? PGTestServer.freshDatabase()
        let s = try PostgresStorage(uri: uri, create: true)
        if try s.registrations.countAll() == 0 { try load(s, count: n) }
        // VSSDESK_PG_BENCH_ONLY=TEXT: one search, to read its statements in the server's log.
        if let only = ProcessInfo.processInfo.environment["VSSDESK_PG_BENCH_ONLY"] { return try search(s, only) }

        let sample = try s.db.query("""
            SELECT r.full_name FROM registrations r JOIN insured i USING (bhxh_code)
            WHERE r.kind = 'self' AND length(r.id_number) = 12 ORDER BY (r.id * 7919) % 1000003 LIMIT 500
            """).compactMap { $0.string(0) }
        let folded = sample.map { Folding.fold($0) }
        func words(_ text: String, _ k: Int) -> String { text.split(separator: " ").suffix(k).joined(separator: " ") }
        let cases: [(String, [String])] = [
            ("search_name_folded", folded),
            ("search_name_diacritics", sample),
            ("search_name_two_words", sample.map { words($0, 2) }),
            ("search_name_heard", folded.map(Self.asHeard)),
            ("search_name_slip", folded.map(Self.withSlip)),
            ("search_common_surname", Array(repeating: "nguyen", count: 100)),
        ]
        for (label, queries) in cases {
            var times: [Double] = []
            var slowest: (Double, String) = (0, "")
            for text in queries {
                let t0 = DispatchTime.now().uptimeNanoseconds
                try search(s, text)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                times.append(ms)
                if ms > slowest.0 { slowest = (ms, text) }
            }
            times.sort()
            print(String(format: "%@: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%@), n %d", label, times[times.count / 2],
                         times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)], slowest.0, slowest.1, times.count))
        }
        let t0 = Date()
        let stuck = try s.registrations.stuckCounts(StuckCriteria(deskAgency: "07916", today: "2025-03-12", insuredLoaded: true), agency: nil)
        print(String(format: "stuck counts: %.0f ms (total %d)", Date().timeIntervalSince(t0) * 1000, stuck.total))
    }

    /// What `RegistrationService.search` asks of the storage for a name (its page size, 20).
    func search(_ s: PostgresStorage, _ text: String) throws {
        let q = BothEngines.nameQuery(text)
        let page = try s.registrations.searchNames(q, filter: RegistrationFilter(), limit: 20)
        if page.registrations.count < 20 {
            var people = try s.insured.searchNamesUnregistered(q, loose: page.loose, limit: 20 - page.registrations.count)
            if people.isEmpty && page.registrations.isEmpty && !page.loose {
                people = try s.insured.searchNamesUnregistered(q, loose: true, limit: 20)
            }
        }
    }

    func load(_ s: PostgresStorage, count: Int) throws {
        var people = SyntheticPeople(seed: 20_251_125, now: DateText.parseInstant("2025-03-12T09:00:00+07:00")!)
        var entries: [SyntheticPeople.Entry] = []
        var registered = 0
        while registered < count {
            let e = people.next()
            if e.registration != nil { registered += 1 }
            entries.append(e)
        }
        let t0 = Date()
        try s.transaction {
            let insured = try s.beginBulkLoad(.insured), registrations = try s.beginBulkLoad(.registrations)
            for e in entries {
                try s.insured.upsert(e.insured, bulk: insured)
                if let r = e.registration { try s.registrations.upsert(r, at: BothEngines.at, operator: "hoa", eventKind: "demo", bulk: registrations) }
            }
            try insured.finish()
            try registrations.finish()
        }
        let seconds = Date().timeIntervalSince(t0)
        print(String(format: "bulk load: %d registrations + %d insured in %.1f s (%.0f rows/s)", registered, entries.count, seconds,
                     Double(registered + entries.count) / seconds))
    }

    /// bench/'s Latency.asHeard: the last word respelled by one Southern merge.
    static func asHeard(_ folded: String) -> String {
        var words = folded.split(separator: " ").map(String.init)
        guard var w = words.last else { return folded }
        let swaps: [(String, String)] = [("tr", "ch"), ("ch", "tr"), ("gi", "d"), ("v", "d"), ("d", "v"), ("s", "x"), ("x", "s")]
        if let (from, to) = swaps.first(where: { w.hasPrefix($0.0) }) { w = to + w.dropFirst(from.count) }
        else if w.hasSuffix("ng") { w.removeLast() }
        else if w.hasSuffix("nh") { w.removeLast() }
        else if w.hasSuffix("n") { w += "g" }
        else if w.hasSuffix("t") { w = w.dropLast() + "c" }
        else if w.hasSuffix("c") { w = w.dropLast() + "t" }
        words[words.count - 1] = w
        return words.joined(separator: " ")
    }

    /// bench/'s Latency.withSlip: one letter of the longest word left out.
    static func withSlip(_ folded: String) -> String {
        var words = folded.split(separator: " ").map(String.init)
        guard let i = words.indices.max(by: { words[$0].count < words[$1].count }), words[i].count >= 5 else { return folded }
        var w = Array(words[i])
        w.remove(at: w.count / 2)
        words[i] = String(w)
        return words.joined(separator: " ")
    }
}
