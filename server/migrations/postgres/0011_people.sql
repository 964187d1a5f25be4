-- The PostgreSQL twin of migrations/sqlite/0011_people.sql.
ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
