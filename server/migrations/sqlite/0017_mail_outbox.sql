-- E-mail notifications (see app::domain::mail). A mail is a row written in the same
-- transaction as the ticket event that causes it, so an event is never recorded without its
-- mails nor a mail queued for an event that rolled back. The row keeps the facts, not the text:
-- the sender renders it with the portal's public URL when it goes out.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    recipient_id    INTEGER NOT NULL REFERENCES users (id),
    recipient       TEXT NOT NULL,
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    ticket_number   TEXT NOT NULL,
    ticket_title    TEXT NOT NULL,
    requester_name  TEXT NOT NULL,
    detail          TEXT NOT NULL,
    -- Mails with the same key go out together as one digest (approval requests per approver).
    digest_key      TEXT,
    created_at      TEXT NOT NULL,
    -- pending → sending → sent | failed | uncertain; back to pending to retry.
    state           TEXT NOT NULL DEFAULT 'pending',
    next_attempt_at TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claim_token     TEXT,
    claimed_by      TEXT,
    claimed_at      TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_digest ON mail_outbox (digest_key, state);
CREATE INDEX mail_outbox_claim ON mail_outbox (claim_token);
CREATE INDEX mail_outbox_recent ON mail_outbox (created_at);

-- The kinds of mail a person turned off in their settings (approval requests cannot be).
CREATE TABLE mail_opt_outs (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind    TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);
