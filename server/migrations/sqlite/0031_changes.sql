-- Change enablement (issue 22): change records, what they touch, their timelines, and the
-- freeze periods the change calendar checks them against. Approval chains come separately.

-- Change numbers (CHG0000001) are taken like ticket and problem numbers.
INSERT INTO ticket_counters (kind, next_value) VALUES ('change', 1);

-- A change: kind and lifecycle state (`domain::change`), its plans, the risk questionnaire's
-- answers (JSON, question key -> answer key) with the score and level they gave, the planned
-- window, and how it went. `revision` is the compare-and-set against concurrent edits.
CREATE TABLE changes (
    id                  INTEGER PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,
    kind                TEXT NOT NULL,
    state               TEXT NOT NULL,
    title               TEXT NOT NULL,
    implementation_plan TEXT NOT NULL,
    back_out_plan       TEXT NOT NULL,
    test_plan           TEXT NOT NULL,
    risk_answers        TEXT NOT NULL,
    risk_score          INTEGER,
    risk_level          TEXT,
    window_start        TEXT,
    window_end          TEXT,
    outcome             TEXT,
    review              TEXT NOT NULL,
    problem_id          INTEGER REFERENCES problems (id),
    owner_id            INTEGER NOT NULL REFERENCES users (id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    revision            INTEGER NOT NULL
);
-- The calendar reads changes by window; a problem's page lists its changes.
CREATE INDEX changes_window ON changes (window_start);
CREATE INDEX changes_problem ON changes (problem_id);

-- The stores a change touches, and its devices (asset tags) with their stores; an empty
-- asset_tag stands for the store as a whole.
CREATE TABLE change_targets (
    change_id  INTEGER NOT NULL REFERENCES changes (id),
    store_code TEXT NOT NULL,
    asset_tag  TEXT NOT NULL,
    PRIMARY KEY (change_id, store_code, asset_tag)
);
CREATE INDEX change_targets_asset ON change_targets (asset_tag);

-- What happened to a change, by whom: its audit trail, shown on its page.
CREATE TABLE change_events (
    id         INTEGER PRIMARY KEY,
    change_id  INTEGER NOT NULL REFERENCES changes (id),
    author_id  INTEGER REFERENCES users (id),
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX change_events_change ON change_events (change_id, id);

-- Periods without changes, in each store's own days (`domain::change_calendar`). `stores`
-- lists store codes as JSON; an empty list means every store.
CREATE TABLE freeze_windows (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    every_year INTEGER NOT NULL,
    stores     TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
