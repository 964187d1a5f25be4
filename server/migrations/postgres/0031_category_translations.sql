-- A catalog category in other languages (issue 21): by language tag, its name and description
-- (`domain::translation::CategoryTranslation`), as JSON.
ALTER TABLE categories ADD COLUMN translations TEXT NOT NULL DEFAULT '{}';
