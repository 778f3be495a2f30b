-- The search index: one row per searchable record (document, conference,
-- person, unit), written by the record's own store in the record's
-- transaction through internal/search. class is the record's security class
-- (an index row is derived from the record and carries at least its class);
-- visibility is decided by internal/access on (entity, entity_id, class).
--
-- title, body and symbol are the text as shown (snippets and highlights are
-- cut from them); f_title, f_body and f_symbol are what is matched: words
-- folded in Go by vn.Fold ("Đường" → "duong", "uỷ"/"ủy" → "uy"), split on
-- everything that is not a letter or a digit and joined by single spaces, so
-- that both engines see the same words; f_symbol holds the symbol's tokens
-- ("147 147kh 147khtu" for 147-KH/TU). kind, issuer, unit_id, year and status
-- are the filters; day and year give recency.
CREATE TABLE search_entries (
    id          {{id}},
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    class       INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    symbol      TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    issuer      TEXT NOT NULL DEFAULT '',
    unit_id     BIGINT,
    year        INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT '',
    day         {{date}},
    url         TEXT NOT NULL,
    f_title     TEXT NOT NULL,
    f_body      TEXT NOT NULL,
    f_symbol    TEXT NOT NULL,
    updated_at  {{timestamp}} NOT NULL
);
CREATE UNIQUE INDEX search_entries_record ON search_entries (entity, entity_id);

{{if sqlite}}
-- FTS5 over the folded columns, reading them from search_entries (external
-- content), kept in step by triggers. unicode61 splits the already folded
-- words exactly where Go did; prefix indexes make "as you type" prefixes
-- cheap. A second FTS5 table of trigrams of the folded titles finds a query
-- inside a word ("tgtu" in "btgtu"), as pg_trgm does on PostgreSQL.
CREATE VIRTUAL TABLE search_fts USING fts5(
    f_symbol, f_title, f_body,
    content = 'search_entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
);
CREATE VIRTUAL TABLE search_fts_trigram USING fts5(
    f_title, content = 'search_entries', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts (rowid, f_symbol, f_title, f_body) VALUES (new.id, new.f_symbol, new.f_title, new.f_body);
    INSERT INTO search_fts_trigram (rowid, f_title) VALUES (new.id, new.f_title);
END;
CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, f_symbol, f_title, f_body) VALUES ('delete', old.id, old.f_symbol, old.f_title, old.f_body);
    INSERT INTO search_fts_trigram (search_fts_trigram, rowid, f_title) VALUES ('delete', old.id, old.f_title);
END;
CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, f_symbol, f_title, f_body) VALUES ('delete', old.id, old.f_symbol, old.f_title, old.f_body);
    INSERT INTO search_fts (rowid, f_symbol, f_title, f_body) VALUES (new.id, new.f_symbol, new.f_title, new.f_body);
    INSERT INTO search_fts_trigram (search_fts_trigram, rowid, f_title) VALUES ('delete', old.id, old.f_title);
    INSERT INTO search_fts_trigram (rowid, f_title) VALUES (new.id, new.f_title);
END;
{{else}}
-- PostgreSQL: a generated tsvector over the folded columns ('simple': no
-- stemming, no stop words; the words are already folded), weighted symbol A,
-- title B, body D so that a query can ask for the symbol or the text, with a
-- GIN index; and trigrams of the folded title for finding a query inside a
-- word (pg_trgm ships with postgresql-contrib and is a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE search_entries ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', f_symbol), 'A') ||
    setweight(to_tsvector('simple', f_title), 'B') ||
    setweight(to_tsvector('simple', f_body), 'D')) STORED;
-- fastupdate is off: a search must not scan a pending list of recent
-- entries (measured: 3× slower until a vacuum merges it); the index is
-- written a record at a time, which GIN does well enough.
CREATE INDEX search_entries_vector ON search_entries USING gin (search_vector) WITH (fastupdate = off);
CREATE INDEX search_entries_trigram ON search_entries USING gin (f_title gin_trgm_ops) WITH (fastupdate = off);
{{end}}
