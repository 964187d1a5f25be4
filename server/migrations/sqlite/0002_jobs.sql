-- Periodic work runs once across all server instances: an instance runs a job for a time slot
-- only if its INSERT of (job, slot) is the one that lands. The same table guards the one-off
-- demo-data load, so two instances starting on an empty database do not both seed it.
CREATE TABLE job_runs (
    job        TEXT NOT NULL,
    slot       INTEGER NOT NULL,
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (job, slot)
);
CREATE INDEX job_runs_claimed_at ON job_runs (claimed_at);

-- The author of what Deskfront does by itself (auto-close, later SLA breaches). The password hash
-- is not a valid hash, so nobody can sign in as it.
INSERT INTO users (email, name, role, password_hash) VALUES ('system@deskfront.invalid', 'Deskfront', 'system', '!');
CREATE INDEX tickets_state ON tickets (state, updated_at);
CREATE INDEX sessions_expires ON sessions (expires_at);
