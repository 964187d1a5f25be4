-- What readers tell us about articles, and the deflection funnel.
--
-- Revisions now record the state they were saved in, so the editor's history shows when an
-- article was published or retired (earlier revisions say '').
ALTER TABLE article_revisions ADD COLUMN state TEXT NOT NULL DEFAULT '';

-- "Did this help?": one vote per person per article; voting again replaces the earlier vote.
CREATE TABLE article_votes (
    article_id INTEGER NOT NULL REFERENCES articles (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    helpful    INTEGER NOT NULL,          -- 1 yes, 0 no
    comment    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (article_id, user_id)
);

-- One row per step of the funnel: an article suggested beside a form (shown), opened from
-- there (opened), "This solved it" (solved), the form sent after suggestions (submitted).
-- `funnel` is the form's submission key, which ties the steps of one visit to one form together
-- (and to the ticket, if one was created) without recording anything personal beyond the user id.
CREATE TABLE deflection_events (
    id           INTEGER PRIMARY KEY,
    funnel       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    item_slug    TEXT NOT NULL,
    query        TEXT NOT NULL,
    article_slug TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX deflection_events_time ON deflection_events (created_at, kind);
CREATE INDEX deflection_events_funnel ON deflection_events (funnel);
