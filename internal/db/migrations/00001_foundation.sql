-- Foundation: organisation units through time, people and posts, accounts,
-- sessions, API tokens, sign-in throttling, the audit chain, number sequences.
-- Dates are half-open intervals [valid_from, valid_to); valid_to NULL is open.

-- An organisation unit: a Party committee, its Standing Board and agencies, a
-- People's Council or Committee, a department, the Front, a mass organisation,
-- a National Assembly delegation. A unit lives over [valid_from, valid_to);
-- its names and its place in the tree change inside that life, in
-- unit_names and unit_parents, whose intervals tile the life without gaps or
-- overlaps (internal/org keeps that true). Nothing here is ever deleted: an
-- ended unit keeps its rows, and end_reason says how it ended.
CREATE TABLE units (
    id          {{id}},
    kind        TEXT NOT NULL CHECK (kind IN ('party_committee', 'standing_board', 'party_agency',
                    'peoples_council', 'peoples_committee', 'department', 'fatherland_front',
                    'mass_organisation', 'na_delegation')),
    level       TEXT NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
    code        TEXT UNIQUE,
    valid_from  {{date}} NOT NULL,
    valid_to    {{date}},
    end_reason  TEXT NOT NULL DEFAULT '' CHECK (end_reason IN ('', 'merged', 'split', 'dissolved')),
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((valid_to IS NULL) = (end_reason = ''))
);

-- A unit's names over time; the one valid on a date is its name then.
-- sort_key is vn.SortKey(name) (byte order = Vietnamese order); search_key is
-- vn.Fold of the name and short name (accent-insensitive search).
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
CREATE UNIQUE INDEX unit_names_unit ON unit_names (unit_id, valid_from);

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
CREATE UNIQUE INDEX unit_parents_unit ON unit_parents (unit_id, valid_from);
CREATE INDEX unit_parents_parent ON unit_parents (parent_id, valid_from);

-- Every operation on the organisation, effective on a date. unit_id is the
-- subject: the unit created, renamed, moved or dissolved, the target of a
-- merge (also when the merge created it), the source of a split.
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

-- Predecessor → successor edges laid by merges and splits. Following them
-- backwards from a unit gives its lineage: everything recorded against a
-- merged unit is reachable from its successor.
CREATE TABLE unit_successions (
    event_id       BIGINT NOT NULL REFERENCES unit_events (id),
    predecessor_id BIGINT NOT NULL REFERENCES units (id),
    successor_id   BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (event_id, predecessor_id, successor_id),
    CHECK (predecessor_id <> successor_id)
);
CREATE INDEX unit_successions_successor ON unit_successions (successor_id);
CREATE INDEX unit_successions_predecessor ON unit_successions (predecessor_id);

-- People. sort_key is vn.NameSortKey(full_name): given name, then middle
-- names, then family name, the Vietnamese way; search_key is vn.Fold(full_name).
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
CREATE INDEX persons_sort ON persons (sort_key, id);

-- The catalogue of positions, in the official order of precedence: a
-- person's posts are listed by the level of the unit (central first), then
-- rank, then branch (Party before State before Front at equal rank). Ranks
-- below 100 exist at the centre only; the others apply at every level.
CREATE TABLE positions (
    code        TEXT PRIMARY KEY,
    name_vi     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    branch      TEXT NOT NULL CHECK (branch IN ('party', 'state', 'front', 'other')),
    rank        INTEGER NOT NULL
);
INSERT INTO positions (code, name_vi, name_en, branch, rank) VALUES
    ('general_secretary', 'Tổng Bí thư', 'General Secretary', 'party', 10),
    ('politburo_member', 'Ủy viên Bộ Chính trị', 'Member of the Politburo', 'party', 20),
    ('secretariat_member', 'Bí thư Trung ương Đảng', 'Secretary of the Party Central Committee', 'party', 30),
    ('central_committee_member', 'Ủy viên Ban Chấp hành Trung ương Đảng', 'Member of the Party Central Committee', 'party', 40),
    ('central_committee_alternate', 'Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng', 'Alternate Member of the Party Central Committee', 'party', 50),
    ('secretary', 'Bí thư', 'Secretary', 'party', 100),
    ('standing_deputy_secretary', 'Phó Bí thư Thường trực', 'Standing Deputy Secretary', 'party', 110),
    ('deputy_secretary', 'Phó Bí thư', 'Deputy Secretary', 'party', 120),
    ('standing_board_member', 'Ủy viên Ban Thường vụ', 'Member of the Standing Board', 'party', 130),
    ('executive_committee_member', 'Ủy viên Ban Chấp hành', 'Member of the Executive Committee', 'party', 140),
    ('council_chair', 'Chủ tịch Hội đồng nhân dân', 'Chair of the People''s Council', 'state', 150),
    ('committee_chair', 'Chủ tịch Ủy ban nhân dân', 'Chair of the People''s Committee', 'state', 160),
    ('front_chair', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', 'Chair of the Vietnam Fatherland Front Committee', 'front', 170),
    ('na_delegation_head', 'Trưởng Đoàn đại biểu Quốc hội', 'Head of the National Assembly Delegation', 'state', 180),
    ('council_vice_chair', 'Phó Chủ tịch Hội đồng nhân dân', 'Vice-Chair of the People''s Council', 'state', 190),
    ('committee_vice_chair', 'Phó Chủ tịch Ủy ban nhân dân', 'Vice-Chair of the People''s Committee', 'state', 200),
    ('na_delegation_deputy_head', 'Phó Trưởng Đoàn đại biểu Quốc hội', 'Deputy Head of the National Assembly Delegation', 'state', 210),
    ('inspection_chair', 'Chủ nhiệm Ủy ban Kiểm tra', 'Chair of the Inspection Commission', 'party', 220),
    ('board_head', 'Trưởng ban', 'Head of a Party Board', 'party', 220),
    ('office_chief', 'Chánh Văn phòng', 'Chief of the Office', 'party', 220),
    ('department_director', 'Giám đốc Sở', 'Director of a Department', 'state', 220),
    ('mass_org_head', 'Người đứng đầu tổ chức chính trị - xã hội', 'Head of a Mass Organisation', 'front', 230),
    ('front_vice_chair', 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam', 'Vice-Chair of the Vietnam Fatherland Front Committee', 'front', 240),
    ('inspection_vice_chair', 'Phó Chủ nhiệm Ủy ban Kiểm tra', 'Vice-Chair of the Inspection Commission', 'party', 250),
    ('deputy_board_head', 'Phó Trưởng ban', 'Deputy Head of a Party Board', 'party', 250),
    ('deputy_office_chief', 'Phó Chánh Văn phòng', 'Deputy Chief of the Office', 'party', 250),
    ('deputy_department_director', 'Phó Giám đốc Sở', 'Deputy Director of a Department', 'state', 250),
    ('mass_org_deputy_head', 'Cấp phó tổ chức chính trị - xã hội', 'Deputy Head of a Mass Organisation', 'front', 260),
    ('division_head', 'Trưởng phòng', 'Head of a Division', 'state', 300),
    ('deputy_division_head', 'Phó Trưởng phòng', 'Deputy Head of a Division', 'state', 310),
    ('na_deputy', 'Đại biểu Quốc hội', 'National Assembly Deputy', 'state', 400),
    ('council_deputy', 'Đại biểu Hội đồng nhân dân', 'People''s Council Deputy', 'state', 410);

-- A post: a person in a position of a unit over [valid_from, valid_to).
-- title is how the post is written, e.g. "Bí thư Tỉnh ủy Bắc Kạn".
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
