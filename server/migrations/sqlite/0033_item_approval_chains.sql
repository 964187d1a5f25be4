-- A catalog item's approval chain (issue 22): the key of an approval chain its requests go
-- through before they reach the desk ("the line manager, then the software owners"). None: the
-- item's `requires_approval` decides, as before (the requester's line manager, or nobody).
-- No foreign key on purpose: the demo loads its chains after its catalog, and a chain deleted
-- later is refused at submission with a message, not by the database.
ALTER TABLE items ADD COLUMN approval_chain TEXT;
