/// v3: consoles no longer link their own audit rows into the chain one at a time. A console writes its row to
/// `audit_pending` inside its own transaction, without any lock, and then asks the server to seal
/// (`vssdesk_audit_seal`): whichever console gets the chain's lock first links every committed pending row into
/// `audit` in one go, in the order they were written; the others do not wait, since their rows are sealed by that
/// console or the next. With one lock taken per row, fifty consoles queued behind each other's round trips and
/// commits (note p99 79 ms at 50 processes, BENCHMARKS.md); with sealing in batches they do not queue at all.
///
/// The hash is `DeskStore.AuditChain`'s, byte for byte: each field NULL as 0x00, a value as 0x01, its UTF-8 length
/// in four bytes big-endian, the bytes. `audit verify` recomputes it in Swift, so a server hashing otherwise fails
/// the very next verification (and the tests that walk the chain after every kind of action).
///
/// Desk roles may only add pending rows: the chain itself is written by the seal, which runs with the owner's
/// rights; no desk role may change or remove a pending row, and every read of the trail seals first.
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

    -- A row names the role that writes it: an operator's psql cannot blame a colleague. The owner and superusers
    -- (a console started by root with --as, the owner's own consoles, tests) write for whoever acts.
    CREATE FUNCTION vssdesk_pending_author() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.operator IS DISTINCT FROM session_user::text
           AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
           AND session_user::text IS DISTINCT FROM (SELECT pg_get_userbyid(relowner)::text FROM pg_class WHERE oid = 'audit_pending'::regclass) THEN
            RAISE EXCEPTION 'audit: a row must name the operator who writes it' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER audit_pending_author BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION vssdesk_pending_author();
    ALTER TABLE audit_pending ENABLE ALWAYS TRIGGER audit_pending_author;

    CREATE FUNCTION vssdesk_chain_field(value TEXT) RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN value IS NULL THEN decode('00', 'hex')
                    ELSE decode('01', 'hex') || int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') END
    $$;

    /* Links the committed pending rows into the chain, oldest first, as SQLite's writer links one: the next id, a
       time not before the last row's, the last row's hash as prev_hash (the chain trigger checks each row again).
       Without `wait`, returns -1 at once when another console is sealing. Each DELETE takes a new snapshot (READ
       COMMITTED, a VOLATILE function), so a round sees every row committed before it; a few rounds catch the rows
       committed while the first was being linked. The rows a round deletes are exactly the rows it links. */
    CREATE FUNCTION vssdesk_audit_seal(wait BOOLEAN) RETURNS INTEGER
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$\(sealSource)$$;

    REVOKE ALL ON audit_pending FROM PUBLIC;
    REVOKE ALL ON FUNCTION vssdesk_chain_field(TEXT) FROM PUBLIC;
    REVOKE ALL ON FUNCTION vssdesk_audit_seal(BOOLEAN) FROM PUBLIC;
    GRANT INSERT ON audit_pending TO vssdesk_operator;
    GRANT USAGE ON SEQUENCE audit_pending_seq_seq TO vssdesk_operator;
    GRANT EXECUTE ON FUNCTION vssdesk_audit_seal(BOOLEAN) TO vssdesk_operator;
    -- The chain is written by the seal alone; `migrate --to` (an admin) copies a desk's chain as it is.
    REVOKE INSERT ON audit FROM vssdesk_operator;
    GRANT INSERT ON audit TO vssdesk_admin;
    """

    /// The seal's PL/pgSQL source, exactly as `pg_proc.prosrc` keeps it: `audit verify` and every start compare the
    /// catalog with it (`PGAuditStore.triggerProblems`), since a seal that dropped rows instead of linking them would
    /// otherwise go unseen. A later migration that changes it first gives v3 a frozen copy of this text.
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
        FOR attempt IN 1..3 LOOP
            WITH moved AS (DELETE FROM audit_pending RETURNING *)
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
        RETURN sealed;
    END
    """
}
