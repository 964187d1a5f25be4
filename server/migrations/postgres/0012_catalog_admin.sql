-- The PostgreSQL twin of migrations/sqlite/0012_catalog_admin.sql.
ALTER TABLE items ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
ALTER TABLE items ADD COLUMN draft_json TEXT;
ALTER TABLE categories ADD COLUMN revision BIGINT NOT NULL DEFAULT 1;
CREATE INDEX categories_parent ON categories (parent_id);
