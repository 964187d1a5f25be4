-- A catalog item in other languages (issue 21): by language tag, its name, summary and
-- description and its form's labels, help texts and option labels (`domain::translation`),
-- as JSON. Published with the item, so the catalog content version moves with it.
ALTER TABLE items ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
