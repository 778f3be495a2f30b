-- The document registry: Party and State documents, registered from outside
-- or drafted in Plenum, their links, classification history, recipients
-- (nơi nhận), the register of copies handed out, and attached files.

-- A document. symbol is the canonical "147-KH/TU" ('' for a draft not yet
-- issued). symbol_key makes (issuer, symbol, numbering period) unique:
-- "<issuer_key> <symbol> <period>", where the period is the Party term or the
-- State year the number belongs to; NULL while there is no symbol.
-- issuer_key is "u<unit id>" for a unit of the organisation and "n<folded
-- name>" for an outside issuer ("Bộ Chính trị"). The symbol_* columns say
-- how an issued number is written (the draft's issuer code, sub-unit, and
-- whether the year goes in the symbol). search_key is vn.Fold of the symbol,
-- title and issuer; sort_key orders the registry, newest first.
CREATE TABLE documents (
    id               {{id}},
    system           TEXT NOT NULL CHECK (system IN ('party', 'state')),
    kind             TEXT NOT NULL,
    origin           TEXT NOT NULL CHECK (origin IN ('external', 'internal')),
    number           INTEGER,
    symbol           TEXT NOT NULL DEFAULT '',
    symbol_key       TEXT,
    symbol_issuer    TEXT NOT NULL DEFAULT '',
    symbol_unit      TEXT NOT NULL DEFAULT '',
    symbol_legal     BOOLEAN NOT NULL DEFAULT FALSE,
    scope            TEXT NOT NULL DEFAULT '',
    issuer_unit_id   BIGINT REFERENCES units (id),
    issuer_name      TEXT NOT NULL,
    issuer_key       TEXT NOT NULL,
    signer_person_id BIGINT REFERENCES persons (id),
    signer_name      TEXT NOT NULL DEFAULT '',
    signer_title     TEXT NOT NULL DEFAULT '',
    capacity         TEXT NOT NULL DEFAULT '' CHECK (capacity IN ('', 'TM', 'KT', 'TL', 'TUQ', 'Q')),
    place            TEXT NOT NULL DEFAULT '',
    issued_on        {{date}},
    year             INTEGER,
    effective_from   {{date}},
    effective_to     {{date}},
    title            TEXT NOT NULL,
    body             TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'amended', 'replaced', 'expired', 'repealed')),
    class            INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    protect_until    {{date}},
    declassify_on    {{date}},
    published        BOOLEAN NOT NULL DEFAULT FALSE,
    search_key       TEXT NOT NULL,
    created_by       BIGINT REFERENCES users (id),
    created_at       {{timestamp}} NOT NULL,
    updated_at       {{timestamp}} NOT NULL,
    CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from),
    CHECK (status = 'draft' OR issued_on IS NOT NULL),
    CHECK ((symbol = '') = (symbol_key IS NULL)),
    CHECK (NOT published OR class = 0)
);
CREATE UNIQUE INDEX documents_symbol ON documents (symbol_key);
CREATE INDEX documents_issued ON documents (issued_on, id);
CREATE INDEX documents_year ON documents (year, kind, status);
CREATE INDEX documents_issuer ON documents (issuer_key, issued_on);
CREATE INDEX documents_class ON documents (class, declassify_on);

-- A link between documents: from_id implements, guides, amends, replaces,
-- reviews or cites to_id ("cited by" is the other direction of cites).
CREATE TABLE document_links (
    id          {{id}},
    from_id     BIGINT NOT NULL REFERENCES documents (id),
    to_id       BIGINT NOT NULL REFERENCES documents (id),
    kind        TEXT NOT NULL CHECK (kind IN ('implements', 'guides', 'amends', 'replaces', 'reviews', 'cites')),
    note        TEXT NOT NULL DEFAULT '',
    created_by  BIGINT REFERENCES users (id),
    created_at  {{timestamp}} NOT NULL,
    CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX document_links_pair ON document_links (from_id, to_id, kind);
CREATE INDEX document_links_to ON document_links (to_id, kind, from_id);

-- Every change of a document's class: classify (up), downgrade, declassify
-- (to thường), with the reason, who and when, and the protection period and
-- declassification date set with it.
CREATE TABLE document_classifications (
    id            {{id}},
    document_id   BIGINT NOT NULL REFERENCES documents (id),
    action        TEXT NOT NULL CHECK (action IN ('classify', 'downgrade', 'declassify')),
    from_class    INTEGER NOT NULL,
    to_class      INTEGER NOT NULL,
    reason        TEXT NOT NULL,
    protect_until {{date}},
    declassify_on {{date}},
    by_user       BIGINT REFERENCES users (id),
    by_name       TEXT NOT NULL,
    at            {{timestamp}} NOT NULL
);
CREATE INDEX document_classifications_doc ON document_classifications (document_id, id);

-- Nơi nhận: a unit of the organisation or a free-text recipient.
CREATE TABLE document_recipients (
    id          {{id}},
    document_id BIGINT NOT NULL REFERENCES documents (id),
    ordinal     INTEGER NOT NULL,
    unit_id     BIGINT REFERENCES units (id),
    name        TEXT NOT NULL
);
CREATE INDEX document_recipients_doc ON document_recipients (document_id, ordinal);

-- The register of copies handed out: copy number n of a document went to
-- someone on a day, and came back (or not).
CREATE TABLE document_copies (
    id           {{id}},
    document_id  BIGINT NOT NULL REFERENCES documents (id),
    copy_number  INTEGER NOT NULL,
    unit_id      BIGINT REFERENCES units (id),
    recipient    TEXT NOT NULL,
    handed_on    {{date}} NOT NULL,
    returned_on  {{date}},
    note         TEXT NOT NULL DEFAULT '',
    created_by   BIGINT REFERENCES users (id),
    created_at   {{timestamp}} NOT NULL,
    CHECK (returned_on IS NULL OR returned_on >= handed_on)
);
CREATE UNIQUE INDEX document_copies_number ON document_copies (document_id, copy_number);

-- Attached files of any record (owner_entity, owner_id): documents, task
-- evidence, ingested articles. class is the owner's, kept in step with it.
-- Content lives in file_blobs (storage 'db') or in the configured directory
-- (storage 'dir'), addressed by its SHA-256 either way, verified on read.
CREATE TABLE files (
    id           {{id}},
    owner_entity TEXT NOT NULL,
    owner_id     BIGINT NOT NULL,
    name         TEXT NOT NULL,
    type         TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    storage      TEXT NOT NULL CHECK (storage IN ('db', 'dir')),
    class        INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    created_by   BIGINT REFERENCES users (id),
    created_at   {{timestamp}} NOT NULL
);
CREATE INDEX files_owner ON files (owner_entity, owner_id);
CREATE INDEX files_sha256 ON files (sha256);

CREATE TABLE file_blobs (
    sha256  TEXT PRIMARY KEY,
    data    {{blob}} NOT NULL
);
