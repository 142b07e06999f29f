import DeskCore

/// The triggers as the latest migration defines them: what a bulk load drops and recreates (`bulkLoadTriggers`) and
/// what `audit verify` compares with `sqlite_master`. The migrations themselves carry their own frozen copy
/// (`FrozenMigrations`); only v4's step creates `auditTriggers` from here.
extension Schema {
    /// v1's triggers keeping a name index (`<table>_fts`) in step with its table (registrations keep them).
    static func ftsTriggerList(_ table: String) -> [Trigger] {
        [("\(table)_fts_ai", """
          CREATE TRIGGER \(table)_fts_ai AFTER INSERT ON \(table) BEGIN
              INSERT INTO \(table)_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
          END;
          """),
         ("\(table)_fts_ad", """
          CREATE TRIGGER \(table)_fts_ad AFTER DELETE ON \(table) BEGIN
              INSERT INTO \(table)_fts(\(table)_fts, rowid, name_folded, full_name)
              VALUES ('delete', old.id, old.name_folded, old.full_name);
          END;
          """),
         ("\(table)_fts_au", """
          CREATE TRIGGER \(table)_fts_au AFTER UPDATE OF name_folded, full_name ON \(table) BEGIN
              INSERT INTO \(table)_fts(\(table)_fts, rowid, name_folded, full_name)
              VALUES ('delete', old.id, old.name_folded, old.full_name);
              INSERT INTO \(table)_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
          END;
          """)]
    }


    /// True for an extract row (`alias` names it) whose person has no registration.
    static func unregistered(_ alias: String) -> String {
        "NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = \(alias).bhxh_code)"
    }

    static let unregisteredIndexTriggers: [Trigger] = [
        ("insured_fts_ai", """
         CREATE TRIGGER insured_fts_ai AFTER INSERT ON insured WHEN \(unregistered("new")) BEGIN
             INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
         END;
         """),
        ("insured_fts_ad", """
         CREATE TRIGGER insured_fts_ad AFTER DELETE ON insured WHEN \(unregistered("old")) BEGIN
             INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name) VALUES ('delete', old.id, old.name_folded, old.full_name);
         END;
         """),
        ("insured_fts_au", """
         CREATE TRIGGER insured_fts_au AFTER UPDATE OF name_folded, full_name ON insured WHEN \(unregistered("old")) BEGIN
             INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name) VALUES ('delete', old.id, old.name_folded, old.full_name);
             INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
         END;
         """),
    ]

    /// A registration takes its person out of the unregistered index; deleting it (or changing its code) puts them back.
    static let registrationSideTriggers: [Trigger] = [
        ("registrations_insured_ai", """
         CREATE TRIGGER registrations_insured_ai AFTER INSERT ON registrations BEGIN
             INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
             SELECT 'delete', i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = new.bhxh_code;
         END;
         """),
        ("registrations_insured_ad", """
         CREATE TRIGGER registrations_insured_ad AFTER DELETE ON registrations BEGIN
             INSERT INTO insured_fts(rowid, name_folded, full_name)
             SELECT i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = old.bhxh_code;
         END;
         """),
        ("registrations_insured_au", """
         CREATE TRIGGER registrations_insured_au AFTER UPDATE OF bhxh_code ON registrations WHEN old.bhxh_code <> new.bhxh_code BEGIN
             INSERT INTO insured_fts(rowid, name_folded, full_name)
             SELECT i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = old.bhxh_code;
             INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
             SELECT 'delete', i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = new.bhxh_code;
         END;
         """),
    ]

    private static let rowTimePattern = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z"

    /// Every trigger the audit table must have, as the latest migration defines them: `audit verify` compares them
    /// with `sqlite_master`. The first two are v1's text, unchanged. An INSERT OR REPLACE deletes the row it replaces
    /// without firing a DELETE trigger (unless `recursive_triggers` is on), so `audit_chain_append` refuses any id
    /// but the next one: the replaced row is never reached. `at` is `DateText.format`'s fixed-width UTC text, so
    /// comparing it as text compares the instants. v4's step creates these from here: a later migration that changes
    /// them must first give v4 a frozen copy of this text.
    static let auditTriggers: [Trigger] = [
        ("audit_no_update", "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"),
        ("audit_no_delete", "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"),
        ("audit_chain_append", """
         CREATE TRIGGER audit_chain_append BEFORE INSERT ON audit BEGIN
             SELECT RAISE(ABORT, 'audit: a row must take the next id (INSERT OR REPLACE of an audit row is refused)')
             WHERE NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit);
             SELECT RAISE(ABORT, 'audit: at must be a UTC time YYYY-MM-DDTHH:MM:SSZ')
             WHERE NEW.at IS NULL OR NEW.at NOT GLOB '\(rowTimePattern)';
             SELECT RAISE(ABORT, 'audit: a row may not be dated before the last one')
             WHERE NEW.at < (SELECT at FROM audit ORDER BY id DESC LIMIT 1);
             SELECT RAISE(ABORT, 'audit: prev_hash must be the last row''s hash')
             WHERE NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '\(AuditChain.genesis)');
             SELECT RAISE(ABORT, 'audit: hash must be 64 lowercase hex digits')
             WHERE NEW.hash IS NULL OR length(NEW.hash) <> 64 OR NEW.hash GLOB '*[^0-9a-f]*';
         END;
         """),
    ]
}
