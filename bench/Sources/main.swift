import Foundation
import Desk
import DeskCore
import DeskStore

// The benchmark driver behind `make bench` (bench/run.sh runs it and the stock sqlite3 shell side by side).
//   vssdesk-bench gen N DIR          deterministic registrations.csv + insured.csv
//   vssdesk-bench tickets DB T       T synthetic tickets with notes across lines 120–129 and a year of dates
//   vssdesk-bench samples DB         one identifier of each kind, for whole-process lookups
//   vssdesk-bench latency DB         in-process latency percentiles (JSON)
//   vssdesk-bench audit DB N         chained audit rows until the trail has N (for `audit verify` at scale)
//   vssdesk-bench chain-cost DB [S]  ticket note with the chained audit row vs the same without the chain (JSON)
//   vssdesk-bench backup-pause DB PROGRAM ARGS…  a backup program run beside ticket notes: its time, the notes' waits
//   vssdesk-bench pg-samples|pg-latency URI, pg-tickets URI T, pg-concurrent URI N SECONDS [PERIOD_MS] the same on PostgreSQL (PERIOD_MS: each operator starts a search → ticket → note that often; none: back to back)

let args = CommandLine.arguments
func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data((s + "\n").utf8))
    exit(2)
}
guard args.count >= 2 else { fail("usage: vssdesk-bench gen|tickets|samples|latency …") }

switch args[1] {
case "gen":
    guard args.count == 4, let n = Int(args[2]) else { fail("usage: vssdesk-bench gen N DIR") }
    try BenchData.writeCSV(count: n, dir: args[3])
case "tickets":
    guard args.count == 4, let n = Int(args[3]) else { fail("usage: vssdesk-bench tickets DB T") }
    try BenchData.addTickets(db: args[2], count: n)
case "samples":
    guard args.count == 3 else { fail("usage: vssdesk-bench samples DB") }
    try BenchData.printSamples(db: args[2])
case "stuck-sql":
    guard args.count == 3 else { fail("usage: vssdesk-bench stuck-sql DB") }
    let store = try Store(path: args[2])
    print(StuckQuery(deskAgency: "07916", today: DateText.deskDate(benchNow), insuredLoaded: true).inlinedCountsSQL())
case "latency":
    guard args.count == 3 else { fail("usage: vssdesk-bench latency DB") }
    try Latency.run(db: args[2])
case "audit":
    guard args.count == 4, let n = Int(args[3]) else { fail("usage: vssdesk-bench audit DB N") }
    try BenchData.addAuditRows(db: args[2], upTo: n)
case "chain-cost":
    guard args.count == 3 || args.count == 4 else { fail("usage: vssdesk-bench chain-cost DB [SAMPLES]") }
    try ChainCost.run(db: args[2], samples: args.count == 4 ? Int(args[3]) ?? 2000 : 2000)
case "backup-pause":
    guard args.count >= 4 else { fail("usage: vssdesk-bench backup-pause DB PROGRAM [ARGS…]") }
    try BackupPause.run(db: args[2], command: Array(args[3...]))
case "pg-samples":
    try PGBench.printSamples(args[2])
case "pg-tickets":
    guard args.count == 4, let n = Int(args[3]) else { fail("usage: vssdesk-bench pg-tickets URI T") }
    try PGBench.addTickets(args[2], count: n)
case "pg-latency":
    try PGBench.latency(args[2])
case "pg-concurrent":
    guard args.count == 5 || args.count == 6, let n = Int(args[3]), let s = Int(args[4]) else {
        fail("usage: vssdesk-bench pg-concurrent URI N SECONDS [PERIOD_MS]")
    }
    try PGBench.concurrent(args[2], processes: n, seconds: s, periodMs: args.count == 6 ? Int(args[5]) ?? 0 : 0)
case "pg-worker":
    try PGBench.worker(args[2], seconds: Int(args[3])!, index: Int(args[4])!, periodMs: Int(args[5]) ?? 0, processes: Int(args[6]) ?? 1)
default:
    fail("unknown bench command \(args[1])")
}
