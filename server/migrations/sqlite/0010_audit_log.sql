-- The audit log: one row per administrative change (catalog, forms, people, groups, stores,
-- devices, integration tokens, imports), written in the same transaction as the change. `actor`
-- keeps the name at the time, so a later rename or deactivation does not rewrite history;
-- `before_json` and `after_json` hold the changed record as JSON (NULL for a creation or a
-- removal).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    INTEGER REFERENCES users (id),
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_kind_at ON audit_log (kind, at, id);

-- Append-only for everyone, the portal's own code included: the database refuses to change or
-- remove a row.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
