/// The protections of `audit` as the schema creates them, and what `audit verify` (and every start) compares the
/// catalog with: each trigger's definition as `pg_get_triggerdef` prints it, its enabled state and the language
/// and source of the function it runs. A trigger's text alone would not do: `CREATE OR REPLACE FUNCTION` can empty
/// the function while every trigger still reads the same.
///
/// The triggers are `ENABLE ALWAYS`, so that they fire under `session_replication_role = replica` too: the one
/// setting with which a superuser's UPDATE would otherwise pass them. Migration v1 creates all of this from here; a
/// later migration that changes it must first give v1 a frozen copy of this text (released migrations never change).
enum PGAuditTriggers {
    struct Trigger {
        let name: String
        /// As `pg_get_triggerdef` prints it with the schema names left out; also the statement that creates it.
        let definition: String
        let function: String
    }

    static let triggers: [Trigger] = [
        Trigger(name: "audit_append_only",
                definition: "CREATE TRIGGER audit_append_only BEFORE DELETE OR UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION vssdesk_append_only()",
                function: "vssdesk_append_only"),
        Trigger(name: "audit_no_truncate",
                definition: "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION vssdesk_append_only()",
                function: "vssdesk_append_only"),
        Trigger(name: "audit_chain_append",
                definition: "CREATE TRIGGER audit_chain_append BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION vssdesk_audit_chain_append()",
                function: "vssdesk_audit_chain_append"),
    ]

    /// The PL/pgSQL source of each trigger function, exactly as `pg_proc.prosrc` keeps it (the text between `$$`).
    static let functionSources: [String: String] = [
        "vssdesk_append_only": """

            BEGIN
                RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
            END
            """,
        // The chain's rules, as SQLite's audit_chain_append: the next id, a UTC time not before the last row's, the
        // last row's hash as prev_hash, a hash of 64 hex digits. The advisory lock serialises appends from every
        // connection (since schema v3 the seal, `vssdesk_audit_seal`, holds it already; taking it again is free).
        "vssdesk_audit_chain_append": """

            DECLARE
                last_id BIGINT; last_at TEXT; last_hash TEXT;
            BEGIN
                PERFORM pg_advisory_xact_lock(\(PGSchema.auditLockKey));
                SELECT id, at, hash INTO last_id, last_at, last_hash FROM audit ORDER BY id DESC LIMIT 1;
                IF NEW.id IS DISTINCT FROM coalesce(last_id, 0) + 1 THEN
                    RAISE EXCEPTION 'audit: a row must take the next id' USING ERRCODE = 'P0001';
                END IF;
                IF NEW.at IS NULL OR NEW.at !~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$' THEN
                    RAISE EXCEPTION 'audit: at must be a UTC time YYYY-MM-DDTHH:MM:SSZ' USING ERRCODE = 'P0001';
                END IF;
                IF last_at IS NOT NULL AND NEW.at < last_at THEN
                    RAISE EXCEPTION 'audit: a row may not be dated before the last one' USING ERRCODE = 'P0001';
                END IF;
                IF NEW.prev_hash IS DISTINCT FROM coalesce(last_hash, '\(PGSchema.genesis)') THEN
                    RAISE EXCEPTION 'audit: prev_hash must be the last row''s hash' USING ERRCODE = 'P0001';
                END IF;
                IF NEW.hash IS NULL OR NEW.hash !~ '^[0-9a-f]{64}$' THEN
                    RAISE EXCEPTION 'audit: hash must be 64 lowercase hex digits' USING ERRCODE = 'P0001';
                END IF;
                RETURN NEW;
            END
            """,
    ]

    /// What a trigger looks like in the catalog, in one comparable string.
    static func signature(definition: String, enabled: String, language: String, source: String) -> String {
        [definition, enabled, language, source].joined(separator: "\u{1}")
    }

    /// A function's source followed by its settings (`proconfig`, in name order), when it has any.
    static func withConfig(_ source: String, _ config: String) -> String {
        config.isEmpty ? source : source + "\u{1}" + config
    }

    static func expectedSignature(_ t: Trigger) -> String {
        signature(definition: t.definition, enabled: "A", language: "plpgsql", source: functionSources[t.function] ?? "")
    }

    /// The functions' DDL, for migration v1.
    static var functionsDDL: String {
        functionSources.keys.sorted().map { name in
            "CREATE FUNCTION \(name)() RETURNS trigger LANGUAGE plpgsql AS $$\(functionSources[name]!)$$;"
        }.joined(separator: "\n")
    }

    /// The audit triggers' DDL, for migration v1: created, then made to fire whatever `session_replication_role` is.
    static var triggersDDL: String {
        triggers.map { "\($0.definition);\nALTER TABLE audit ENABLE ALWAYS TRIGGER \($0.name);" }.joined(separator: "\n")
    }
}
