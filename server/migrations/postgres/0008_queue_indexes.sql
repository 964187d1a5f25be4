-- The agent queue over a large ticket table (measured with 100,000 tickets, scripts/bench.sh):
-- counting a group's open tickets reads this index alone,
CREATE INDEX tickets_queue_open ON tickets (assignment_group, state, next_due_at);
-- the first page walks due times in order and stops after a page of matches,
CREATE INDEX tickets_due_first ON tickets (next_due_at) WHERE next_due_at IS NOT NULL;
-- and a store filter (a store's own faults) starts from the store.
CREATE INDEX tickets_store_due ON tickets (store_code, next_due_at);
