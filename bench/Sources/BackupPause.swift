import Foundation
import Desk
import DeskCore
import DeskStore

/// How long a backup takes and how long a ticket note waits while it runs: a copy program (`vssdesk backup`, or the
/// stock `sqlite3 .backup` for the ratio) runs as a child process while this process keeps adding notes the way an
/// operator's console does, each timed from start to commit. Prints JSON.
enum BackupPause {
    /// The stock shell's `.backup` copies 100 pages a step and starts again whenever another connection writes, so
    /// under steady writes it may never finish; past `limit` seconds the copy is stopped and reported as unfinished.
    static func run(db: String, command: [String], limit: Double = 120) throws {
        let store = try Store(path: db)
        let admin = try store.operators.list().first { $0.role == .admin }!
        let tickets = TicketService(session: Session(store: store, actor: admin, clock: Clock(fixed: benchNow)))
        let ids = try store.tickets.openIDs(limit: 200)
        guard !ids.isEmpty else { fail("no open tickets: run `vssdesk-bench tickets` first") }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: command[0])
        child.arguments = Array(command.dropFirst())
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.standardError
        var pauses: [Double] = []
        let started = DispatchTime.now().uptimeNanoseconds
        try child.run()
        var i = 0
        var finished = true
        while child.isRunning {
            if Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 > limit {
                child.terminate()
                child.waitUntilExit()
                finished = false
                break
            }
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try tickets.note(ids[i % ids.count], text: "Ghi chú trong lúc sao lưu (bench)")
            pauses.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            i += 1
            usleep(2_000)  // an operator's pace is far slower; this still samples the whole copy
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard !finished || child.terminationStatus == 0 else { fail("\(command.joined(separator: " ")) exited \(child.terminationStatus)") }
        let sorted = pauses.sorted()
        print("{\"finished\": \(finished), \"seconds\": \(Latency.fmt(seconds)), \"notes\": \(sorted.count), \"note_p50_ms\": \(Latency.fmt(Percentile.median(sorted) ?? 0)), "
              + "\"note_p99_ms\": \(Latency.fmt(Percentile.nearestRank(sorted, 99) ?? 0)), \"note_max_ms\": \(Latency.fmt(sorted.last ?? 0))}")
    }
}
