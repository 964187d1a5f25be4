-- Failed sign-ins by key ('account:<email>' or 'address:<client>'), so every instance applies
-- the same growing wait (see app::domain::throttle).
CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    blocked_until TEXT
);
