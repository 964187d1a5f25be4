-- The dashboard's opened and resolved tickets per day (issue 19): see the SQLite migration of
-- the same name for why. A trigger keeps the rows current whichever way a ticket is written.

-- A ticket counts as opened on the (UTC) day it was created, and as resolved on the day of
-- `resolved_at` while it is resolved or closed. `store_code` is '' for a ticket that names no
-- store: a key column cannot be NULL.
CREATE TABLE ticket_days (
    day              DATE NOT NULL,
    kind             TEXT NOT NULL,
    store_code       TEXT NOT NULL,
    category         TEXT NOT NULL,
    assignment_group TEXT NOT NULL,
    priority         TEXT NOT NULL,
    opened           INTEGER NOT NULL,
    resolved         INTEGER NOT NULL,
    PRIMARY KEY (day, kind, store_code, category, assignment_group, priority)
);

INSERT INTO ticket_days
SELECT day, kind, store_code, category, assignment_group, priority, SUM(opened), SUM(resolved)
FROM (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, kind, COALESCE(store_code, '') AS store_code,
           category, assignment_group, priority, 1 AS opened, 0 AS resolved
    FROM tickets
    UNION ALL
    SELECT (resolved_at AT TIME ZONE 'UTC')::date, kind, COALESCE(store_code, ''), category,
           assignment_group, priority, 0, 1
    FROM tickets
    WHERE resolved_at IS NOT NULL AND state IN ('resolved', 'closed')
) counted
GROUP BY day, kind, store_code, category, assignment_group, priority;

-- The old row's counts leave and the new row's arrive, netted per day and filter values, so a
-- change that moves nothing counted touches no row. Rows are locked in one order under one
-- transaction-wide advisory lock: a batch of new tickets from one instance and a desk change
-- (or another instance's batch) could otherwise lock two rows in opposite orders and deadlock.
CREATE FUNCTION tickets_count() RETURNS trigger AS $$
DECLARE
    -- Row variables start with every field NULL: the missing side of an insert or a delete.
    o tickets;
    n tickets;
    o_resolved BOOLEAN := FALSE;
    n_resolved BOOLEAN := FALSE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        o := OLD;
        o_resolved := o.resolved_at IS NOT NULL AND o.state IN ('resolved', 'closed');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        n := NEW;
        n_resolved := n.resolved_at IS NOT NULL AND n.state IN ('resolved', 'closed');
    END IF;
    IF TG_OP = 'UPDATE'
       AND (o.created_at AT TIME ZONE 'UTC')::date = (n.created_at AT TIME ZONE 'UTC')::date
       AND o.kind = n.kind AND COALESCE(o.store_code, '') = COALESCE(n.store_code, '')
       AND o.category = n.category AND o.assignment_group = n.assignment_group
       AND o.priority = n.priority
       AND (NOT o_resolved AND NOT n_resolved
            OR o_resolved AND n_resolved
               AND (o.resolved_at AT TIME ZONE 'UTC')::date = (n.resolved_at AT TIME ZONE 'UTC')::date)
    THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('ticket_days'));
    INSERT INTO ticket_days AS d
    SELECT day, kind, store_code, category, assignment_group, priority, SUM(opened), SUM(resolved)
    FROM (VALUES
        ((o.created_at AT TIME ZONE 'UTC')::date, o.kind, COALESCE(o.store_code, ''), o.category,
         o.assignment_group, o.priority, -1, 0),
        ((o.resolved_at AT TIME ZONE 'UTC')::date, o.kind, COALESCE(o.store_code, ''), o.category,
         o.assignment_group, o.priority, 0, CASE WHEN o_resolved THEN -1 ELSE 0 END),
        ((n.created_at AT TIME ZONE 'UTC')::date, n.kind, COALESCE(n.store_code, ''), n.category,
         n.assignment_group, n.priority, 1, 0),
        ((n.resolved_at AT TIME ZONE 'UTC')::date, n.kind, COALESCE(n.store_code, ''), n.category,
         n.assignment_group, n.priority, 0, CASE WHEN n_resolved THEN 1 ELSE 0 END)
    ) AS m (day, kind, store_code, category, assignment_group, priority, opened, resolved)
    WHERE day IS NOT NULL
    GROUP BY day, kind, store_code, category, assignment_group, priority
    HAVING SUM(opened) <> 0 OR SUM(resolved) <> 0
    ORDER BY day, kind, store_code, category, assignment_group, priority
    ON CONFLICT (day, kind, store_code, category, assignment_group, priority) DO UPDATE SET
        opened = d.opened + EXCLUDED.opened,
        resolved = d.resolved + EXCLUDED.resolved;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tickets_count_new_or_gone AFTER INSERT OR DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_count();

CREATE TRIGGER tickets_count_change
    AFTER UPDATE OF created_at, kind, store_code, category, assignment_group, priority, state, resolved_at
    ON tickets FOR EACH ROW
    WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.kind IS DISTINCT FROM NEW.kind
       OR OLD.store_code IS DISTINCT FROM NEW.store_code OR OLD.category IS DISTINCT FROM NEW.category
       OR OLD.assignment_group IS DISTINCT FROM NEW.assignment_group
       OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.state IS DISTINCT FROM NEW.state
       OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at)
    EXECUTE FUNCTION tickets_count();

-- Incidents of a period per store and device, and searches that found nothing, from the
-- index alone (see the SQLite migration).
CREATE INDEX tickets_kind_created ON tickets (kind, created_at, store_code, asset_tag);
CREATE INDEX search_log_results ON search_log (results, created_at, query);
