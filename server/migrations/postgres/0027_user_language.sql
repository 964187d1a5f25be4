-- The language a person reads the portal in (issue 21): a tag of one of the portal's language
-- files (`app/locales`), or NULL for "as my browser says" (Accept-Language, else the portal's
-- default). Kept with the person, so it follows them to every device.
ALTER TABLE users ADD COLUMN language TEXT;
