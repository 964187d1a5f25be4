-- The service desk: priorities and SLA clocks on tickets, assignment groups and assignees,
-- audit fields on events, pauses, SLA alerts, notifications, satisfaction.

-- Which assignment groups an agent works in. Agents see the tickets of their groups only.
CREATE TABLE user_groups (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    group_name TEXT NOT NULL,
    PRIMARY KEY (user_id, group_name)
);
CREATE INDEX user_groups_group ON user_groups (group_name);

-- A store may name its own business calendar (service-levels file); NULL takes the default.
ALTER TABLE stores ADD COLUMN calendar TEXT;

-- Bumped by every change: the compare-and-set that keeps two agents from overwriting each other.
ALTER TABLE tickets ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN priority TEXT NOT NULL DEFAULT 'P4';
ALTER TABLE tickets ADD COLUMN impact TEXT;
ALTER TABLE tickets ADD COLUMN urgency TEXT;
ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN store_code TEXT;
ALTER TABLE tickets ADD COLUMN asset_tag TEXT;
ALTER TABLE tickets ADD COLUMN assignment_group TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN assignee_id INTEGER REFERENCES users (id);
-- The SLA as decided at creation (calendar and targets), so a later change of the service
-- levels file never moves the goalposts of tickets already open.
ALTER TABLE tickets ADD COLUMN sla_calendar_json TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN response_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN resolution_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN responded_at TEXT;
ALTER TABLE tickets ADD COLUMN resolved_at TEXT;
-- Derived from the above and the pauses, rewritten on every change: what the queue sorts by
-- (next_due_at: the earlier unmet due time) and what the SLA job sweeps. NULL while the clock
-- is paused or its goal is met.
ALTER TABLE tickets ADD COLUMN response_due_at TEXT;
ALTER TABLE tickets ADD COLUMN resolution_due_at TEXT;
ALTER TABLE tickets ADD COLUMN next_due_at TEXT;
ALTER TABLE tickets ADD COLUMN response_warn_at TEXT;
ALTER TABLE tickets ADD COLUMN resolution_warn_at TEXT;
ALTER TABLE tickets ADD COLUMN resolution_code TEXT;
CREATE INDEX tickets_queue ON tickets (assignment_group, next_due_at);
CREATE INDEX tickets_assignee ON tickets (assignee_id, state);
-- The SLA job's sweeps, one per clock and level.
CREATE INDEX tickets_response_due ON tickets (response_due_at);
CREATE INDEX tickets_resolution_due ON tickets (resolution_due_at);
CREATE INDEX tickets_response_warn ON tickets (response_warn_at);
CREATE INDEX tickets_resolution_warn ON tickets (resolution_warn_at);

-- Audit: what an event changed, before and after (NULL for events that change no field).
ALTER TABLE ticket_events ADD COLUMN field TEXT;
ALTER TABLE ticket_events ADD COLUMN before_value TEXT;
ALTER TABLE ticket_events ADD COLUMN after_value TEXT;

-- Spans when the SLA clocks stood still (the ticket waited for the requester, or was resolved
-- until reopened). ended_at NULL: still paused.
CREATE TABLE sla_pauses (
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    started_at TEXT NOT NULL,
    ended_at   TEXT,
    PRIMARY KEY (ticket_id, started_at)
);

-- One row per warning or breach ever raised: the primary key makes the SLA job idempotent
-- across instances and overlapping runs.
CREATE TABLE sla_alerts (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    clock     TEXT NOT NULL,
    level     TEXT NOT NULL,
    due_at    TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    PRIMARY KEY (ticket_id, clock, level, due_at)
);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at    TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);

CREATE TABLE satisfaction (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
