-- OpenID Connect sign-in (issue 18). Numbered 0018: 0017 is the mail outbox.

-- An administrator may keep a person's role when the identity provider says otherwise.
ALTER TABLE users ADD COLUMN role_pinned BOOLEAN NOT NULL DEFAULT FALSE;

-- Who a provider's subject is here. Keyed on provider and subject, never the e-mail address:
-- an address can change or be reused, the subject is the provider's stable name for a person.
CREATE TABLE identities (
    provider      TEXT NOT NULL,
    subject       TEXT NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    PRIMARY KEY (provider, subject)
);
CREATE INDEX identities_user ON identities (user_id);

-- Sign-ins under way: sent to the provider, not yet back. In the database, not in memory, so
-- the instance that receives the callback need not be the one that started it. Only the
-- state's hash is kept; each row is used once and lives minutes.
CREATE TABLE oidc_sign_ins (
    state_hash    TEXT PRIMARY KEY,
    provider      TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    redirect_uri  TEXT NOT NULL,
    next_path     TEXT NOT NULL,
    expires_at    TEXT NOT NULL
);

-- Which provider a session came from, so signing out can offer the provider's own sign-out.
ALTER TABLE sessions ADD COLUMN provider TEXT;
