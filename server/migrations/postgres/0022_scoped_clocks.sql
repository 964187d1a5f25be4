-- The response and resolution figures of one store, region, category, group or priority were
-- read ticket by ticket: the clock indexes (0009) held only what the unfiltered figures need, so
-- every answered ticket of the year was looked up to test the filter. With the scope's columns
-- at the end, a scoped figure is counted from the index alone too (100,000 tickets, one store's
-- year on SQLite: response 106 -> 11 ms, resolution 139 -> 14 ms).
DROP INDEX tickets_responded;
CREATE INDEX tickets_responded ON tickets (
    responded_at, response_used_minutes, response_minutes,
    store_code, category, assignment_group, priority
) WHERE responded_at IS NOT NULL;
DROP INDEX tickets_resolved;
CREATE INDEX tickets_resolved ON tickets (
    resolved_at, state, resolution_used_minutes, resolution_minutes, reopen_count,
    store_code, category, assignment_group, priority
) WHERE resolved_at IS NOT NULL;
