-- People, stores and devices are edited one at a time in the portal as well as imported: each
-- row counts its revisions, so a save from a page opened before someone else's change (or an
-- import) is refused instead of overwriting it.
ALTER TABLE users ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE stores ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
