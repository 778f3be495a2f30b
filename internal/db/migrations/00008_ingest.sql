-- The ingest queue: news articles and conference conclusions read by the
-- extractor (internal/extract) and waiting for a person to confirm the
-- records they describe. internal/ingest owns these tables.

-- An article read into the queue. checksum is the SHA-256 (hex) of the
-- article's text as read, normalised (NFC, modern tone marks, one paragraph
-- a line, runs of spaces collapsed): the same article sent again, under
-- another file name or in another encoding, has the same checksum and is
-- recognised. text is that text as read (the byte spans of the extraction
-- index it); extraction is the extractor's output as JSON, spans included.
-- title, event_date and province are copied out of it for the queue's
-- filters; search_key is vn.Fold of the title and the source name.
-- status: pending until a person confirms (the proposals accepted were
-- written, see ingest_records) or rejects it; decided_by/decided_at say who
-- and when, decisions the decisions applied (JSON), reason why it was
-- rejected. via is how it came: 'web', 'api' or 'cli'.
CREATE TABLE ingest_items (
    id            {{id}},
    source_name   TEXT NOT NULL,
    checksum      TEXT NOT NULL,
    text          TEXT NOT NULL,
    extraction    TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    event_date    {{date}},
    province      TEXT NOT NULL DEFAULT '',
    size          INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    class         INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    via           TEXT NOT NULL CHECK (via IN ('web', 'api', 'cli')),
    search_key    TEXT NOT NULL,
    submitted_by  BIGINT REFERENCES users (id),
    submitter     TEXT NOT NULL,
    created_at    {{timestamp}} NOT NULL,
    decided_by    BIGINT REFERENCES users (id),
    decider       TEXT NOT NULL DEFAULT '',
    decided_at    {{timestamp}},
    decisions     TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX ingest_items_checksum ON ingest_items (checksum);
CREATE INDEX ingest_items_status ON ingest_items (status, created_at, id);

-- What a confirmation wrote or matched, one row per record: the proposal it
-- came from ("conference", "people[2]", "people[2].posts[0]", "figures[1]"),
-- the record (entity and id, as the audit log names them), whether it was
-- created or an existing record matched, its label then and the path of its
-- page, and its class, so that the list is filtered like the records
-- themselves.
CREATE TABLE ingest_records (
    item_id     BIGINT NOT NULL REFERENCES ingest_items (id),
    position    INTEGER NOT NULL,
    proposal    TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('created', 'matched')),
    label       TEXT NOT NULL,
    url         TEXT NOT NULL DEFAULT '',
    class       INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    PRIMARY KEY (item_id, position)
);
CREATE INDEX ingest_records_entity ON ingest_records (entity, entity_id);
