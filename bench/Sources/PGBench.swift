import Foundation
import Desk
import DeskCore
import DeskEngines
import DeskPostgres

/// `make bench-pg` (bench/run-pg.sh): the same operations on a PostgreSQL desk, sampled with plain SQL through the
/// same libpq wrapper the console uses.
enum PGBench {
    static func session(_ uri: String) throws -> (any DeskStorage, Session) {
        let storage = try OpenStorage.open(uri)
        let admin = try storage.operators.list().first { $0.role == .admin && $0.active }!
        return (storage, Session(storage: storage, actor: admin, clock: Clock(fixed: benchNow)))
    }

    /// One identifier of each kind, as shell assignments (for whole-process lookups beside psql).
    static func printSamples(_ uri: String) throws {
        let db = try PGConnection(uri)
        let row = try db.queryOne("""
            SELECT r.bhxh_code, i.card_number, r.id_number, r.phone, r.full_name FROM registrations r JOIN insured i USING (bhxh_code)
            WHERE length(r.id_number) = 12 AND length(r.phone) = 10 AND r.kind = 'self' AND r.id % 997 = 0 LIMIT 1
            """)!
        print("code=\(row.string(0)!)\ncard=\(row.string(1)!)\ncccd=\(row.string(2)!)\nphone=\(row.string(3)!)")
    }

    /// T synthetic tickets with a first-response note, through the storage protocol (as SQLite's bench adds them).
    static func addTickets(_ uri: String, count: Int) throws {
        let (storage, _) = try session(uri)
        let db = try PGConnection(uri)
        let codes = try db.query("SELECT bhxh_code, phone FROM registrations WHERE id % 5 = 0 LIMIT 200000").map { ($0.string(0)!, $0.string(1)) }
        try BenchData.addTickets(storage: storage, codes: codes, count: count)
    }

    static func latency(_ uri: String) throws {
        let (_, session) = try session(uri)
        let db = try PGConnection(uri)
        let sample = try db.query("""
            SELECT r.bhxh_code, i.card_number, r.id_number, r.phone, r.full_name FROM registrations r JOIN insured i USING (bhxh_code)
            WHERE r.kind = 'self' AND length(r.id_number) = 12 ORDER BY (r.id * 7919) % 1000003 LIMIT 500
            """)
        func column(_ i: Int) -> [String] { sample.compactMap { $0.string(i) } }
        let service = RegistrationService(session: session)
        let folded = column(4).map { Folding.fold($0) }
        let tickets = TicketService(session: session)
        let open = try session.storage.tickets.openIDs(limit: 500).map(String.init)
        var results: [(String, (p50: Double, p99: Double, n: Int))] = []
        results.append(("search_code", try Latency.measure(column(0)) { _ = try service.search($0) }))
        results.append(("search_card", try Latency.measure(column(1)) { _ = try service.search($0) }))
        results.append(("search_cccd", try Latency.measure(column(2)) { _ = try service.search($0) }))
        results.append(("search_phone", try Latency.measure(column(3)) { _ = try service.search($0) }))
        results.append(("search_name_folded", try Latency.measure(folded) { _ = try service.search($0) }))
        results.append(("search_name_diacritics", try Latency.measure(column(4)) { _ = try service.search($0) }))
        results.append(("search_name_heard", try Latency.measure(folded.map(Latency.asHeard)) { _ = try service.search($0) }))
        results.append(("search_common_surname", try Latency.measure(Array(repeating: "nguyen", count: 100)) { _ = try service.search($0) }))
        results.append(("diagnose", try Latency.measure(column(0)) { _ = try DiagnosisService(session: session).diagnose($0) }))
        results.append(("ticket_note", try Latency.measure(open) { _ = try tickets.note(Int($0)!, text: "Đã gọi lại cho khách (bench)") }))
        let json = results.map { "\"\($0.0)\": {\"p50_ms\": \(Latency.fmt($0.1.p50)), \"p99_ms\": \(Latency.fmt($0.1.p99)), \"n\": \($0.1.n)}" }
        print("{" + json.joined(separator: ", ") + "}")
    }

    /// N operator processes for S seconds, each with its own connection: search a name, open a ticket, note it.
    /// With `periodMs`, each operator starts one round that often (as a person at the phone does, only far faster),
    /// sleeping what is left; without, rounds follow each other with no pause and the machine is saturated.
    static func concurrent(_ uri: String, processes: Int, seconds: Int, periodMs: Int = 0) throws {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        var children: [(Process, Pipe)] = []
        for i in 0..<processes {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: me)
            p.arguments = ["pg-worker", uri, String(seconds), String(i), String(periodMs), String(processes)]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            children.append((p, out))
        }
        var notes: [Double] = [], searches: [Double] = []
        var failures = 0, done = 0
        for (p, out) in children {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            guard p.terminationStatus == 0, let doc = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { failures += 1; continue }
            notes += doc["notes"] as? [Double] ?? []
            searches += doc["searches"] as? [Double] ?? []
            failures += doc["failures"] as? Int ?? 0
            done += doc["tickets"] as? Int ?? 0
        }
        notes.sort(); searches.sort()
        // Every audited action of the run is in one intact chain (the walk seals what is still pending first).
        let walk = try OpenStorage.open(uri).audit.walkChain()
        print("{\"processes\": \(processes), \"seconds\": \(seconds), \"period_ms\": \(periodMs), \"tickets\": \(done), \"failures\": \(failures), "
              + "\"audit_rows\": \(walk.rows), \"chain_intact\": \(walk.firstBroken == nil), "
              + "\"note_p50_ms\": \(Latency.fmt(Percentile.median(notes) ?? 0)), \"note_p99_ms\": \(Latency.fmt(Percentile.nearestRank(notes, 99) ?? 0)), "
              + "\"search_p99_ms\": \(Latency.fmt(Percentile.nearestRank(searches, 99) ?? 0))}")
    }

    static func worker(_ uri: String, seconds: Int, index: Int, periodMs: Int = 0, processes: Int = 1) throws {
        let storage = try OpenStorage.open(uri)
        let login = "op\(120 + index % 10)"
        let actor = try storage.operators.get(login) ?? storage.operators.list().first { $0.role == .admin }!
        let session = Session(storage: storage, actor: actor, clock: Clock())
        let service = RegistrationService(session: session), tickets = TicketService(session: session)
        let names = ["nguyen van an", "tran thi", "le minh", "pham thu", "hoang duc", "vo thanh", "dang", "bui thi hoa"]
        var notes: [Double] = [], searches: [Double] = []
        var failures = 0, made = 0
        let end = Date().addingTimeInterval(Double(seconds))
        var i = index
        // Paced operators start at different moments within the period, as people do.
        if periodMs > 0 { usleep(useconds_t(periodMs * 1000 * index / max(1, processes))) }
        while Date() < end {
            let roundStart = Date()
            defer {
                if periodMs > 0 {
                    let left = Double(periodMs) / 1000 - Date().timeIntervalSince(roundStart)
                    if left > 0 { usleep(useconds_t(left * 1e6)) }
                }
            }
            i += 1
            do {
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = try service.search(names[i % names.count])
                let t1 = DispatchTime.now().uptimeNanoseconds
                let t = try tickets.create(caller: "09\(String(format: "%08d", (index * 7919 + i) % 100_000_000))", line: 120 + index % 10,
                                           code: nil, category: "password", priority: "normal", summary: "Quên mật khẩu (bench)")
                let t2 = DispatchTime.now().uptimeNanoseconds
                _ = try tickets.note(t.id, text: "Đã hướng dẫn đặt lại mật khẩu (bench)")
                let t3 = DispatchTime.now().uptimeNanoseconds
                searches.append(Double(t1 - t0) / 1e6)
                notes.append(Double(t3 - t2) / 1e6)
                made += 1
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("worker \(index): \(error)\n".utf8))
            }
        }
        storage.finish()
        let data = try JSONSerialization.data(withJSONObject: ["notes": notes, "searches": searches, "failures": failures, "tickets": made])
        FileHandle.standardOutput.write(data)
    }
}
