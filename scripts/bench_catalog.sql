-- Grows a SQLite Deskfront database to the catalog and staff of a 500-store retailer for the
-- catalog benchmark (scripts/bench.sh): 40 generated categories (10 areas of 3 sections each)
-- holding :items generated items, each with a published form (a copy of the laptop's), and
-- :people generated employees, ten to a line manager. Run with sqlite3 after the server has
-- loaded the demo data.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO categories (slug, name, description, icon, parent_id, position)
SELECT 'bench-area-' || i, 'Area ' || i, 'Generated for the benchmark', '📦', NULL, 1000 + i FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO categories (slug, name, description, icon, parent_id, position)
SELECT 'bench-section-' || i, 'Section ' || i, 'Generated for the benchmark', '📁',
  (SELECT id FROM categories WHERE slug = 'bench-area-' || ((i - 1) % 10 + 1)), i FROM n;

-- A quarter of the items sit in an area itself, the rest in its sections.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :items)
INSERT INTO items (slug, category_id, name, summary, description, icon, kind, keywords,
  expected_delivery, requires_approval, fulfilment_group, retired, current_form_version)
SELECT 'bench-item-' || i,
  (SELECT id FROM categories WHERE slug = CASE WHEN i % 4 = 0 THEN 'bench-area-' || (i % 10 + 1)
                                               ELSE 'bench-section-' || (i % 30 + 1) END),
  'Generated item ' || i, 'A generated catalog item, number ' || i || ', to fill the catalog.',
  'Generated for the benchmark.', '📦', 'request', '["generated","bench"]', '3 working days',
  i % 3 = 0, 'Service Desk', FALSE, 1
FROM n;

INSERT INTO form_versions (item_id, version, schema_json, created_at)
SELECT i.id, 1, f.schema_json, f.created_at
FROM items i, form_versions f JOIN items l ON l.id = f.item_id AND l.slug = 'laptop' AND f.version = 1
WHERE i.slug LIKE 'bench-item-%';

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :people)
INSERT INTO users (email, name, role, password_hash, manager_id, store_code)
SELECT 'bench.person' || i || '@example.com', 'Generated Person ' || i, 'requester',
  'no-password', NULL, NULL FROM n;

-- Person k reports to person k / 10 (the first ten to the first one): a deep, wide hierarchy.
UPDATE users SET manager_id = (SELECT MIN(id) FROM users WHERE email LIKE 'bench.person%')
  + (id - (SELECT MIN(id) FROM users WHERE email LIKE 'bench.person%')) / 10
WHERE email LIKE 'bench.person%' AND id > (SELECT MIN(id) + 9 FROM users WHERE email LIKE 'bench.person%');

-- Every instance rebuilds its search index with the new items.
UPDATE content_versions SET version = version + 1 WHERE name = 'search';
