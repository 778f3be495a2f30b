-- The version of the data: the seq of the last audit entry that changed a
-- record, leaving out those that only observe (reads, sign-ins). Every change
-- is audited in its transaction and appending locks audit_head, so this
-- number grows with each committed change, in commit order, on every
-- instance: caches of derived figures (the dashboard) are keyed by it.
ALTER TABLE audit_head ADD COLUMN data_seq BIGINT NOT NULL DEFAULT 0;
UPDATE audit_head SET data_seq = seq;
