-- An item's service level: the priority (and so the SLA policy) its tickets get when the form
-- does not ask for impact and urgency. NULL: the portal's default priority.
ALTER TABLE items ADD COLUMN sla_priority TEXT;
