-- People administered in the portal: a deactivated person cannot sign in, and their sessions
-- end; their tickets stay as they are.
ALTER TABLE users ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
