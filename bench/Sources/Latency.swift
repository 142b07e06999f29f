import Foundation
import Desk
import DeskCore
@_spi(RawSQL) import DeskStore

/// In-process latency of the operations an operator waits on, as p50/p99 (nearest rank) over a fixed sample of
/// inputs drawn deterministically from the database. Printed as one JSON object for bench/run.sh.
enum Latency {
    static func measure(_ samples: [String], _ body: (String) throws -> Void) rethrows -> (p50: Double, p99: Double, n: Int) {
        var times: [Double] = []
        var slowest: [(Double, String)] = []
        times.reserveCapacity(samples.count)
        for s in samples {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body(s)
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            times.append(ms)
            slowest.append((ms, s))
        }
        // BENCH_SLOWEST=1: which inputs make the tail, on stderr (the JSON on stdout is unchanged).
        if getenv("BENCH_SLOWEST") != nil {
            for (ms, s) in slowest.sorted(by: { $0.0 > $1.0 }).prefix(6) { FileHandle.standardError.write(Data("  \(fmt(ms)) ms  \(s)\n".utf8)) }
        }
        times.sort()
        return (Percentile.median(times) ?? 0, Percentile.nearestRank(times, 99) ?? 0, times.count)
    }

    static func run(db: String) throws {
        let store = try Store(path: db)
        let admin = try store.operators.list().first { $0.role == .admin }!
        let session = Session(store: store, actor: admin, clock: Clock(fixed: benchNow))
        let sample = try store.db.query("""
            SELECT r.bhxh_code, i.card_number, r.id_number, r.phone, r.full_name FROM registrations r JOIN insured i USING (bhxh_code)
            WHERE r.kind = 'self' AND length(r.id_number) = 12 ORDER BY (r.id * 7919) % 1000003 LIMIT 500
            """)
        func column(_ i: Int) -> [String] { sample.compactMap { $0.string(i) } }
        let names = column(4)
        let folded = names.map { Folding.fold($0) }
        let twoWords = names.map { $0.split(separator: " ").suffix(2).joined(separator: " ") }
        let service = RegistrationService(session: session)
        var results: [(String, (p50: Double, p99: Double, n: Int))] = []
        results.append(("search_code", try measure(column(0)) { _ = try service.search($0) }))
        results.append(("search_card", try measure(column(1)) { _ = try service.search($0) }))
        results.append(("search_cccd", try measure(column(2)) { _ = try service.search($0) }))
        results.append(("search_phone", try measure(column(3)) { _ = try service.search($0) }))
        results.append(("search_name_folded", try measure(folded) { _ = try service.search($0) }))
        results.append(("search_name_diacritics", try measure(names) { _ = try service.search($0) }))
        results.append(("search_name_two_words", try measure(twoWords) { _ = try service.search($0) }))
        results.append(("search_name_heard", try measure(folded.map(Self.asHeard)) { _ = try service.search($0) }))
        results.append(("search_name_slip", try measure(folded.map(Self.withSlip)) { _ = try service.search($0) }))
        results.append(("search_common_surname", try measure(Array(repeating: "nguyen", count: 100)) { _ = try service.search($0) }))
        for (name, extra) in LatencyExtras.all(session: session, store: store, codes: column(0), phones: column(3)) {
            results.append((name, try extra()))
        }
        let json = results.map { "\"\($0.0)\": {\"p50_ms\": \(fmt($0.1.p50)), \"p99_ms\": \(fmt($0.1.p99)), \"n\": \($0.1.n)}" }
        print("{" + json.joined(separator: ", ") + "}")
    }

    /// The folded name as a Southern caller's name is heard: the given name (last word) respelled by one merge.
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

    /// The folded name with one letter of its longest word left out (a slip of the fingers).
    static func withSlip(_ folded: String) -> String {
        var words = folded.split(separator: " ").map(String.init)
        guard let i = words.indices.max(by: { words[$0].count < words[$1].count }), words[i].count >= 5 else { return folded }
        var w = Array(words[i])
        w.remove(at: w.count / 2)
        words[i] = String(w)
        return words.joined(separator: " ")
    }

    static func fmt(_ d: Double) -> String { String(format: "%.3f", d) }
}
