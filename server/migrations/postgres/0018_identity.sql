-- The PostgreSQL twin of migrations/sqlite/0018_identity.sql.
ALTER TABLE users ADD COLUMN role_pinned BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE identities (
    provider      TEXT NOT NULL,
    subject       TEXT NOT NULL,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX identities_user ON identities (user_id);

CREATE TABLE oidc_sign_ins (
    state_hash    TEXT PRIMARY KEY,
    provider      TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    redirect_uri  TEXT NOT NULL,
    next_path     TEXT NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);

ALTER TABLE sessions ADD COLUMN provider TEXT;
