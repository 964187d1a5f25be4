-- The PostgreSQL twin of migrations/sqlite/0034_calendar_feeds.sql: a person's change calendar
-- feed, by its token's hash.
CREATE TABLE calendar_feeds (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
