-- People administered in the portal: a deactivated person cannot sign in, and their sessions
-- end; their tickets stay as they are.
ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- One-time links an administrator hands to a person to set their password: only the token's
-- SHA-256 is kept, a link works once and expires.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
);
CREATE INDEX password_links_user ON password_links (user_id);
