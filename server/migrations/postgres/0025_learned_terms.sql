-- The PostgreSQL twin of migrations/sqlite/0024_learned_terms.sql.
ALTER TABLE deflection_events ADD COLUMN evidence_removed_at TIMESTAMPTZ;
CREATE INDEX deflection_events_evidence ON deflection_events (article_slug, kind, created_at);

CREATE TABLE learned_terms (
    article_slug TEXT PRIMARY KEY,
    terms        TEXT NOT NULL
);
