-- The language an article is written in (issue 21), a tag of one of the portal's language
-- files, and the article it translates: the slug of the original, or NULL for an original.
-- A reader is shown the version of a group in their language when there is one.
ALTER TABLE articles ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE articles ADD COLUMN translation_of TEXT;
CREATE INDEX articles_translation_of ON articles (translation_of);
