-- Roll-ups for the manager's dashboard (issue 19): the knowledge funnel over a year is 200,000
-- events, and grouping them per form visit on every page view took 290 ms of the page's
-- budget of 200. Events are only ever inserted, so a trigger keeps these current whichever way
-- an event arrives (the portal, the demo history, a hand-run statement).

-- One row per form visit: what it came to, counted on the (UTC) day it began.
CREATE TABLE deflection_funnels (
    funnel    TEXT PRIMARY KEY,
    day       DATE NOT NULL,
    shown     INTEGER NOT NULL,
    opened    INTEGER NOT NULL,
    solved    INTEGER NOT NULL,
    submitted INTEGER NOT NULL
);
CREATE INDEX deflection_funnels_day ON deflection_funnels (day, shown, opened, solved, submitted);

-- Articles opened and marked "this solved it", per day.
CREATE TABLE deflection_article_days (
    day          DATE NOT NULL,
    article_slug TEXT NOT NULL,
    opened       INTEGER NOT NULL,
    solved       INTEGER NOT NULL,
    PRIMARY KEY (day, article_slug)
);

INSERT INTO deflection_funnels (funnel, day, shown, opened, solved, submitted)
SELECT funnel, MIN((created_at AT TIME ZONE 'UTC')::date),
       MAX(CASE WHEN kind = 'shown' THEN 1 ELSE 0 END), MAX(CASE WHEN kind = 'opened' THEN 1 ELSE 0 END),
       MAX(CASE WHEN kind = 'solved' THEN 1 ELSE 0 END), MAX(CASE WHEN kind = 'submitted' THEN 1 ELSE 0 END)
FROM deflection_events GROUP BY funnel;

INSERT INTO deflection_article_days (day, article_slug, opened, solved)
SELECT (created_at AT TIME ZONE 'UTC')::date, article_slug,
       SUM(CASE WHEN kind = 'opened' THEN 1 ELSE 0 END), SUM(CASE WHEN kind = 'solved' THEN 1 ELSE 0 END)
FROM deflection_events
WHERE article_slug IS NOT NULL AND kind IN ('opened', 'solved')
GROUP BY 1, 2;

CREATE FUNCTION deflection_events_roll_up() RETURNS trigger AS $$
DECLARE
    event_day DATE := (NEW.created_at AT TIME ZONE 'UTC')::date;
BEGIN
    INSERT INTO deflection_funnels AS f (funnel, day, shown, opened, solved, submitted)
    VALUES (NEW.funnel, event_day,
            CASE WHEN NEW.kind = 'shown' THEN 1 ELSE 0 END, CASE WHEN NEW.kind = 'opened' THEN 1 ELSE 0 END,
            CASE WHEN NEW.kind = 'solved' THEN 1 ELSE 0 END, CASE WHEN NEW.kind = 'submitted' THEN 1 ELSE 0 END)
    ON CONFLICT (funnel) DO UPDATE SET
        day = LEAST(f.day, EXCLUDED.day),
        shown = GREATEST(f.shown, EXCLUDED.shown),
        opened = GREATEST(f.opened, EXCLUDED.opened),
        solved = GREATEST(f.solved, EXCLUDED.solved),
        submitted = GREATEST(f.submitted, EXCLUDED.submitted);
    IF NEW.article_slug IS NOT NULL AND NEW.kind IN ('opened', 'solved') THEN
        INSERT INTO deflection_article_days AS a (day, article_slug, opened, solved)
        VALUES (event_day, NEW.article_slug,
                CASE WHEN NEW.kind = 'opened' THEN 1 ELSE 0 END, CASE WHEN NEW.kind = 'solved' THEN 1 ELSE 0 END)
        ON CONFLICT (day, article_slug) DO UPDATE SET
            opened = a.opened + EXCLUDED.opened,
            solved = a.solved + EXCLUDED.solved;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deflection_events_roll_up AFTER INSERT ON deflection_events
    FOR EACH ROW EXECUTE FUNCTION deflection_events_roll_up();
