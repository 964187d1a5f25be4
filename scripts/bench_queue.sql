-- Fills a SQLite Deskfront database with generated incidents for the agent-queue benchmark
-- (scripts/bench.sh). Run with sqlite3 after the server has loaded the demo data; the count is
-- set by replacing :count. States, priorities, groups and due times are spread so that the
-- queue's filters and its "breaches first" order have real work to do.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count),
item AS (
  SELECT i.id, (SELECT MAX(version) FROM form_versions f WHERE f.item_id = i.id) AS version
  FROM items i WHERE i.slug = 'card-reader-fault'
),
reporter AS (SELECT id FROM users WHERE email = 'sam.store@deskfront.test'),
generated AS (
  SELECT i,
    CASE i % 10 WHEN 0 THEN 'closed' WHEN 1 THEN 'resolved' WHEN 2 THEN 'awaiting_user'
                WHEN 3 THEN 'in_progress' WHEN 4 THEN 'in_progress' ELSE 'new' END AS state,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-' || (i % 40000) || ' minutes') AS created,
    strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '+' || ((i * 7919) % 20000 - 2000) || ' minutes') AS due
  FROM n
)
INSERT INTO tickets (number, kind, item_id, form_version, title, requester_id, state, answers_json,
  idempotency_key, created_at, updated_at, priority, category, store_code, asset_tag,
  assignment_group, sla_calendar_json, response_minutes, resolution_minutes,
  response_due_at, resolution_due_at, next_due_at)
SELECT printf('INC8%06d', g.i), 'incident', item.id, item.version, 'Generated card reader fault ' || g.i,
  reporter.id, g.state, '[]', 'bench-queue-' || g.i, g.created, g.created,
  'P' || (1 + g.i % 4), 'tills', printf('S%03d', g.i % 500), NULL,
  CASE g.i % 3 WHEN 0 THEN 'Network' ELSE 'Store systems' END,
  '{"name":"24x7","timezone":"UTC","always_open":true,"hours":{},"holidays":[]}', 15, 240,
  g.due, g.due,
  CASE WHEN g.state IN ('closed', 'resolved', 'awaiting_user') THEN NULL ELSE g.due END
FROM generated g, item, reporter;
