-- A monitoring system or till that reports incidents with a bearer token. Only the token's
-- SHA-256 is kept. Each token has a user of its own (role 'integration', no usable password):
-- the requester of its incidents, so idempotency keys are per token as they are per person.
CREATE TABLE integration_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL UNIQUE REFERENCES users (id),
    created_by   INTEGER NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    last_used_at TEXT
);
