-- Need-to-know on classified records. A record of any kind (entity, id) with
-- a security class above "thường" is visible to a user with the clearance for
-- it only if one of its grants names that user, the user's role, or the
-- user's unit (or a unit that unit succeeded). internal/access owns the rule.
CREATE TABLE record_access (
    entity     TEXT NOT NULL,
    entity_id  BIGINT NOT NULL,
    unit_id    BIGINT REFERENCES units (id),
    role       TEXT,
    user_id    BIGINT REFERENCES users (id),
    CHECK ((CASE WHEN unit_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN role IS NULL THEN 0 ELSE 1 END)
         + (CASE WHEN user_id IS NULL THEN 0 ELSE 1 END) = 1)
);
CREATE INDEX record_access_entity ON record_access (entity, entity_id);
CREATE INDEX record_access_unit ON record_access (unit_id);
CREATE INDEX record_access_user ON record_access (user_id);

-- How each issuer numbers its documents when it departs from the rule the
-- regulations set (docsym.DefaultRule): "term" or "year", per kind or not.
CREATE TABLE numbering_rules (
    issuer    TEXT PRIMARY KEY,
    period    TEXT NOT NULL CHECK (period IN ('term', 'year')),
    per_kind  BOOLEAN NOT NULL
);
