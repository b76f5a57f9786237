/// Schema migrations, applied in order and recorded in `PRAGMA user_version`.
/// A migration never changes once shipped: add a new one instead.
enum Migrations {
    static let all: [String] = [
        // 1: the walking skeleton's schema.
        """
        CREATE TABLE feeds (
            id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
            url           TEXT NOT NULL,               -- as configured
            moved_to      TEXT,                        -- after a permanent redirect (301/308)
            etag          TEXT,
            last_modified TEXT,
            last_attempt  INTEGER,
            last_success  INTEGER,
            last_status   INTEGER,                     -- the last HTTP status, if any
            last_error    TEXT,
            failures      INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
            next_poll     INTEGER,                     -- NULL: due now
            fresh_for     INTEGER,                     -- max-age or <ttl> of the last full answer, seconds
            last_new_item INTEGER
        ) STRICT;

        -- Every item ever seen, so none is processed twice. Text is kept only for items
        -- that mention the school or staff, and only as long as retention allows.
        CREATE TABLE items (
            id           INTEGER PRIMARY KEY,
            feed_id      TEXT NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            identity     TEXT NOT NULL CHECK (length(identity) = 64),  -- SHA-256 of the item's identity
            fetched_at   INTEGER NOT NULL,
            published_at INTEGER,
            title        TEXT,
            link         TEXT,
            author       TEXT,
            mentioned    INTEGER NOT NULL DEFAULT 0 CHECK (mentioned IN (0, 1)),
            flagged      INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
            UNIQUE (feed_id, identity)
        ) STRICT;
        CREATE INDEX items_fetched ON items(fetched_at) WHERE mentioned = 1;
        CREATE INDEX items_feed_fetched ON items(feed_id, fetched_at);

        CREATE TABLE mentions (
            item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            entity   TEXT NOT NULL,
            surface  TEXT NOT NULL,
            start    INTEGER NOT NULL CHECK (start >= 0),
            "end"    INTEGER NOT NULL CHECK ("end" >= start),
            rule     TEXT NOT NULL
        ) STRICT;
        CREATE INDEX mentions_item ON mentions(item_id);

        CREATE TABLE findings (
            item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
            evidence TEXT NOT NULL,  -- the triggering words, one a line
            PRIMARY KEY (item_id, category)
        ) STRICT;

        -- Evidence of flagged items only: the entry (in UTF-8; byte for byte as fetched when the feed is UTF-8),
        -- where and when, and hashes of the entry and of the whole response as fetched.
        CREATE TABLE evidence (
            item_id       INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            url           TEXT NOT NULL,
            fetched_at    INTEGER NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            raw           BLOB NOT NULL,
            sha256        TEXT NOT NULL CHECK (length(sha256) = 64),    -- of raw
            document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64),  -- of the whole response as fetched
            text          TEXT NOT NULL,
            has_media     INTEGER NOT NULL CHECK (has_media IN (0, 1))
        ) STRICT;

        -- The outbox: an alert is sent when sent_at is set, and only then.
        CREATE TABLE alerts (
            item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            track      TEXT NOT NULL CHECK (track IN ('A', 'B', 'staff', 'none')),
            created_at INTEGER NOT NULL,
            sent_at    INTEGER,
            attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            last_error TEXT
        ) STRICT;
        CREATE INDEX alerts_unsent ON alerts(item_id) WHERE sent_at IS NULL;

        -- Digests sent, one a day: a missed one is sent after a restart, never twice.
        CREATE TABLE digests (
            day     TEXT PRIMARY KEY NOT NULL CHECK (length(day) = 10),
            sent_at INTEGER NOT NULL
        ) STRICT;
        """,
        // 2: the classifier's Dutch explanation of each finding (issue 6).
        """
        ALTER TABLE findings ADD COLUMN explanation TEXT NOT NULL DEFAULT '';
        """,
        // 3: evidence as a JSON array of {"text", "start", "end"} (see StoredEvidence), so a piece may hold a
        // newline and keeps its place in the text. Older rows were one piece a line, without places.
        """
        CREATE TABLE findings_v3 (
            item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            category    TEXT NOT NULL,
            severity    TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
            evidence    TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
            explanation TEXT NOT NULL,
            PRIMARY KEY (item_id, category)
        ) STRICT;
        INSERT INTO findings_v3 (item_id, category, severity, evidence, explanation)
        SELECT item_id, category, severity,
               -- The old text split on every newline; the old reader skipped empty lines too.
               (WITH RECURSIVE line(text, rest) AS (
                    SELECT NULL, evidence || char(10)
                    UNION ALL
                    SELECT substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1) FROM line WHERE rest != ''
                )
                SELECT json_group_array(json_object('text', text)) FROM line WHERE text != ''),
               explanation
        FROM findings;
        DROP TABLE findings;
        ALTER TABLE findings_v3 RENAME TO findings;
        """,
        // 4: the review tier (issue 13): the tier each item was given, and the items "te beoordelen" with the
        // model's score and words and the coordinator's decision. Older items have no tier (NULL); flagged = 1 was an alert.
        """
        ALTER TABLE items ADD COLUMN tier TEXT CHECK (tier IN ('alert', 'review', 'none'));

        -- An item in the review tier: the model suspects a breach aimed at a target, not surely enough to alarm
        -- the MT. It is listed in the coordinator's digest until someone decides: promoted (an alert after all:
        -- its row in alerts is made then, once, as the primary key there allows) or dismissed.
        CREATE TABLE reviews (
            item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            score      REAL NOT NULL CHECK (score BETWEEN 0 AND 1),  -- the model's belief that decided the tier
            words      TEXT NOT NULL CHECK (json_valid(words) AND json_type(words) = 'array'),  -- that weighed most
            track      TEXT NOT NULL CHECK (track IN ('A', 'B', 'staff', 'none')),  -- the alert's, when promoted
            created_at INTEGER NOT NULL,
            decision   TEXT CHECK (decision IN ('promoted', 'dismissed')),
            decided_by TEXT CHECK (decided_by IS NULL OR length(decided_by) > 0),
            decided_at INTEGER,
            note       TEXT,
            CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL))
        ) STRICT;
        CREATE INDEX reviews_open ON reviews(item_id) WHERE decision IS NULL;
        """,
        // 5: cases (issue 14). A case is what the MT and the coordinator work on: for now one per alert. Its
        // number is its first alert's item id, so the MW-000042 in a mail sent before stays the case's number.
        // The audit trail is append-only and outlives the case: retention may purge a case, never its history.
        """
        CREATE TABLE cases (
            id         INTEGER PRIMARY KEY,  -- the item id of its first alert
            state      TEXT NOT NULL CHECK (state IN ('nieuw', 'in behandeling', 'afgehandeld', 'vals alarm')),
            taken_by   TEXT CHECK (taken_by IS NULL OR length(taken_by) > 0),
            reason     TEXT CHECK (reason IS NULL OR reason IN ('quote', 'news', 'sport', 'wrong-person', 'other')),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            subject    TEXT,  -- whom the case is about ("staff-03", "school"): alerts about them within the window join it
            CHECK ((state = 'vals alarm') = (reason IS NOT NULL))
        ) STRICT;
        CREATE TABLE case_items (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX case_items_case ON case_items(case_id);
        CREATE TABLE case_events (
            id      INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL,  -- no reference: the history stays when a case is purged
            at      INTEGER NOT NULL,
            by      TEXT NOT NULL CHECK (length(by) > 0),
            action  TEXT NOT NULL CHECK (action IN ('opened', 'added', 'take', 'close', 'false-alarm', 'purged')),
            state   TEXT NOT NULL,  -- the state after the change
            note    TEXT
        ) STRICT;
        CREATE INDEX case_events_case ON case_events(case_id, id);
        CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
        CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

        INSERT INTO cases (id, state, created_at, updated_at) SELECT item_id, 'nieuw', created_at, created_at FROM alerts;
        INSERT INTO case_items (item_id, case_id) SELECT item_id, item_id FROM alerts;
        INSERT INTO case_events (case_id, at, by, action, state, note)
            SELECT item_id, created_at, 'mentionwatch', 'opened', 'nieuw', 'bij de upgrade naar zaken' FROM alerts;
        """,
        // 6: the whole response an alert or review item came in, once per response (issue 14: the dossier
        // hands it on, and evidence.document_sha256 names it). Responses of older evidence were not kept.
        """
        CREATE TABLE documents (
            sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
            body       BLOB NOT NULL,
            url        TEXT NOT NULL,
            fetched_at INTEGER NOT NULL
        ) STRICT;
        """,
        // 7: what each recipient said to a mail (issue 15, SMTP answers per recipient): a retry goes only to
        // those not done, and a mail is done once each recipient accepted or refused it for good.
        """
        CREATE TABLE mail_recipients (
            message_key TEXT NOT NULL,
            recipient   TEXT NOT NULL,
            outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
            at          INTEGER NOT NULL,
            detail      TEXT,
            PRIMARY KEY (message_key, recipient)
        ) STRICT;
        """,
        // 8: when the poll in flight began (issue 15): set before the fetch, cleared when the poll is recorded,
        // so a start after a kill knows which polls the process died in.
        """
        ALTER TABLE feeds ADD COLUMN poll_started INTEGER;
        """,
    ]

    static func apply(to database: SQLiteDatabase) throws {
        let current = try version(of: database)
        guard current <= all.count else {
            throw SQLiteError(
                code: 1,
                message: "the database has schema version \(current), newer than this mentionwatch knows (\(all.count))"
            )
        }
        for (index, sql) in all.enumerated().dropFirst(current) {
            try database.transaction {
                try database.execute(sql)
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    static func version(of database: SQLiteDatabase) throws(SQLiteError) -> Int {
        try database.query("PRAGMA user_version").first?["user_version"].int ?? 0
    }
}
