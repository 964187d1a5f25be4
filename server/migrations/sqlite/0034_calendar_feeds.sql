-- A person's change calendar feed (issue 22): calendar apps fetch `/calendar.ics?token=…`
-- without a session, so the token is the key. Only its hash is kept (as for sessions and
-- password links); one feed per person, replaced when they make a new link.
CREATE TABLE calendar_feeds (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
