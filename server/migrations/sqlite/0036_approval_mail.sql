-- Mail for change approvers and approval reminders (issue 22).
--
-- The outbox held mails about tickets only (`ticket_id NOT NULL`); a change's approvers are
-- mailed too now, so a row names a ticket or a change. SQLite cannot drop a NOT NULL, so the
-- table is built again with the same columns and indexes, and its rows copied.
CREATE TABLE mail_outbox_next (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    recipient_id    INTEGER NOT NULL REFERENCES users (id),
    recipient       TEXT NOT NULL,
    ticket_id       INTEGER REFERENCES tickets (id),
    change_id       INTEGER REFERENCES changes (id),
    ticket_number   TEXT NOT NULL,
    ticket_title    TEXT NOT NULL,
    requester_name  TEXT NOT NULL,
    detail          TEXT NOT NULL,
    digest_key      TEXT,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending',
    next_attempt_at TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claim_token     TEXT,
    claimed_by      TEXT,
    claimed_at      TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
INSERT INTO mail_outbox_next (id, kind, recipient_id, recipient, ticket_id, ticket_number,
    ticket_title, requester_name, detail, digest_key, created_at, state, next_attempt_at,
    attempts, claim_token, claimed_by, claimed_at, sent_at, last_error)
SELECT id, kind, recipient_id, recipient, ticket_id, ticket_number, ticket_title,
    requester_name, detail, digest_key, created_at, state, next_attempt_at, attempts,
    claim_token, claimed_by, claimed_at, sent_at, last_error
FROM mail_outbox;
DROP TABLE mail_outbox;
ALTER TABLE mail_outbox_next RENAME TO mail_outbox;
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_digest ON mail_outbox (digest_key, state);
CREATE INDEX mail_outbox_claim ON mail_outbox (claim_token);
CREATE INDEX mail_outbox_recent ON mail_outbox (created_at);

-- Since when each approver has been waited for, and when they were last reminded: the
-- reminder job mails whoever was last nudged (asked or reminded) longer ago than its interval.
ALTER TABLE approval_waiting ADD COLUMN waiting_since TEXT;
ALTER TABLE approval_waiting ADD COLUMN reminded_at TEXT;
