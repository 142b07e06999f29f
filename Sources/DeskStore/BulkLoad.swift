/// Loading many rows into a table with a name index, inside one transaction.
///
/// FTS5 flushes its pending terms at every statement boundary inside a transaction (its xSavepoint), so indexing a
/// million rows one trigger at a time writes a million tiny segments. A bulk load drops the insert and update
/// triggers inside the caller's transaction, indexes the new rows with one INSERT … SELECT at the end, maintains the
/// index by hand for rows that existed before, and recreates the triggers before the transaction commits: other
/// connections never see the table without them. The same set-based step keeps what the per-row triggers of later
/// migrations kept: the extract's index of unregistered people (v3) and the word list of names (v2).
public final class BulkLoad {
    let db: Database
    public let table: String
    let maxIDBefore: Int
    /// People added to the extract later in the same transaction (a demo load) are not in its name index yet, so
    /// only those from before may be taken out of it.
    let insuredMaxIDBefore: Int
    /// The words of every name loaded, recorded in `name_terms` at the end (one insert per distinct word).
    var words = Set<String>()

    /// Must be called inside a transaction.
    public init(_ db: Database, table: String, splitLimit: Int = 20_000) throws {
        precondition(["registrations", "insured"].contains(table))
        precondition(db.inTransaction, "BulkLoad needs a transaction")
        self.db = db
        self.table = table
        self.splitLimit = splitLimit
        maxIDBefore = try db.scalarInt("SELECT coalesce(max(id), 0) FROM \(table)")
        insuredMaxIDBefore = try db.scalarInt("SELECT coalesce(max(id), 0) FROM insured")
        for trigger in Schema.bulkLoadTriggers(table) { try db.execute("DROP TRIGGER \(trigger.name)") }
        // A bigger page cache for the one long transaction keeps SQLite from spilling pages to the WAL mid-load.
        try db.execute("PRAGMA cache_size = -65536")
        // FTS5 writes a new segment each time its in-memory term table reaches `hashsize` (1 MB by default) and then
        // merges them; 64 MB makes a million names a few large segments: 25 % less time indexing them
        // (https://sqlite.org/fts5.html#the_hashsize_configuration_option). Single writes flush at every commit anyway.
        try db.run("INSERT INTO \(table)_fts(\(table)_fts, rank) VALUES ('hashsize', 67108864)")
    }

    deinit { try? db.execute("PRAGMA cache_size = -2000") }

    /// Which rows belong in the name index: every registration, but only the unregistered people of the extract
    /// (Schema v3).
    var indexedCondition: String {
        table == "insured" ? Schema.unregistered("insured") : "1"
    }

    /// Names repeat, so each distinct name is split once.
    var namesSeen = Set<String>()
    /// Past this many rows, splitting names in Swift costs more than reading the finished index's own word list
    /// once (fts5vocab: ~0.25 s for a million names, where splitting them was 4 % of the import).
    let splitLimit: Int
    var rowsNoted = 0

    func note(fullName: String, folded: String) {
        rowsNoted += 1
        guard rowsNoted <= splitLimit, namesSeen.insert(fullName).inserted else { return }
        words.formUnion(NameTermStore.tokens(fullName: fullName, folded: folded))
    }

    /// Before updating an existing row: its id and indexed names, to re-index it if they change.
    func existing(code: String) throws -> (id: Int, folded: String, full: String)? {
        try db.queryOne("SELECT id, name_folded, full_name FROM \(table) WHERE bhxh_code = ?", [.text(code)])
            .map { ($0.int(0)!, $0.string(1) ?? "", $0.string(2) ?? "") }
    }

    /// Re-indexes a row that existed before the load and whose names changed.
    func reindex(id: Int, old: (String, String), new: (String, String)) throws {
        guard id <= maxIDBefore, old != new else { return }
        guard try db.scalarInt("SELECT count(*) FROM \(table) WHERE id = ? AND \(indexedCondition)", [.int(Int64(id))]) > 0 else { return }
        try db.run("INSERT INTO \(table)_fts(\(table)_fts, rowid, name_folded, full_name) VALUES ('delete', ?, ?, ?)",
                   [.int(Int64(id)), .text(old.0), .text(old.1)])
        try db.run("INSERT INTO \(table)_fts(rowid, name_folded, full_name) VALUES (?, ?, ?)",
                   [.int(Int64(id)), .text(new.0), .text(new.1)])
    }

    /// Indexes the new rows in one statement and restores the triggers.
    public func finish() throws {
        try db.run("""
            INSERT INTO \(table)_fts(rowid, name_folded, full_name)
            SELECT id, name_folded, full_name FROM \(table) WHERE id > ? AND \(indexedCondition)
            """, [.int(Int64(maxIDBefore))])
        if table == "registrations" {
            // The newly registered leave the index of unregistered people.
            try db.run("""
                INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
                SELECT 'delete', i.id, i.name_folded, i.full_name FROM registrations r JOIN insured i ON i.bhxh_code = r.bhxh_code
                WHERE r.id > ?1 AND i.id <= ?2
                """, [.int(Int64(maxIDBefore)), .int(Int64(insuredMaxIDBefore))])
        }
        if rowsNoted > splitLimit {
            try db.execute("""
                CREATE VIRTUAL TABLE temp.bulk_vocab USING fts5vocab(main, \(table)_fts, row);
                INSERT OR IGNORE INTO name_terms(term) SELECT term FROM temp.bulk_vocab;
                DROP TABLE temp.bulk_vocab;
                """)
        } else {
            for word in words.sorted() {
                try db.run("INSERT OR IGNORE INTO name_terms(term) VALUES (?)", [.text(word)])
            }
        }
        try HeardTermStore.keyNewWords(db)
        for trigger in Schema.bulkLoadTriggers(table) { try db.execute(trigger.sql) }
    }
}
