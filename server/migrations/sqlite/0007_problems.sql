-- Problem management: the cause behind recurring incidents, and the indexes that find them.

-- Problem numbers (PRB0000001) are taken like ticket numbers.
INSERT INTO ticket_counters (kind, next_value) VALUES ('problem', 1);

-- The cause behind recurring incidents. `revision` is the compare-and-set that keeps two
-- agents from overwriting each other's analysis.
CREATE TABLE problems (
    id         INTEGER PRIMARY KEY,
    number     TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    cause      TEXT NOT NULL,
    workaround TEXT NOT NULL,
    fix        TEXT NOT NULL,
    state      TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision   INTEGER NOT NULL
);

-- An incident belongs to at most one problem.
CREATE TABLE problem_incidents (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id),
    problem_id INTEGER NOT NULL REFERENCES problems (id),
    linked_by  INTEGER NOT NULL REFERENCES users (id),
    linked_at  TEXT NOT NULL
);
CREATE INDEX problem_incidents_problem ON problem_incidents (problem_id);

-- Related incidents: the same device, or the same category at the same store, in a time
-- window. One index range per rule (see ProblemStore::related_incidents).
CREATE INDEX tickets_asset_created ON tickets (asset_tag, created_at);
CREATE INDEX tickets_store_category_created ON tickets (store_code, category, created_at);
