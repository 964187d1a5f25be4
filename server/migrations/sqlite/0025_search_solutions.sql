-- Learning from outcomes, from the search page (issue 20): someone searched, opened an article
-- from the results and answered "Did this help?" with yes. The query they searched for is
-- evidence for that article, as "This solved it" beside a form is (deflection_events). One row
-- per person, article and query; voting again with the same query only renews its date. An
-- editor may remove a row from what search learns (`evidence_removed_at`; who, in the audit log).
CREATE TABLE search_solutions (
    id                  INTEGER PRIMARY KEY,
    article_slug        TEXT NOT NULL,
    user_id             INTEGER NOT NULL REFERENCES users (id),
    query               TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    evidence_removed_at TEXT,
    UNIQUE (article_slug, user_id, query)
);
CREATE INDEX search_solutions_time ON search_solutions (created_at);
