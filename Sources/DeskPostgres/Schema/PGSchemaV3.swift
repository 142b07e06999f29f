/// v3: consoles no longer link their own audit rows into the chain one at a time under one lock. A console writes
/// its rows to `audit_pending` with its COMMIT, without any lock, and in the same round trip asks the server to
/// seal (`vssdesk_audit_seal`): whichever console gets the chain's lock links every committed pending row into
/// `audit` in one go; a console that finds another sealing goes on at once, and its rows are sealed by that one, the
/// next seal, or its own next prompt, read of the trail or exit. With one lock taken per row, fifty consoles queued
/// behind each other's round trips and commits (note p99 79 ms at 50 processes, BENCHMARKS.md).
///
/// The hash is `DeskStore.AuditChain`'s, byte for byte: each field NULL as 0x00, a value as 0x01, its UTF-8 length
/// in four bytes big-endian, the bytes. `audit verify` recomputes it in Swift, so a server hashing otherwise fails
/// the very next verification (and the tests that walk the chain after every kind of action).
///
/// Desk roles may only add pending rows, in their own name, with a sane time: the chain itself is written by the
/// seal alone, with the owner's rights (this overrides v1's "ids are given by the writer" and v2's INSERT on
/// `audit`). Pending rows are append-only like the chain: only the seal removes them, as it links them. Every
/// function that runs with the owner's rights searches `pg_temp` last, so no temporary table or view of the caller
/// can stand in for a desk table (v1's and v2's functions are given that here too).
extension PGSchema {
    static let v3AuditSealing = """
    CREATE TABLE audit_pending (
        seq BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT,
        ticket_id BIGINT
    );

    CREATE FUNCTION vssdesk_pending_guard() RETURNS trigger LANGUAGE plpgsql
    SET search_path = \(pendingGuardSearchPath) AS $$\(pendingGuardSource)$$;
    \(pendingTriggers.map { "\($0.definition);\nALTER TABLE audit_pending ENABLE ALWAYS TRIGGER \($0.name);" }.joined(separator: "\n"))

    CREATE FUNCTION vssdesk_chain_field(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN value IS NULL THEN decode('00', 'hex')
                    ELSE decode('01', 'hex') || int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') END
    $$;

    CREATE FUNCTION vssdesk_audit_seal(wait BOOLEAN) RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = \(sealSearchPath) SET enable_seqscan = off
    AS $$\(sealSource)$$;
    -- A queue: every row is deleted soon after it is written. Vacuumed as soon as a little is dead, so the table
    -- stays a few pages long (the seal reads it through its key, never the dead rows of a whole table).
    ALTER TABLE audit_pending SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 500,
                                   autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 500,
                                   autovacuum_vacuum_cost_delay = 0);

    ALTER FUNCTION vssdesk_save_credential(TEXT, TEXT, TEXT, TEXT, TEXT) SET search_path = pg_catalog, public, pg_temp;
    ALTER FUNCTION vssdesk_sync_role(TEXT, TEXT, BOOLEAN) SET search_path = pg_catalog, public, pg_temp;

    REVOKE ALL ON audit_pending FROM PUBLIC;
    REVOKE ALL ON FUNCTION vssdesk_chain_field(TEXT) FROM PUBLIC;
    REVOKE ALL ON FUNCTION vssdesk_audit_seal(BOOLEAN) FROM PUBLIC;
    REVOKE ALL ON FUNCTION vssdesk_pending_guard() FROM PUBLIC;
    -- The data columns only: the order of pending rows is the server's (seq), never the writer's.
    GRANT INSERT (at, operator, action, target, detail, ticket_id) ON audit_pending TO vssdesk_operator;
    GRANT USAGE ON SEQUENCE audit_pending_seq_seq TO vssdesk_operator;
    GRANT EXECUTE ON FUNCTION vssdesk_audit_seal(BOOLEAN) TO vssdesk_operator;
    REVOKE INSERT ON audit FROM vssdesk_operator;
    """

    static let sealSearchPath = "pg_catalog, public, pg_temp"
    /// The seal's settings as `pg_proc.proconfig` keeps them. Without a sequential scan, the seal's DELETE reads
    /// the pending rows through their key: between two vacuums the table's pages are mostly rows already sealed,
    /// and reading them all cost every seal a millisecond after a busy half minute (1.3 MB of dead rows).
    /// (In name order, as `triggerProblems` reads them.)
    static let sealConfig = "enable_seqscan=off;search_path=\(sealSearchPath)"

    static let pendingGuardSearchPath = "pg_catalog, pg_temp"
    /// The SQLSTATE of a pending row dated after tomorrow: a console whose clock is ahead, said in the catalog.
    static let clockAheadState = "VSC01"

    /// What `triggerProblems` expects to find for a trigger of `audit_pending`.
    static func expectedPendingSignature(_ t: PGAuditTriggers.Trigger) -> String {
        PGAuditTriggers.signature(definition: t.definition, enabled: "A", language: "plpgsql",
                                  source: PGAuditTriggers.withConfig(pendingGuardSource, "search_path=\(pendingGuardSearchPath)"))
    }

    /// The triggers of `audit_pending`, as `pg_get_triggerdef` prints them (schema names left out).
    static let pendingTriggers: [PGAuditTriggers.Trigger] = [
        .init(name: "audit_pending_guard",
              definition: "CREATE TRIGGER audit_pending_guard BEFORE INSERT OR DELETE OR UPDATE ON audit_pending FOR EACH ROW EXECUTE FUNCTION vssdesk_pending_guard()",
              function: "vssdesk_pending_guard"),
        .init(name: "audit_pending_no_truncate",
              definition: "CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending FOR EACH STATEMENT EXECUTE FUNCTION vssdesk_pending_guard()",
              function: "vssdesk_pending_guard"),
    ]

    /// A pending row names the role that writes it (an operator's psql cannot blame a colleague; the owner and
    /// superusers write for whoever acts, as the tests and the owner's own consoles do), and its time is a UTC time
    /// no later than tomorrow (a row dated 2099 would date every later row 2099, since the chain's times never go
    /// back). No row changes, and only the seal removes rows. Like every trigger and function of the audit trail,
    /// compared with the catalog by `audit verify` and every start (`PGAuditStore.triggerProblems`); a later
    /// migration that changes one first gives v3 a frozen copy of its text.
    static let pendingGuardSource = """

    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.operator IS DISTINCT FROM session_user::text
               AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = session_user AND rolsuper)
               AND session_user IS DISTINCT FROM (SELECT pg_catalog.pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = TG_RELID) THEN
                RAISE EXCEPTION 'audit: a row must name the operator who writes it' USING ERRCODE = '42501';
            END IF;
            IF NEW.at IS NULL OR NEW.at !~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$' THEN
                RAISE EXCEPTION 'audit: at must be a UTC time YYYY-MM-DDTHH:MM:SSZ' USING ERRCODE = 'P0001';
            END IF;
            IF NEW.at COLLATE "C" > pg_catalog.to_char((pg_catalog.clock_timestamp() + interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') COLLATE "C" THEN
                RAISE EXCEPTION 'audit: at must be no later than tomorrow' USING ERRCODE = '\(clockAheadState)';
            END IF;
            RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' AND pg_catalog.current_setting('vssdesk.sealing', true) = 'on' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END
    """

    /// Links the committed pending rows into the chain, oldest first, as SQLite's writer links one: the next id, a
    /// time not before the last row's, the last row's hash as prev_hash (the chain trigger checks each row again).
    /// Without `wait`, returns -1 at once when another console is sealing. Each DELETE takes a new snapshot (READ
    /// COMMITTED, which every desk connection sets, and a VOLATILE function), so a round sees every row committed
    /// before it, and the rows a round deletes are exactly the rows it links; a few rounds catch the rows committed
    /// while the first was being linked. Rows committed after the last round wait for the next seal.
    static let sealSource = """

    DECLARE
        last_id BIGINT; last_at TEXT; last_hash TEXT; batch audit_pending[]; r audit_pending; new_at TEXT;
        sealed INTEGER := 0;
    BEGIN
        IF wait THEN
            PERFORM pg_advisory_xact_lock(\(auditLockKey));
        ELSIF NOT pg_try_advisory_xact_lock(\(auditLockKey)) THEN
            RETURN -1;
        END IF;
        SELECT id, at, hash INTO last_id, last_at, last_hash FROM audit ORDER BY id DESC LIMIT 1;
        last_id := coalesce(last_id, 0);
        last_hash := coalesce(last_hash, '\(genesis)');
        PERFORM set_config('vssdesk.sealing', 'on', true);
        FOR attempt IN 1..3 LOOP
            WITH moved AS (DELETE FROM audit_pending WHERE seq > 0 RETURNING *)
            SELECT array_agg((m.seq, m.at, m.operator, m.action, m.target, m.detail, m.ticket_id)::audit_pending ORDER BY m.seq)
            INTO batch FROM moved m;
            EXIT WHEN batch IS NULL;
            FOREACH r IN ARRAY batch LOOP
                new_at := CASE WHEN last_at COLLATE "C" > r.at COLLATE "C" THEN last_at ELSE r.at END;
                INSERT INTO audit(id, at, operator, action, target, detail, ticket_id, prev_hash, hash)
                VALUES (last_id + 1, new_at, r.operator, r.action, r.target, r.detail, r.ticket_id, last_hash,
                        encode(sha256(vssdesk_chain_field(last_hash) || vssdesk_chain_field((last_id + 1)::text)
                                      || vssdesk_chain_field(new_at) || vssdesk_chain_field(r.operator)
                                      || vssdesk_chain_field(r.action) || vssdesk_chain_field(r.target)
                                      || vssdesk_chain_field(r.detail) || vssdesk_chain_field(r.ticket_id::text)), 'hex'))
                RETURNING id, at, hash INTO last_id, last_at, last_hash;
                sealed := sealed + 1;
            END LOOP;
        END LOOP;
        PERFORM set_config('vssdesk.sealing', 'off', true);
        RETURN sealed;
    END
    """
}
