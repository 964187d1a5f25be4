-- Roll-ups for the manager's dashboard (issue 19): the knowledge funnel over a year is 200,000
-- events, and grouping them per form visit on every page view took 290 ms of the page's
-- budget of 200. Events are only ever inserted, so triggers keep these current whichever way
-- an event arrives (the portal, the demo history, a hand-run statement).

-- One row per form visit: what it came to, counted on the day it began.
CREATE TABLE deflection_funnels (
    funnel    TEXT PRIMARY KEY,
    day       TEXT NOT NULL,
    shown     INTEGER NOT NULL,
    opened    INTEGER NOT NULL,
    solved    INTEGER NOT NULL,
    submitted INTEGER NOT NULL
);
CREATE INDEX deflection_funnels_day ON deflection_funnels (day, shown, opened, solved, submitted);

-- Articles opened and marked "this solved it", per day.
CREATE TABLE deflection_article_days (
    day          TEXT NOT NULL,
    article_slug TEXT NOT NULL,
    opened       INTEGER NOT NULL,
    solved       INTEGER NOT NULL,
    PRIMARY KEY (day, article_slug)
);

INSERT INTO deflection_funnels (funnel, day, shown, opened, solved, submitted)
SELECT funnel, MIN(substr(created_at, 1, 10)),
       MAX(kind = 'shown'), MAX(kind = 'opened'), MAX(kind = 'solved'), MAX(kind = 'submitted')
FROM deflection_events GROUP BY funnel;

INSERT INTO deflection_article_days (day, article_slug, opened, solved)
SELECT substr(created_at, 1, 10), article_slug, SUM(kind = 'opened'), SUM(kind = 'solved')
FROM deflection_events
WHERE article_slug IS NOT NULL AND kind IN ('opened', 'solved')
GROUP BY 1, 2;

CREATE TRIGGER deflection_events_roll_up AFTER INSERT ON deflection_events
BEGIN
    INSERT INTO deflection_funnels (funnel, day, shown, opened, solved, submitted)
    VALUES (NEW.funnel, substr(NEW.created_at, 1, 10), NEW.kind = 'shown', NEW.kind = 'opened',
            NEW.kind = 'solved', NEW.kind = 'submitted')
    ON CONFLICT (funnel) DO UPDATE SET
        day = min(day, excluded.day),
        shown = max(shown, excluded.shown),
        opened = max(opened, excluded.opened),
        solved = max(solved, excluded.solved),
        submitted = max(submitted, excluded.submitted);
    INSERT INTO deflection_article_days (day, article_slug, opened, solved)
    SELECT substr(NEW.created_at, 1, 10), NEW.article_slug, NEW.kind = 'opened', NEW.kind = 'solved'
    WHERE NEW.article_slug IS NOT NULL AND NEW.kind IN ('opened', 'solved')
    ON CONFLICT (day, article_slug) DO UPDATE SET
        opened = opened + excluded.opened,
        solved = solved + excluded.solved;
END;
