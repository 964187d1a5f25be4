-- The PostgreSQL twin of migrations/sqlite/0014_assignment_groups.sql.
CREATE TABLE assignment_groups (
    name        TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    revision    BIGINT NOT NULL DEFAULT 1
);
