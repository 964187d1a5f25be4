-- The PostgreSQL twin of migrations/sqlite/0033_item_approval_chains.sql: a catalog item's
-- approval chain, by key.
ALTER TABLE items ADD COLUMN approval_chain TEXT;
