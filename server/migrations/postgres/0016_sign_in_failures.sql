-- The PostgreSQL twin of migrations/sqlite/0016_sign_in_failures.sql.
CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ
);
