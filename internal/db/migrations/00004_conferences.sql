-- Conferences of a body (Ban Chấp hành, Ban Thường vụ, Hội đồng nhân dân…):
-- its terms, the conferences numbered within a term, who chaired, who was
-- invited and who attended, the agenda with its votes, the minutes and the
-- conclusion in versions, and the draft news articles made from them.
-- internal/conferences owns these tables and keeps the rules that SQL cannot
-- (a conference's date lies in its term, votes never exceed those present).

-- A term (khóa) of a body: khóa XII, nhiệm kỳ 2020–2025, over
-- [valid_from, valid_to). Terms of one body do not overlap.
CREATE TABLE body_terms (
    id          {{id}},
    body_id     BIGINT NOT NULL REFERENCES units (id),
    numeral     INTEGER NOT NULL CHECK (numeral BETWEEN 1 AND 3999),
    year_from   INTEGER NOT NULL,
    year_to     INTEGER NOT NULL,
    valid_from  {{date}} NOT NULL,
    valid_to    {{date}},
    note        TEXT NOT NULL DEFAULT '',
    created_at  {{timestamp}} NOT NULL,
    updated_at  {{timestamp}} NOT NULL,
    CHECK (year_to > year_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE UNIQUE INDEX body_terms_numeral ON body_terms (body_id, numeral);
CREATE INDEX body_terms_from ON body_terms (body_id, valid_from);

-- A conference: the ordinal-th of its term. part_of_day is vn.PartOfDay
-- (0 none, 1 sáng … 5 đêm). class is its own security class.
CREATE TABLE conferences (
    id           {{id}},
    body_id      BIGINT NOT NULL REFERENCES units (id),
    term_id      BIGINT NOT NULL REFERENCES body_terms (id),
    ordinal      INTEGER NOT NULL CHECK (ordinal >= 1),
    kind         TEXT NOT NULL CHECK (kind IN ('regular', 'extraordinary', 'thematic', 'interim_review', 'final_review')),
    expanded     BOOLEAN NOT NULL DEFAULT FALSE,
    subject      TEXT NOT NULL DEFAULT '',
    held_on      {{date}} NOT NULL,
    part_of_day  INTEGER NOT NULL DEFAULT 0 CHECK (part_of_day BETWEEN 0 AND 5),
    venue        TEXT NOT NULL DEFAULT '',
    online       BOOLEAN NOT NULL DEFAULT FALSE,
    invited_text TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'closed')),
    class        INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    created_at   {{timestamp}} NOT NULL,
    updated_at   {{timestamp}} NOT NULL
);
CREATE UNIQUE INDEX conferences_ordinal ON conferences (term_id, ordinal);
CREATE INDEX conferences_held ON conferences (held_on, id);
CREATE INDEX conferences_body ON conferences (body_id, held_on);

-- Online bridge points (điểm cầu) and the delegates at each.
CREATE TABLE conference_bridges (
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    unit_id       BIGINT REFERENCES units (id),
    delegates     INTEGER NOT NULL DEFAULT 0 CHECK (delegates >= 0),
    PRIMARY KEY (conference_id, position)
);

-- Who chaired (chủ trì), in the order given.
CREATE TABLE conference_chairs (
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    person_id     BIGINT NOT NULL REFERENCES persons (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (conference_id, person_id)
);

-- People invited who are not members of the body.
CREATE TABLE conference_invitees (
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    person_id     BIGINT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (conference_id, person_id)
);
CREATE INDEX conference_invitees_person ON conference_invitees (person_id);

-- Attendance of the body's members: present, excused (vắng có lý do) or
-- absent (vắng không có lý do), with the reason given.
CREATE TABLE conference_attendance (
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    person_id     BIGINT NOT NULL REFERENCES persons (id),
    status        TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
    reason        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (conference_id, person_id)
);

-- An item of the agenda. class is the item's effective class: at least
-- own_class, the conference's class and the class of every document
-- attached to it; its grants in record_access are own_grants (JSON, given
-- with own_class) joined with those of the conference and the documents.
CREATE TABLE agenda_items (
    id             {{id}},
    conference_id  BIGINT NOT NULL REFERENCES conferences (id),
    position       INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('report', 'submission', 'draft_resolution', 'review', 'other')),
    title          TEXT NOT NULL,
    presenter_id   BIGINT REFERENCES persons (id),
    presenter_text TEXT NOT NULL DEFAULT '',
    own_class      INTEGER NOT NULL DEFAULT 0 CHECK (own_class BETWEEN 0 AND 3),
    own_grants     TEXT NOT NULL DEFAULT '[]',
    class          INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    created_at     {{timestamp}} NOT NULL,
    updated_at     {{timestamp}} NOT NULL,
    CHECK (class >= own_class)
);
CREATE INDEX agenda_items_conference ON agenda_items (conference_id, position);

-- The documents of the registry attached to an item (the report, the
-- submission, the draft), in order.
CREATE TABLE agenda_item_documents (
    item_id     BIGINT NOT NULL REFERENCES agenda_items (id),
    document_id BIGINT NOT NULL REFERENCES documents (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (item_id, document_id)
);
CREATE INDEX agenda_item_documents_document ON agenda_item_documents (document_id);

-- The vote (biểu quyết) on an item, one per item.
CREATE TABLE agenda_votes (
    item_id       BIGINT PRIMARY KEY REFERENCES agenda_items (id),
    method        TEXT NOT NULL CHECK (method IN ('show_of_hands', 'secret_ballot')),
    for_count     INTEGER NOT NULL CHECK (for_count >= 0),
    against_count INTEGER NOT NULL CHECK (against_count >= 0),
    abstain_count INTEGER NOT NULL CHECK (abstain_count >= 0),
    recorded_at   {{timestamp}} NOT NULL
);

-- Minutes (biên bản) and conclusion (kết luận) in versions. A version is a
-- draft until approved; an approved version never changes again, and a
-- correction is the next version, pointing at the one it corrects.
CREATE TABLE conference_texts (
    id            {{id}},
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    kind          TEXT NOT NULL CHECK (kind IN ('minutes', 'conclusion')),
    version       INTEGER NOT NULL CHECK (version >= 1),
    body          TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
    previous_id   BIGINT REFERENCES conference_texts (id),
    created_at    {{timestamp}} NOT NULL,
    created_by    BIGINT REFERENCES users (id),
    updated_at    {{timestamp}} NOT NULL,
    approved_at   {{timestamp}},
    approved_by   BIGINT REFERENCES users (id),
    CHECK ((status = 'approved') = (approved_at IS NOT NULL))
);
CREATE UNIQUE INDEX conference_texts_version ON conference_texts (conference_id, kind, version);

-- The documents the conference adopted (resolutions, conclusions, plans).
CREATE TABLE conference_documents (
    conference_id BIGINT NOT NULL REFERENCES conferences (id),
    document_id   BIGINT NOT NULL REFERENCES documents (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (conference_id, document_id)
);
CREATE INDEX conference_documents_document ON conference_documents (document_id);

-- Draft news articles for the portal, such as those made from a finished
-- conference. Portal articles are public: the class is always 0.
CREATE TABLE news_articles (
    id            {{id}},
    title         TEXT NOT NULL,
    lead          TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready')),
    conference_id BIGINT REFERENCES conferences (id),
    class         INTEGER NOT NULL DEFAULT 0 CHECK (class = 0),
    created_at    {{timestamp}} NOT NULL,
    created_by    BIGINT REFERENCES users (id),
    updated_at    {{timestamp}} NOT NULL
);
CREATE INDEX news_articles_updated ON news_articles (updated_at, id);
CREATE INDEX news_articles_conference ON news_articles (conference_id);
