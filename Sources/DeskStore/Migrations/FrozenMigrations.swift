/// The released migrations, as literal SQL: frozen text that no helper, list or constant can change. A change to the
/// schema is a new migration appended to `Schema.migrations`, never an edit here. (v4 also runs a step, which
/// creates `Schema.auditTriggers`; a migration that changes those must first freeze v4's copy of them.)
extension Schema {
    static let v1 = """
    CREATE TABLE config (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE operators (
        login TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        line INTEGER CHECK (line BETWEEN 120 AND 129),
        role TEXT NOT NULL CHECK (role IN ('operator','supervisor','admin')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    );

    CREATE TABLE insured (
        id INTEGER PRIMARY KEY,
        bhxh_code TEXT NOT NULL UNIQUE CHECK (length(bhxh_code) = 10),
        full_name TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        dob TEXT, gender TEXT, id_number TEXT, phone TEXT, address TEXT, card_number TEXT, agency_code TEXT,
        synthetic INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX insured_id_number ON insured(id_number);
    CREATE INDEX insured_phone ON insured(phone);

    CREATE TABLE registrations (
        id INTEGER PRIMARY KEY,
        bhxh_code TEXT NOT NULL UNIQUE CHECK (length(bhxh_code) = 10),
        kind TEXT NOT NULL CHECK (kind IN ('self','child')),
        full_name TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        dob TEXT, gender TEXT, id_number TEXT, address TEXT, phone TEXT, email TEXT,
        parent_bhxh_code TEXT,
        agency_code TEXT,
        photo_portrait INTEGER NOT NULL DEFAULT 0,
        photo_id_front INTEGER NOT NULL DEFAULT 0,
        photo_id_back INTEGER NOT NULL DEFAULT 0,
        photo_birth_cert INTEGER NOT NULL DEFAULT 0,
        declaration_forwarded INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('submitted','approved','rejected','credentials_sent','active')),
        reject_reason TEXT,
        sms_status TEXT NOT NULL DEFAULT 'none' CHECK (sms_status IN ('none','queued','sent','failed')),
        submitted_at TEXT, status_changed_at TEXT, credentials_sent_at TEXT, last_login_at TEXT,
        synthetic INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX registrations_phone ON registrations(phone);
    CREATE INDEX registrations_id_number ON registrations(id_number);
    CREATE INDEX registrations_status ON registrations(status, submitted_at);
    CREATE INDEX registrations_agency ON registrations(agency_code);
    CREATE INDEX registrations_parent ON registrations(parent_bhxh_code);

    -- Name search: folded words (đ→d, no marks, lowercase ASCII) and the NFC name itself, so a query with
    -- diacritics can rank exact-diacritic matches first. External content: the text lives once, in the table.
    CREATE VIRTUAL TABLE registrations_fts USING fts5(
        name_folded, full_name, content='registrations', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3');
    CREATE TRIGGER registrations_fts_ai AFTER INSERT ON registrations BEGIN
        INSERT INTO registrations_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;
    CREATE TRIGGER registrations_fts_ad AFTER DELETE ON registrations BEGIN
        INSERT INTO registrations_fts(registrations_fts, rowid, name_folded, full_name)
        VALUES ('delete', old.id, old.name_folded, old.full_name);
    END;
    CREATE TRIGGER registrations_fts_au AFTER UPDATE OF name_folded, full_name ON registrations BEGIN
        INSERT INTO registrations_fts(registrations_fts, rowid, name_folded, full_name)
        VALUES ('delete', old.id, old.name_folded, old.full_name);
        INSERT INTO registrations_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;

    CREATE VIRTUAL TABLE insured_fts USING fts5(
        name_folded, full_name, content='insured', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3');
    CREATE TRIGGER insured_fts_ai AFTER INSERT ON insured BEGIN
        INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;
    CREATE TRIGGER insured_fts_ad AFTER DELETE ON insured BEGIN
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
        VALUES ('delete', old.id, old.name_folded, old.full_name);
    END;
    CREATE TRIGGER insured_fts_au AFTER UPDATE OF name_folded, full_name ON insured BEGIN
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
        VALUES ('delete', old.id, old.name_folded, old.full_name);
        INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;

    CREATE TABLE registration_events (
        id INTEGER PRIMARY KEY,
        bhxh_code TEXT NOT NULL REFERENCES registrations(bhxh_code),
        at TEXT NOT NULL,
        operator TEXT,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX registration_events_code ON registration_events(bhxh_code, at);
    CREATE TRIGGER registration_events_append_only_u BEFORE UPDATE ON registration_events
        BEGIN SELECT RAISE(ABORT, 'registration_events is append-only'); END;
    CREATE TRIGGER registration_events_append_only_d BEFORE DELETE ON registration_events
        BEGIN SELECT RAISE(ABORT, 'registration_events is append-only'); END;

    /* Only the keyed hash of a temporary password is kept, apart from the registration row. */
    CREATE TABLE credentials (
        bhxh_code TEXT PRIMARY KEY REFERENCES registrations(bhxh_code),
        salt TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );

    CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        opened_at TEXT NOT NULL,
        operator TEXT NOT NULL,
        line INTEGER NOT NULL CHECK (line BETWEEN 120 AND 129),
        caller_phone TEXT,
        caller_name TEXT,
        bhxh_code TEXT,
        category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('install','register','photos','agency','declaration','login','password','child','account','scam','other')),
        summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','resolved','closed')),
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
        first_response_at TEXT,
        resolved_at TEXT,
        closed_at TEXT,
        resolution TEXT,
        assigned_to TEXT,
        pending_since TEXT,
        paused_minutes INTEGER NOT NULL DEFAULT 0,
        synthetic INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX tickets_status ON tickets(status, opened_at);
    CREATE INDEX tickets_opened ON tickets(opened_at);
    CREATE INDEX tickets_caller ON tickets(caller_phone, opened_at);
    CREATE INDEX tickets_code ON tickets(bhxh_code, opened_at);
    CREATE INDEX tickets_operator ON tickets(operator, status);

    CREATE TABLE ticket_notes (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX ticket_notes_ticket ON ticket_notes(ticket_id, at);

    /* The call each operator has open, so a console that dies can offer to resume it. */
    CREATE TABLE open_calls (
        operator TEXT PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets(id),
        bhxh_code TEXT,
        started_at TEXT NOT NULL
    );

    CREATE TABLE sms_outbox (
        id INTEGER PRIMARY KEY,
        to_phone TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        next_attempt_at TEXT,
        bhxh_code TEXT,
        ticket_id INTEGER
    );
    CREATE INDEX sms_outbox_status ON sms_outbox(status, next_attempt_at);
    CREATE INDEX sms_outbox_code ON sms_outbox(bhxh_code, created_at);

    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT,
        ticket_id INTEGER
    );
    CREATE INDEX audit_target ON audit(target, action, at);
    CREATE INDEX audit_operator ON audit(operator, at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

    CREATE TABLE kb_articles (
        id TEXT PRIMARY KEY,
        rowid_ INTEGER UNIQUE,
        title TEXT NOT NULL,
        tags TEXT NOT NULL,
        rules TEXT NOT NULL,
        body TEXT NOT NULL,
        path TEXT NOT NULL,
        title_folded TEXT NOT NULL,
        tags_folded TEXT NOT NULL,
        body_folded TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE kb_fts USING fts5(title_folded, tags_folded, body_folded, tokenize='unicode61');
    """

    /// `name_terms` (see NameTermStore), filled from the words both name indexes already hold.
    static let v2 = """
    CREATE TABLE name_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE VIRTUAL TABLE temp.registrations_vocab USING fts5vocab(main, registrations_fts, row);
    CREATE VIRTUAL TABLE temp.insured_vocab USING fts5vocab(main, insured_fts, row);
    INSERT OR IGNORE INTO name_terms(term) SELECT term FROM temp.registrations_vocab;
    INSERT OR IGNORE INTO name_terms(term) SELECT term FROM temp.insured_vocab;
    DROP TABLE temp.registrations_vocab;
    DROP TABLE temp.insured_vocab;
    """

    /// `insured_fts` indexes only the people of the extract who have no registration: they are the ones a name
    /// search adds from the extract, about one in twenty, so that search stops walking the whole extract's doclists
    /// (it was half the time of a search for an uncommon name). Kept so by triggers on both tables; FTS5's
    /// `integrity-check` against the content table will report the registered people as missing, by design.
    static let v3 = """
    DROP TRIGGER insured_fts_ai;
    DROP TRIGGER insured_fts_ad;
    DROP TRIGGER insured_fts_au;
    INSERT INTO insured_fts(insured_fts) VALUES ('delete-all');
    INSERT INTO insured_fts(rowid, name_folded, full_name)
        SELECT id, name_folded, full_name FROM insured i
        WHERE NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = i.bhxh_code);
    CREATE TRIGGER insured_fts_ai AFTER INSERT ON insured WHEN NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = new.bhxh_code) BEGIN
        INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;
    CREATE TRIGGER insured_fts_ad AFTER DELETE ON insured WHEN NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = old.bhxh_code) BEGIN
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name) VALUES ('delete', old.id, old.name_folded, old.full_name);
    END;
    CREATE TRIGGER insured_fts_au AFTER UPDATE OF name_folded, full_name ON insured WHEN NOT EXISTS (SELECT 1 FROM registrations r WHERE r.bhxh_code = old.bhxh_code) BEGIN
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name) VALUES ('delete', old.id, old.name_folded, old.full_name);
        INSERT INTO insured_fts(rowid, name_folded, full_name) VALUES (new.id, new.name_folded, new.full_name);
    END;
    CREATE TRIGGER registrations_insured_ai AFTER INSERT ON registrations BEGIN
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
        SELECT 'delete', i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = new.bhxh_code;
    END;
    CREATE TRIGGER registrations_insured_ad AFTER DELETE ON registrations BEGIN
        INSERT INTO insured_fts(rowid, name_folded, full_name)
        SELECT i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = old.bhxh_code;
    END;
    CREATE TRIGGER registrations_insured_au AFTER UPDATE OF bhxh_code ON registrations WHEN old.bhxh_code <> new.bhxh_code BEGIN
        INSERT INTO insured_fts(rowid, name_folded, full_name)
        SELECT i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = old.bhxh_code;
        INSERT INTO insured_fts(insured_fts, rowid, name_folded, full_name)
        SELECT 'delete', i.id, i.name_folded, i.full_name FROM insured i WHERE i.bhxh_code = new.bhxh_code;
    END;
    """

    /// The audit trail becomes a hash chain (see AuditChain): the columns are added here, the rows already there are
    /// chained in id order by the migration's step (with v1's triggers out of the way inside the transaction), which
    /// then creates `auditTriggers`.
    static let v4 = """
    ALTER TABLE audit ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit ADD COLUMN hash TEXT;
    DROP TRIGGER audit_no_update;
    DROP TRIGGER audit_no_delete;
    """

    /// A queued message a newer resend replaces becomes `superseded` (SPEC §6). SQLite cannot alter a CHECK
    /// constraint, so the table is rebuilt the way https://sqlite.org/lang_altertable.html#otheralter describes
    /// (nothing references it, so the foreign-key steps are not needed).
    static let v5 = """
    CREATE TABLE sms_outbox_v5 (
        id INTEGER PRIMARY KEY,
        to_phone TEXT NOT NULL,
        body TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed','superseded')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        next_attempt_at TEXT,
        bhxh_code TEXT,
        ticket_id INTEGER
    );
    INSERT INTO sms_outbox_v5(id, to_phone, body, status, attempts, last_error, created_at, sent_at, next_attempt_at, bhxh_code, ticket_id)
        SELECT id, to_phone, body, status, attempts, last_error, created_at, sent_at, next_attempt_at, bhxh_code, ticket_id FROM sms_outbox;
    DROP TABLE sms_outbox;
    ALTER TABLE sms_outbox_v5 RENAME TO sms_outbox;
    CREATE INDEX sms_outbox_status ON sms_outbox(status, next_attempt_at);
    CREATE INDEX sms_outbox_code ON sms_outbox(bhxh_code, created_at);
    """

    /// Heard keys of every folded name word (HeardName: Southern merges and one-slip keys), so the third match tier
    /// is an index lookup too. `t:WORD` marks a word already keyed.
    static let v6 = """
        CREATE TABLE heard_terms (key TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (key, term)) WITHOUT ROWID;
        """
}
