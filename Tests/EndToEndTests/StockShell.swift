import Foundation
import DeskTestSupport

/// The stock shell of the desk's engine on a test database, what a supervisor would use: `sqlite3` on a file,
/// `psql` (and `pg_dump`) on a PostgreSQL URI. Both print a row as its columns joined by `|`, NULL as nothing.
enum StockShell {
    static func isPostgres(_ db: String) -> Bool { db.hasPrefix("postgresql://") || db.hasPrefix("postgres://") }

    /// Rows of `sql`, each split on `|`.
    static func rows(_ db: String, _ sql: String) -> [[String]] {
        let output = isPostgres(db) ? run("/usr/bin/psql", [db, "-qAt", "-F", "|", "-c", sql])
                                    : run("/usr/bin/sqlite3", ["-batch", db, sql])
        return output.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
    }

    static func scalar(_ db: String, _ sql: String) -> String? { rows(db, sql).first?.first }

    /// Every row of the desk as SQL text (`.dump`; `pg_dump --inserts`).
    static func dump(_ db: String) -> String {
        isPostgres(db) ? run("/usr/bin/pg_dump", ["--data-only", "--inserts", "--dbname=" + db]) : run("/usr/bin/sqlite3", [db, ".dump"])
    }

    /// The shell's output; nothing when it failed (the expectations on the rows then say what is missing).
    private static func run(_ program: String, _ args: [String]) -> String {
        (try? TestBackend.output(of: program, args)) ?? ""
    }
}
