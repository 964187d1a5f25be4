-- The dashboard's opened and resolved tickets per day (issue 19). Over a year of 100,000
-- tickets each daily series was a pass over every ticket's index entry (30 ms of CPU each on
-- SQLite, 70-80 ms while the page's other figures ran beside them). These rows count the same
-- tickets per UTC day and per value of every filter the dashboard offers except the device,
-- which asks the tickets themselves. Triggers keep them current whichever way a ticket is
-- written (a submission, the desk, the demo history, a hand-run statement).

-- A ticket counts as opened on the day it was created, and as resolved on the day of
-- `resolved_at` while it is resolved or closed (the `Resolved` set of app::domain::report).
-- `store_code` is '' for a ticket that names no store: a key column cannot be NULL.
CREATE TABLE ticket_days (
    day              TEXT NOT NULL,
    kind             TEXT NOT NULL,
    store_code       TEXT NOT NULL,
    category         TEXT NOT NULL,
    assignment_group TEXT NOT NULL,
    priority         TEXT NOT NULL,
    opened           INTEGER NOT NULL,
    resolved         INTEGER NOT NULL,
    PRIMARY KEY (day, kind, store_code, category, assignment_group, priority)
) WITHOUT ROWID;

INSERT INTO ticket_days
SELECT day, kind, store_code, category, assignment_group, priority, SUM(opened), SUM(resolved)
FROM (
    SELECT substr(created_at, 1, 10) AS day, kind, COALESCE(store_code, '') AS store_code,
           category, assignment_group, priority, 1 AS opened, 0 AS resolved
    FROM tickets
    UNION ALL
    SELECT substr(resolved_at, 1, 10), kind, COALESCE(store_code, ''), category,
           assignment_group, priority, 0, 1
    FROM tickets
    WHERE resolved_at IS NOT NULL AND state IN ('resolved', 'closed')
)
GROUP BY day, kind, store_code, category, assignment_group, priority;

CREATE TRIGGER tickets_count_new AFTER INSERT ON tickets
BEGIN
    INSERT INTO ticket_days
    VALUES (substr(NEW.created_at, 1, 10), NEW.kind, COALESCE(NEW.store_code, ''), NEW.category,
            NEW.assignment_group, NEW.priority, 1, 0)
    ON CONFLICT DO UPDATE SET opened = opened + 1;
    INSERT INTO ticket_days
    SELECT substr(NEW.resolved_at, 1, 10), NEW.kind, COALESCE(NEW.store_code, ''), NEW.category,
           NEW.assignment_group, NEW.priority, 0, 1
    WHERE NEW.resolved_at IS NOT NULL AND NEW.state IN ('resolved', 'closed')
    ON CONFLICT DO UPDATE SET resolved = resolved + 1;
END;

CREATE TRIGGER tickets_count_gone AFTER DELETE ON tickets
BEGIN
    UPDATE ticket_days SET opened = opened - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND kind = OLD.kind
      AND store_code = COALESCE(OLD.store_code, '') AND category = OLD.category
      AND assignment_group = OLD.assignment_group AND priority = OLD.priority;
    UPDATE ticket_days SET resolved = resolved - 1
    WHERE OLD.resolved_at IS NOT NULL AND OLD.state IN ('resolved', 'closed')
      AND day = substr(OLD.resolved_at, 1, 10) AND kind = OLD.kind
      AND store_code = COALESCE(OLD.store_code, '') AND category = OLD.category
      AND assignment_group = OLD.assignment_group AND priority = OLD.priority;
END;

-- A change moves the ticket's counts from its old row(s) to its new one(s); most of the desk's
-- moves (assigning, a reply, a priority kept) change nothing counted and skip this.
CREATE TRIGGER tickets_count_change
AFTER UPDATE OF created_at, kind, store_code, category, assignment_group, priority, state, resolved_at
ON tickets
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.kind IS NOT NEW.kind
  OR OLD.store_code IS NOT NEW.store_code OR OLD.category IS NOT NEW.category
  OR OLD.assignment_group IS NOT NEW.assignment_group OR OLD.priority IS NOT NEW.priority
  OR OLD.state IS NOT NEW.state OR OLD.resolved_at IS NOT NEW.resolved_at
BEGIN
    UPDATE ticket_days SET opened = opened - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND kind = OLD.kind
      AND store_code = COALESCE(OLD.store_code, '') AND category = OLD.category
      AND assignment_group = OLD.assignment_group AND priority = OLD.priority;
    UPDATE ticket_days SET resolved = resolved - 1
    WHERE OLD.resolved_at IS NOT NULL AND OLD.state IN ('resolved', 'closed')
      AND day = substr(OLD.resolved_at, 1, 10) AND kind = OLD.kind
      AND store_code = COALESCE(OLD.store_code, '') AND category = OLD.category
      AND assignment_group = OLD.assignment_group AND priority = OLD.priority;
    INSERT INTO ticket_days
    VALUES (substr(NEW.created_at, 1, 10), NEW.kind, COALESCE(NEW.store_code, ''), NEW.category,
            NEW.assignment_group, NEW.priority, 1, 0)
    ON CONFLICT DO UPDATE SET opened = opened + 1;
    INSERT INTO ticket_days
    SELECT substr(NEW.resolved_at, 1, 10), NEW.kind, COALESCE(NEW.store_code, ''), NEW.category,
           NEW.assignment_group, NEW.priority, 0, 1
    WHERE NEW.resolved_at IS NOT NULL AND NEW.state IN ('resolved', 'closed')
    ON CONFLICT DO UPDATE SET resolved = resolved + 1;
END;

-- Incidents of a period per store and device, from the index alone. With only a few stores,
-- the planner's statistics chose a skip-scan of (store_code, category, created_at) and read
-- every ticket row (190 ms over a year; 29 ms with this one).
CREATE INDEX tickets_kind_created ON tickets (kind, created_at, store_code, asset_tag);
-- Searches that found nothing, from the index alone (13 -> 1 ms for the count over a year).
CREATE INDEX search_log_results ON search_log (results, created_at, query);
