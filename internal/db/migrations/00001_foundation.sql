-- Foundation: organisation units through time, people and posts, accounts,
-- sessions, API tokens, sign-in throttling, the audit chain, number sequences.
-- Dates are half-open intervals [valid_from, valid_to); valid_to NULL is open.

CREATE TABLE units (
    id          {{id}},
    kind        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
    code        TEXT UNIQUE,
    valid_from  {{date}} NOT NULL,
    valid_to    {{date}},
    end_reason  TEXT NOT NULL DEFAULT '' CHECK (end_reason IN ('', 'merged', 'split', 'dissolved')),
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- A unit's names over time; the one valid on a date is its name then.
CREATE TABLE unit_names (
    id          {{id}},
    unit_id     BIGINT NOT NULL REFERENCES units (id),
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL DEFAULT '',
    valid_from  {{date}} NOT NULL,
    valid_to    {{date}},
    sort_key    {{key}} NOT NULL,
    search_key  TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX unit_names_unit ON unit_names (unit_id, valid_from);

-- A unit's place in the tree over time; parent_id NULL is a root.
CREATE TABLE unit_parents (
    id          {{id}},
    unit_id     BIGINT NOT NULL REFERENCES units (id),
    parent_id   BIGINT REFERENCES units (id),
    valid_from  {{date}} NOT NULL,
    valid_to    {{date}},
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (parent_id IS NULL OR parent_id <> unit_id)
);
CREATE INDEX unit_parents_unit ON unit_parents (unit_id, valid_from);
CREATE INDEX unit_parents_parent ON unit_parents (parent_id, valid_from);

-- Every operation on the organisation, effective on a date. unit_id is the
-- subject: the unit created, renamed, moved or dissolved, the target of a
-- merge, the source of a split.
CREATE TABLE unit_events (
    id          {{id}},
    kind        TEXT NOT NULL CHECK (kind IN ('create', 'rename', 'move', 'merge', 'split', 'dissolve')),
    unit_id     BIGINT NOT NULL REFERENCES units (id),
    effective   {{date}} NOT NULL,
    basis       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  {{timestamp}} NOT NULL,
    created_by  BIGINT
);
CREATE INDEX unit_events_unit ON unit_events (unit_id, effective);

-- Predecessor → successor edges laid by merges and splits.
CREATE TABLE unit_successions (
    event_id       BIGINT NOT NULL REFERENCES unit_events (id),
    predecessor_id BIGINT NOT NULL REFERENCES units (id),
    successor_id   BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (event_id, predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_successions_successor ON unit_successions (successor_id);
CREATE INDEX unit_successions_predecessor ON unit_successions (predecessor_id);

CREATE TABLE persons (
    id          {{id}},
    full_name   TEXT NOT NULL,
    gender      TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'male', 'female')),
    birth_year  INTEGER,
    note        TEXT NOT NULL DEFAULT '',
    sort_key    {{key}} NOT NULL,
    search_key  TEXT NOT NULL,
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL
);
CREATE INDEX persons_sort ON persons (sort_key);

-- The catalogue of positions, in the official order of precedence (rank).
CREATE TABLE positions (
    code        TEXT PRIMARY KEY,
    name_vi     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    branch      TEXT NOT NULL CHECK (branch IN ('party', 'state', 'front', 'other')),
    rank        INTEGER NOT NULL
);

-- A post: a person in a position of a unit over an interval.
CREATE TABLE posts (
    id            {{id}},
    person_id     BIGINT NOT NULL REFERENCES persons (id),
    position_code TEXT NOT NULL REFERENCES positions (code),
    unit_id       BIGINT NOT NULL REFERENCES units (id),
    title         TEXT NOT NULL,
    valid_from    {{date}} NOT NULL,
    valid_to      {{date}},
    note          TEXT NOT NULL DEFAULT '',
    created_at    {{timestamp}} NOT NULL,
    updated_at    {{timestamp}} NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX posts_person ON posts (person_id, valid_from);
CREATE INDEX posts_unit ON posts (unit_id, position_code, valid_from);

CREATE TABLE users (
    id                  {{id}},
    username            TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    email               TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('admin', 'office', 'leader', 'unit', 'editor', 'reader')),
    clearance           INTEGER NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 3),
    unit_id             BIGINT REFERENCES units (id),
    person_id           BIGINT REFERENCES persons (id),
    lang                TEXT NOT NULL DEFAULT 'vi',
    disabled            BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at {{timestamp}} NOT NULL,
    last_signin_at      {{timestamp}},
    created_at          {{timestamp}} NOT NULL,
    updated_at          {{timestamp}} NOT NULL,
    CHECK (role <> 'unit' OR unit_id IS NOT NULL)
);

-- Sessions live in the database so that any instance serves any user. id is
-- the SHA-256 of the cookie token; the token itself is never stored.
CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    {{timestamp}} NOT NULL,
    last_seen_at  {{timestamp}} NOT NULL,
    expires_at    {{timestamp}} NOT NULL,
    ip            TEXT NOT NULL DEFAULT '',
    user_agent    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id            {{id}},
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL,
    hash          TEXT NOT NULL UNIQUE,
    scopes        TEXT NOT NULL,
    created_at    {{timestamp}} NOT NULL,
    expires_at    {{timestamp}} NOT NULL,
    revoked_at    {{timestamp}},
    last_used_at  {{timestamp}}
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins per account ("user:name") and per address ("ip:1.2.3.4").
CREATE TABLE signin_throttle (
    key            TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL,
    window_start   {{timestamp}} NOT NULL,
    blocked_until  {{timestamp}}
);

-- The audit chain. seq has no gaps; hash = SHA-256 over the entry and the
-- previous hash, so an edited, deleted, inserted or reordered row breaks the
-- chain. at and the JSON values are TEXT so that the bytes hashed are the
-- bytes stored on both engines.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_id    BIGINT,
    actor       TEXT NOT NULL,
    ip          TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    class       INTEGER NOT NULL DEFAULT 0,
    before_json TEXT,
    after_json  TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_at ON audit_log (at);

-- The head of the chain. Appending locks this row, so concurrent writers on
-- several instances queue here and never fork the chain.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

-- Gapless document number sequences, one row per numbering scope.
CREATE TABLE number_sequences (
    scope        TEXT PRIMARY KEY,
    last_number  BIGINT NOT NULL
);
