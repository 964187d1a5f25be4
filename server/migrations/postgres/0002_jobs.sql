-- The PostgreSQL twin of migrations/sqlite/0002_jobs.sql: one claim per (job, slot) across all
-- instances, and the system user that authors automatic changes.
CREATE TABLE job_runs (
    job        TEXT NOT NULL,
    slot       BIGINT NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (job, slot)
);
CREATE INDEX job_runs_claimed_at ON job_runs (claimed_at);

INSERT INTO users (email, name, role, password_hash) VALUES ('system@deskfront.invalid', 'Deskfront', 'system', '!');
