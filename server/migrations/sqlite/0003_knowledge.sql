-- Knowledge articles with their revisions, and content versions that tell every instance when
-- to rebuild its search index (a version check rather than a restart).
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body_md       TEXT NOT NULL,
    category      TEXT NOT NULL,
    tags          TEXT NOT NULL,           -- JSON array
    related_items TEXT NOT NULL,           -- JSON array of catalog item slugs
    state         TEXT NOT NULL,           -- draft, published, retired
    revision      INTEGER NOT NULL,
    view_count    INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX articles_state ON articles (state, category);

CREATE TABLE article_revisions (
    article_id    INTEGER NOT NULL REFERENCES articles (id),
    revision      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    body_md       TEXT NOT NULL,
    category      TEXT NOT NULL,
    tags          TEXT NOT NULL,
    related_items TEXT NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (article_id, revision)
);

CREATE TABLE content_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO content_versions (name, version) VALUES ('search', 1);
