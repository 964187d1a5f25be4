-- Core schema: people, sessions, catalog with versioned forms, stores and devices, tickets with
-- their timeline, attachments. Written in SQL that PostgreSQL also accepts where it can be, so
-- its migrations stay a close translation.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    manager_id    INTEGER REFERENCES users (id),
    store_code    TEXT
);
CREATE INDEX users_manager ON users (manager_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE categories (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    icon        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES categories (id),
    position    INTEGER NOT NULL
);

CREATE TABLE items (
    id                   INTEGER PRIMARY KEY,
    slug                 TEXT NOT NULL UNIQUE,
    category_id          INTEGER NOT NULL REFERENCES categories (id),
    name                 TEXT NOT NULL,
    summary              TEXT NOT NULL,
    description          TEXT NOT NULL,
    icon                 TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    keywords             TEXT NOT NULL,  -- JSON array
    expected_delivery    TEXT NOT NULL,
    requires_approval    BOOLEAN NOT NULL,
    fulfilment_group     TEXT NOT NULL,
    retired              BOOLEAN NOT NULL DEFAULT FALSE,
    current_form_version INTEGER NOT NULL
);
CREATE INDEX items_category ON items (category_id);

-- Every version of every form is kept: a ticket shows the questions it answered.
CREATE TABLE form_versions (
    item_id     INTEGER NOT NULL REFERENCES items (id),
    version     INTEGER NOT NULL,
    schema_json TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (item_id, version)
);

CREATE TABLE stores (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    region   TEXT NOT NULL,
    timezone TEXT NOT NULL
);

CREATE TABLE assets (
    tag        TEXT PRIMARY KEY,
    store_code TEXT NOT NULL REFERENCES stores (code),
    kind       TEXT NOT NULL,
    model      TEXT NOT NULL,
    name       TEXT NOT NULL
);
CREATE INDEX assets_store ON assets (store_code);

-- One row per ticket kind; taking a number is an UPDATE, so it is also the first write of the
-- creating transaction (SQLite takes its write lock there, before any read can go stale).
CREATE TABLE ticket_counters (
    kind       TEXT PRIMARY KEY,
    next_value INTEGER NOT NULL
);
INSERT INTO ticket_counters (kind, next_value) VALUES ('request', 1), ('incident', 1);

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    number          TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    item_id         INTEGER NOT NULL REFERENCES items (id),
    form_version    INTEGER NOT NULL,
    title           TEXT NOT NULL,
    requester_id    INTEGER NOT NULL REFERENCES users (id),
    on_behalf_of    TEXT,
    approver_id     INTEGER REFERENCES users (id),
    state           TEXT NOT NULL,
    answers_json    TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    -- The same client key twice is the same ticket: enforced here, not in memory, so it holds
    -- across server instances and restarts.
    UNIQUE (requester_id, idempotency_key),
    FOREIGN KEY (item_id, form_version) REFERENCES form_versions (item_id, version)
);
CREATE INDEX tickets_requester ON tickets (requester_id, updated_at);
CREATE INDEX tickets_approver ON tickets (approver_id, state);

CREATE TABLE ticket_events (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    kind       TEXT NOT NULL,
    author_id  INTEGER NOT NULL REFERENCES users (id),
    body       TEXT NOT NULL,
    internal   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    owner_id     INTEGER NOT NULL REFERENCES users (id),
    ticket_id    INTEGER REFERENCES tickets (id),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    storage_name TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (ticket_id);
