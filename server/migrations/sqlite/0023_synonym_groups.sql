-- Synonym groups (issue 20): words and phrases search treats as meaning the same, kept by the
-- knowledge editors. Phrases are a JSON list of strings as the editor typed them; search
-- compiles them itself. A retired group stays for the record and is no longer applied.
CREATE TABLE synonym_groups (
    id         INTEGER PRIMARY KEY,
    phrases    TEXT NOT NULL,
    retired    BOOLEAN NOT NULL DEFAULT FALSE,
    revision   INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);

-- Whether this database has had its starter groups (server/starter/synonyms.toml): 0 until the
-- first start installs them, then 1. The one row makes two instances starting together install
-- them once, and an editor who retires every group does not get them back.
INSERT INTO content_versions (name, version) VALUES ('synonym-starter', 0);
