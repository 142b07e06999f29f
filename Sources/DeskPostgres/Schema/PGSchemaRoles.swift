/// SPEC §12's ladder, enforced by the server itself (SPEC §15): three group roles, each including the one before,
/// and GRANTs that give each no more than its commands need. Every operator connects as a login role of their own
/// (peer authentication on the server, SCRAM elsewhere) that is a member of the group of their desk role; the
/// tables belong to whoever ran `init` (the database's owner), never to a desk role, so no desk role can drop a
/// protecting trigger. Two narrow rights go through functions that run with their owner's rights: writing a
/// temporary password's hash (no desk role may read `credentials`) and making an operator's login role.
extension PGSchema {
    static let v2Roles = """
    DO $$
    BEGIN
        BEGIN CREATE ROLE vssdesk_operator NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END;
        BEGIN CREATE ROLE vssdesk_supervisor NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END;
        BEGIN CREATE ROLE vssdesk_admin NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END;
        EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO vssdesk_operator', current_database());
        -- The groups are the cluster's: another database's init may be granting the same at this moment.
        FOR attempt IN 1..20 LOOP
            BEGIN
                GRANT vssdesk_operator TO vssdesk_supervisor;
                GRANT vssdesk_supervisor TO vssdesk_admin;
                EXIT;
            EXCEPTION WHEN internal_error OR unique_violation THEN
                IF attempt = 20 THEN RAISE; END IF;
                PERFORM pg_sleep(0.05 * attempt);
            END;
        END LOOP;
    END $$;

    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC;
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO vssdesk_operator;

    -- Operators: read the desk (never credentials), take calls, log tickets, resend, append to the audit trail.
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO vssdesk_operator;
    REVOKE SELECT ON credentials FROM vssdesk_operator;
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO vssdesk_operator;
    GRANT INSERT ON audit, registration_events, tickets, ticket_notes, sms_outbox TO vssdesk_operator;
    GRANT INSERT, UPDATE, DELETE ON open_calls TO vssdesk_operator;
    -- A repeat call folded into the first: its notes move there and the empty ticket goes.
    GRANT DELETE ON tickets TO vssdesk_operator;
    GRANT UPDATE ON tickets, sms_outbox TO vssdesk_operator;
    GRANT UPDATE (ticket_id) ON ticket_notes TO vssdesk_operator;
    GRANT UPDATE (status, sms_status, reject_reason, status_changed_at, credentials_sent_at) ON registrations TO vssdesk_operator;
    GRANT EXECUTE ON FUNCTION vssdesk_save_credential(TEXT, TEXT, TEXT, TEXT, TEXT) TO vssdesk_operator;
    -- The name index's generated column is computed by the writer's role.
    GRANT EXECUTE ON FUNCTION vssdesk_name_lexemes(TEXT, TEXT) TO vssdesk_operator;

    -- Supervisors: also imports and bulk fixes (registrations, the extract, the name-word tables).
    GRANT INSERT, UPDATE ON registrations, insured, name_terms, heard_terms TO vssdesk_supervisor;

    -- Admins: also operators, settings and the knowledge base.
    GRANT INSERT, UPDATE ON operators TO vssdesk_admin;
    GRANT INSERT, UPDATE, DELETE ON config, kb_articles TO vssdesk_admin;

    /* `operator add|disable` on a server: the operator's login role, a member of exactly the group of their desk
       role (none when disabled, and no login). Runs with the owner's CREATEROLE; takes the login away only from a role it
       made itself, so a desk admin can lock out nobody but desk operators. */
    CREATE FUNCTION vssdesk_sync_role(login_ TEXT, role_ TEXT, active_ BOOLEAN)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET client_min_messages = error AS $$
    DECLARE
        made_here BOOLEAN;
    BEGIN
        IF role_ NOT IN ('operator', 'supervisor', 'admin') THEN
            RAISE EXCEPTION 'vssdesk: unknown desk role %', role_ USING ERRCODE = '22023';
        END IF;
        IF left(login_, 8) = 'vssdesk_' THEN
            RAISE EXCEPTION 'vssdesk: % is a group role, not an operator', login_ USING ERRCODE = '42501';
        END IF;
        -- Roles belong to the whole cluster: another database's desk may be making or changing the same login at
        -- this moment ("already exists", "tuple concurrently updated"); the steps are idempotent, so try again.
        FOR attempt IN 1..20 LOOP
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login_) THEN
                    EXECUTE format('CREATE ROLE %I LOGIN', login_);
                    EXECUTE format('COMMENT ON ROLE %I IS %L', login_, 'vssdesk operator');
                END IF;
                EXECUTE format('REVOKE vssdesk_operator, vssdesk_supervisor, vssdesk_admin FROM %I', login_);
                IF active_ THEN
                    EXECUTE format('GRANT %I TO %I', 'vssdesk_' || role_, login_);
                END IF;
                -- Only a role this function made may lose its login: never a superuser's, the owner's or another program's.
                SELECT shobj_description(oid, 'pg_authid') = 'vssdesk operator' INTO made_here FROM pg_roles WHERE rolname = login_;
                IF made_here THEN
                    EXECUTE format('ALTER ROLE %I %s', login_, CASE WHEN active_ THEN 'LOGIN' ELSE 'NOLOGIN' END);
                END IF;
                EXIT;
            EXCEPTION WHEN duplicate_object OR unique_violation OR internal_error THEN
                IF attempt = 20 THEN RAISE; END IF;
                PERFORM pg_sleep(0.05 * attempt);
            END;
        END LOOP;
    END $$;
    REVOKE ALL ON FUNCTION vssdesk_sync_role(TEXT, TEXT, BOOLEAN) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION vssdesk_sync_role(TEXT, TEXT, BOOLEAN) TO vssdesk_admin;
    """
}
