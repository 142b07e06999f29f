import Desk
import DeskCore

/// A many-row load into `registrations` or `insured` inside the caller's transaction (import, demo), by COPY.
///
/// Whether each row is new must be answered at once (the import counts inserted and updated, and the event says
/// which), so the load reads the codes the table holds when it begins — once, 200,000 a statement — and decides
/// in memory. New rows are then COPYed straight into the table in the order they came (so ids are given in that
/// order, as on SQLite); rows that replace existing ones are COPYed into a temporary table and applied with one
/// UPDATE … FROM per batch; the events follow the rows of their batch. A batch never holds two updates of one
/// code, so each batch applies in order. `finish` records the names' words in `name_terms` and keys them.
///
/// Two loads of one table are serialised by a transaction-scoped advisory lock (a second import waits, then gets
/// "busy" like SQLite's writer lock), but operators' own updates are not blocked. The indexes stay in place: other
/// consoles go on searching while a load runs, and see its rows when it commits.
final class PGBulkLoad: BulkLoading {
    let db: PGConnection
    let table: BulkTable
    let terms: PGNameTerms
    let batchSize: Int
    /// The loaded table's written columns, and where the name and its folded form are among them.
    let columns: [String]
    private let nameAt: Int

    /// Codes in the table when the load began.
    private let existing: CodeSet
    /// Codes this load has queued, inserted or updated.
    private var written = Set<String>()
    private var inserts: [[String?]] = []
    private var updates: [[String?]] = []
    private var updateCodes = Set<String>()
    private var events: [[String?]] = []
    private var staging: String?
    /// Each distinct name is split into words once; the words are recorded at `finish`.
    private var names = Set<String>()
    private var words = Set<String>()
    private(set) var rows = 0

    /// `advisory_lock` keys: "VSSR" and "VSSI" as numbers, one per table.
    static func lockKey(_ table: BulkTable) -> Int64 { table == .registrations ? 0x5653_5352 : 0x5653_5349 }

    init(_ db: PGConnection, table: BulkTable, terms: PGNameTerms? = nil, batchSize: Int = 20_000) throws {
        precondition(db.inTransaction, "PGBulkLoad needs a transaction")
        self.db = db
        self.table = table
        self.terms = terms ?? PGNameTerms(db)
        self.batchSize = batchSize
        columns = table == .registrations ? PGRegistrationRows.columns : PGInsuredRows.columns
        nameAt = columns.firstIndex(of: "full_name")!
        _ = try db.query("SELECT pg_advisory_xact_lock($1)", [.int(Self.lockKey(table))])
        existing = try CodeSet.read(db, table: table.rawValue)
    }


    /// Queues a registration and its event; true when the code is new to the table.
    func add(_ r: Registration, at: String, operator login: String?, eventKind: String) throws -> Bool {
        let fields = PGRegistrationRows.fields(r)
        let new = try queue(r.bhxhCode, fields)
        events.append([r.bhxhCode, at, login, new ? eventKind : eventKind + "_update",
                       "status=" + r.status.rawValue])
        return new
    }

    /// Queues a person of the extract; true when the code is new to the table.
    func add(_ p: InsuredPerson) throws -> Bool { try queue(p.bhxhCode, PGInsuredRows.fields(p)) }

    private func queue(_ code: String, _ fields: [String?]) throws -> Bool {
        let new = !written.contains(code) && !existing.contains(code)
        if new {
            inserts.append(fields)
        } else {
            if updateCodes.contains(code) { try flush() }
            updates.append(fields)
            updateCodes.insert(code)
        }
        written.insert(code)
        rows += 1
        if let name = fields[nameAt], names.insert(name).inserted {
            words.formUnion(PGNameTerms.tokens(fullName: name, folded: fields[nameAt + 1] ?? ""))
        }
        if inserts.count + updates.count >= batchSize { try flush() }
        return new
    }

    /// Writes what is queued: new rows, then replaced rows, then the events of both.
    func flush() throws {
        let name = table.rawValue
        let columnList = columns.joined(separator: ", ")
        if !inserts.isEmpty {
            try db.copyIn("COPY \(name)(\(columnList)) FROM STDIN") { put in for f in inserts { try put(f) } }
            inserts.removeAll(keepingCapacity: true)
        }
        if !updates.isEmpty {
            let stage = try stagingTable()
            try db.copyIn("COPY \(stage)(\(columnList)) FROM STDIN") { put in for f in updates { try put(f) } }
            let set = columns.dropFirst().map { "\($0) = s.\($0)" }.joined(separator: ", ")
            try db.run("UPDATE \(name) t SET \(set) FROM \(stage) s WHERE t.bhxh_code = s.bhxh_code")
            try db.run("TRUNCATE \(stage)")
            updates.removeAll(keepingCapacity: true)
            updateCodes.removeAll(keepingCapacity: true)
        }
        if !events.isEmpty {
            try db.copyIn("COPY registration_events(bhxh_code, at, operator, kind, detail) FROM STDIN") { put in
                for e in events { try put(e) }
            }
            events.removeAll(keepingCapacity: true)
        }
    }

    /// A temporary table shaped like the loaded one's written columns, gone at the end of the transaction (empty
    /// between flushes, so two loads of one table in a transaction may share it).
    private func stagingTable() throws -> String {
        if let staging { return staging }
        let stage = "vssdesk_bulk_\(table.rawValue)"
        try db.execSimple("""
            CREATE TEMP TABLE IF NOT EXISTS \(stage) ON COMMIT DROP AS SELECT \(columns.joined(separator: ", ")) FROM \(table.rawValue) WITH NO DATA
            """)
        staging = stage
        return stage
    }

    /// Writes the rest, records the new words (and their heard keys), and — for a large load, by a role that owns
    /// the table — refreshes the planner's statistics and empties the name index's pending list, so the first
    /// searches after the load are planned for the new rows and do not scan the pending entries.
    func finish() throws {
        try flush()
        try terms.record(words)
        try terms.keyNewWords()
        words.removeAll()
        let name = table.rawValue
        guard rows >= 10_000,
              try db.queryOne("SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE oid = $1::regclass", [.text(name)])?.bool(0) == true
        else { return }
        try db.execSimple("ANALYZE \(name)")
        _ = try db.query("SELECT gin_clean_pending_list($1::regclass)", [.text(name + "_name")])
    }
}

/// The codes a table holds, read once: ten-digit codes as sorted integers (80 MB for ten million), any other as text.
struct CodeSet {
    private var numbers: [UInt64] = []
    private var others = Set<String>()

    static func read(_ db: PGConnection, table: String) throws -> CodeSet {
        var set = CodeSet()
        var last = ""
        while true {
            guard let row = try db.queryOne("""
                SELECT string_agg(bhxh_code, ',' ORDER BY bhxh_code), max(bhxh_code)
                FROM (SELECT bhxh_code FROM \(table) WHERE bhxh_code > $1 ORDER BY bhxh_code LIMIT 200000) s
                """, [.text(last)]), let codes = row.string(0), let max = row.string(1) else { break }
            for code in codes.split(separator: ",") {
                if let n = Self.number(code) { set.numbers.append(n) } else { set.others.insert(String(code)) }
            }
            last = max
        }
        set.numbers.sort()
        return set
    }

    /// A code of exactly ten ASCII digits as a number.
    static func number<S: StringProtocol>(_ code: S) -> UInt64? {
        code.utf8.count == 10 && code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? UInt64(code) : nil
    }

    func contains(_ code: String) -> Bool {
        guard let n = Self.number(code) else { return others.contains(code) }
        var lo = 0, hi = numbers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if numbers[mid] < n { lo = mid + 1 } else { hi = mid }
        }
        return lo < numbers.count && numbers[lo] == n
    }
}
