-- Assignment groups as records of their own: administrators create, describe and rename them
-- and choose their members in the portal. A group is still known by its name, which people
-- (user_groups), items (fulfilment_group) and tickets (assignment_group) carry; a rename changes
-- every one of them in one transaction. Names in use without a record here are groups too (a
-- fresh database's demo data, an import): saving one makes its record.
CREATE TABLE assignment_groups (
    name        TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    revision    INTEGER NOT NULL DEFAULT 1
);
