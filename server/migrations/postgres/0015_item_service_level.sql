-- The PostgreSQL twin of migrations/sqlite/0015_item_service_level.sql.
ALTER TABLE items ADD COLUMN sla_priority TEXT;
