-- The PostgreSQL twin of migrations/sqlite/0013_record_revisions.sql.
ALTER TABLE users ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE stores ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE assets ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
