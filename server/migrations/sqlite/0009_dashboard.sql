-- The service manager's dashboard: figures are aggregate queries over the ticket table, so
-- what they need is kept on the ticket when it happens rather than recomputed per report.

-- Business minutes the clock ran until its goal was reached, pauses excluded (the same
-- count the SLA judges by): NULL until the ticket is answered / resolved, and the resolution
-- figure NULL again while a reopened ticket is being worked. Breached = used > target.
ALTER TABLE tickets ADD COLUMN response_used_minutes INTEGER;
ALTER TABLE tickets ADD COLUMN resolution_used_minutes INTEGER;
-- How often the requester reopened it; the reopen rate counts a ticket once however often.
ALTER TABLE tickets ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;

-- Each figure reads one period of one timestamp. The indexes also carry what the manager's
-- unfiltered figures read, so a year of tickets is counted from the index alone (measured
-- with 100,000 tickets: resolution figures 135 -> 37 ms on SQLite).
CREATE INDEX tickets_created ON tickets (created_at, kind, store_code, asset_tag);
CREATE INDEX tickets_responded ON tickets (responded_at, response_used_minutes, response_minutes)
    WHERE responded_at IS NOT NULL;
CREATE INDEX tickets_resolved
    ON tickets (resolved_at, state, resolution_used_minutes, resolution_minutes, reopen_count)
    WHERE resolved_at IS NOT NULL;
CREATE INDEX satisfaction_created ON satisfaction (created_at);
-- The backlog (open states, by age) without reading the tickets themselves.
CREATE INDEX tickets_state_created ON tickets (state, created_at);
-- The deflection funnel over a period, read from the index alone.
CREATE INDEX deflection_events_period ON deflection_events (created_at, kind, funnel, article_slug);

-- Knowledge searches as people typed them (server search, or reported by the browser when it
-- searched its offline copy), for "searches that find nothing". No user id: what was asked
-- and how many answers it got is all the report needs.
CREATE TABLE search_log (
    id         INTEGER PRIMARY KEY,
    query      TEXT NOT NULL,
    results    INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX search_log_created ON search_log (created_at);
