-- The PostgreSQL twin of migrations/sqlite/0035_change_settings.sql: the risk questionnaire and
-- the change policy's revision, one named row each.
CREATE TABLE change_settings (
    name       TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    revision   BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
