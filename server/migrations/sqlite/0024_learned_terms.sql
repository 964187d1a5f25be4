-- Learning from outcomes (issue 20). The evidence is the deflection funnel's own events (a
-- query, and the article that solved it or was opened while the form was then not sent); an
-- editor may remove a piece of it, which this column records (who, in the audit log).
ALTER TABLE deflection_events ADD COLUMN evidence_removed_at TEXT;
CREATE INDEX deflection_events_evidence ON deflection_events (article_slug, kind, created_at);

-- What was learned, per article: index terms (a JSON list, a term repeated by its weight) that
-- search counts with the article's tags. Rewritten by the periodic refresh only when it
-- changed, with the search content version.
CREATE TABLE learned_terms (
    article_slug TEXT PRIMARY KEY,
    terms        TEXT NOT NULL
);
