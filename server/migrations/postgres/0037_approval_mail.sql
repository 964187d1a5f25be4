-- The PostgreSQL twin of migrations/sqlite/0036_approval_mail.sql: an outbox row names a
-- ticket or a change; each waiting approver has since when and when last reminded.
ALTER TABLE mail_outbox ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN change_id BIGINT REFERENCES changes (id);
ALTER TABLE approval_waiting ADD COLUMN waiting_since TIMESTAMPTZ;
ALTER TABLE approval_waiting ADD COLUMN reminded_at TIMESTAMPTZ;
