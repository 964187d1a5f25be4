-- The catalog administered in the portal. An item's editors save a draft (its details and form
-- as JSON) that requesters do not see until it is published; publishing writes the next form
-- version. An item never published has current_form_version 0 and is not offered. Revisions
-- refuse a save from an editor who opened an older state (someone else saved meanwhile).
ALTER TABLE items ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE items ADD COLUMN draft_json TEXT;
ALTER TABLE categories ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
CREATE INDEX categories_parent ON categories (parent_id);
