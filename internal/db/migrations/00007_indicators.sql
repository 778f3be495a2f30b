-- Imports of spreadsheets (internal/sheet) and the indicators (chỉ tiêu) of
-- internal/indicators: definitions, targets, and values per unit and period.

-- One upload of a spreadsheet: who, when, what kind of rows, the file's
-- SHA-256 (so that the same file uploaded again is recognised), how many data
-- rows it had and what became of it. A refused import wrote nothing but this
-- row; errors_json keeps its first row errors for the result page. class is
-- the highest class of the records the file touched: reading the result
-- needs that clearance.
CREATE TABLE imports (
    id           {{id}},
    kind         TEXT NOT NULL,
    filename     TEXT NOT NULL DEFAULT '',
    format       TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
    checksum     TEXT NOT NULL,
    size         BIGINT NOT NULL,
    row_count    INTEGER NOT NULL,
    changed      INTEGER NOT NULL DEFAULT 0,
    result       TEXT NOT NULL CHECK (result IN ('done', 'refused')),
    error_count  INTEGER NOT NULL DEFAULT 0,
    errors_json  TEXT NOT NULL DEFAULT '[]',
    scope        TEXT NOT NULL DEFAULT '',
    class        INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    created_by   BIGINT REFERENCES users (id),
    created_at   {{timestamp}} NOT NULL
);
-- A file is imported once: the same bytes again are recognised (also when
-- two uploads race).
CREATE UNIQUE INDEX imports_done ON imports (kind, checksum) WHERE result = 'done';
CREATE INDEX imports_user ON imports (created_by, created_at);

-- An indicator (chỉ tiêu). measure is the unit of measure as written ("%",
-- "tỷ đồng", "triệu đồng/người", "xã"); value_kind says what values may be:
-- 'percent' a share 0–100, 'change' a rate of change of any sign, 'count' a
-- whole number ≥ 0, 'amount' a number ≥ 0, 'number' any number. direction
-- is how a value is judged against its target; a 'range' target has a low
-- and a high bound. aggregation is how the values of several units make one
-- (weighted averages weigh by weight_indicator_id's value of the same unit
-- and period). periodicity is the shortest period values are given for;
-- cumulative values (revenue, new communes) add up from January, so a
-- quarter is compared with the year's target pro rata. term_rule is how the
-- years of a term meet the term target: the last year's value, the average
-- of the years, or their sum. tolerance, in the indicator's unit, is how
-- far from the target still counts as meeting it. class is at least the
-- class of document_id, the document that set the indicator.
CREATE TABLE indicators (
    id                  {{id}},
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    measure             TEXT NOT NULL,
    value_kind          TEXT NOT NULL CHECK (value_kind IN ('percent', 'change', 'count', 'amount', 'number')),
    direction           TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'range')),
    aggregation         TEXT NOT NULL CHECK (aggregation IN ('sum', 'weighted_avg', 'max', 'none')),
    weight_indicator_id BIGINT REFERENCES indicators (id),
    periodicity         TEXT NOT NULL CHECK (periodicity IN ('month', 'quarter', 'half', 'year')),
    cumulative          BOOLEAN NOT NULL DEFAULT FALSE,
    term_rule           TEXT NOT NULL DEFAULT 'last' CHECK (term_rule IN ('last', 'average', 'sum')),
    tolerance           TEXT NOT NULL DEFAULT '0',
    main                BOOLEAN NOT NULL DEFAULT FALSE,
    position            INTEGER NOT NULL DEFAULT 0,
    document_id         BIGINT REFERENCES documents (id),
    scope_unit_id       BIGINT REFERENCES units (id),
    term_first          INTEGER,
    term_last           INTEGER,
    class               INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    description         TEXT NOT NULL DEFAULT '',
    search_key          TEXT NOT NULL,
    sort_key            {{key}} NOT NULL,
    created_by          BIGINT REFERENCES users (id),
    created_at          {{timestamp}} NOT NULL,
    updated_at          {{timestamp}} NOT NULL,
    CHECK ((aggregation = 'weighted_avg') = (weight_indicator_id IS NOT NULL)),
    CHECK (weight_indicator_id IS NULL OR weight_indicator_id <> id),
    CHECK ((term_first IS NULL) = (term_last IS NULL)),
    CHECK (term_last IS NULL OR term_last >= term_first)
);
CREATE INDEX indicators_main ON indicators (main, position, id);
CREATE INDEX indicators_document ON indicators (document_id);
CREATE INDEX indicators_scope ON indicators (scope_unit_id, main);

-- A target: for one year (first_year = last_year) or for the term
-- (period 'term'), for the indicator's scope unit (unit_id NULL) or for one
-- unit. A range target has value (low) and value_high.
CREATE TABLE indicator_targets (
    id            {{id}},
    indicator_id  BIGINT NOT NULL REFERENCES indicators (id),
    unit_id       BIGINT REFERENCES units (id),
    period        TEXT NOT NULL CHECK (period IN ('year', 'term')),
    first_year    INTEGER NOT NULL,
    last_year     INTEGER NOT NULL,
    value         TEXT NOT NULL,
    value_high    TEXT,
    note          TEXT NOT NULL DEFAULT '',
    created_by    BIGINT REFERENCES users (id),
    created_at    {{timestamp}} NOT NULL,
    CHECK (last_year >= first_year),
    CHECK (period = 'term' OR first_year = last_year)
);
CREATE UNIQUE INDEX indicator_targets_key ON indicator_targets (indicator_id, COALESCE(unit_id, 0), period, first_year);

-- Values: one row per version. A value is given by a unit for a period
-- (period_kind and its first and last day; 6 and 9 months and quarters run
-- from January or the quarter's first month), as an estimate ("ước đạt")
-- or final. A newer version supersedes the current one (a final replaces an
-- estimate; an estimate never replaces a final) and keeps it as history:
-- exactly one version per indicator, unit and period is current. value is
-- the exact decimal in machine form ("3.42"). class is the indicator's.
CREATE TABLE indicator_values (
    id            {{id}},
    indicator_id  BIGINT NOT NULL REFERENCES indicators (id),
    unit_id       BIGINT NOT NULL REFERENCES units (id),
    period_kind   TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'half', 'nine', 'year')),
    period_start  {{date}} NOT NULL,
    period_end    {{date}} NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('estimate', 'final')),
    value         TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    is_current    BOOLEAN NOT NULL,
    superseded_by BIGINT REFERENCES indicator_values (id),
    import_id     BIGINT REFERENCES imports (id),
    class         INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    entered_by    BIGINT REFERENCES users (id),
    entered_at    {{timestamp}} NOT NULL,
    CHECK (period_end >= period_start)
);
-- The current version of each value, for trends (one indicator and unit
-- over periods) and for single lookups.
CREATE UNIQUE INDEX indicator_values_current ON indicator_values (indicator_id, unit_id, period_kind, period_start)
    WHERE is_current;
-- The dashboard's access path: every current value of a few units (a unit
-- and the units merged into it) for one period.
CREATE INDEX indicator_values_unit_period ON indicator_values (unit_id, period_kind, period_start, indicator_id)
    WHERE is_current;
-- The history of one value, newest first.
CREATE INDEX indicator_values_history ON indicator_values (indicator_id, unit_id, period_kind, period_start, entered_at);
