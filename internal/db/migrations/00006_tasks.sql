-- Tasks (nhiệm vụ) drawn from documents, conference conclusions and agenda
-- items, their deadlines one by one, progress reports, history; reminders,
-- in-app notifications and the mail outbox; leases for periodic jobs.
-- internal/tasks, internal/notify and internal/jobs own these tables.

-- A task. Its deadline is one date (due_on) or a recurrence (monthly,
-- quarterly, half_yearly, yearly from start_on to recur_until, due on
-- due_day of the last month of each period, 0 for its last day); either way
-- the deadlines are rows of task_occurrences, tracked one by one. class is
-- max(own_class, the source's class) and never less than the parent's.
-- parent_id is the task this one was handed on or split from (a tree).
-- source_kind/source_id name the record it was drawn from (no foreign key:
-- conclusions and agenda items live in another area's tables); document_id
-- is the document behind the source, for totals by document.
CREATE TABLE tasks (
    id                    {{id}},
    parent_id             BIGINT REFERENCES tasks (id),
    kind                  TEXT NOT NULL CHECK (kind IN ('task', 'report', 'draft', 'inspection')),
    source_kind           TEXT NOT NULL DEFAULT '' CHECK (source_kind IN ('', 'document', 'conclusion', 'agenda_item')),
    source_id             BIGINT,
    source_label          TEXT NOT NULL DEFAULT '',
    document_id           BIGINT REFERENCES documents (id),
    title                 TEXT NOT NULL,
    content               TEXT NOT NULL DEFAULT '',
    product               TEXT NOT NULL DEFAULT '',
    priority              TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    lead_unit_id          BIGINT NOT NULL REFERENCES units (id),
    responsible_person_id BIGINT REFERENCES persons (id),
    start_on              {{date}} NOT NULL,
    due_on                {{date}},
    recurrence            TEXT NOT NULL DEFAULT '' CHECK (recurrence IN ('', 'monthly', 'quarterly', 'half_yearly', 'yearly')),
    recur_until           {{date}},
    due_day               INTEGER NOT NULL DEFAULT 0 CHECK (due_day BETWEEN 0 AND 31),
    own_class             INTEGER NOT NULL DEFAULT 0 CHECK (own_class BETWEEN 0 AND 3),
    class                 INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    cancelled_on          {{date}},
    cancel_reason         TEXT NOT NULL DEFAULT '',
    import_id             BIGINT, -- the import (internal/sheet) that created it
    search_key            TEXT NOT NULL,
    created_by            BIGINT REFERENCES users (id),
    created_at            {{timestamp}} NOT NULL,
    updated_at            {{timestamp}} NOT NULL,
    CHECK ((recurrence = '') = (due_on IS NOT NULL)),
    CHECK ((recurrence = '') = (recur_until IS NULL)),
    CHECK (due_on IS NULL OR due_on >= start_on),
    CHECK (recur_until IS NULL OR recur_until >= start_on),
    CHECK (class >= own_class),
    CHECK ((source_kind = '') = (source_id IS NULL))
);
CREATE INDEX tasks_parent ON tasks (parent_id);
CREATE INDEX tasks_source ON tasks (source_kind, source_id);
CREATE INDEX tasks_import ON tasks (import_id);
CREATE INDEX tasks_document ON tasks (document_id);

CREATE TABLE task_coordinators (
    task_id  BIGINT NOT NULL REFERENCES tasks (id),
    unit_id  BIGINT NOT NULL REFERENCES units (id),
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_coordinators_unit ON task_coordinators (unit_id, task_id);

-- One deadline of a task: the only one of a single-deadline task, or one
-- period of a recurring one ("2025-Q1"). Its status is derived (see
-- tasks.StatusOn) from its milestone dates: start_on, due_on, the day of the
-- first report, done_on and cancelled_on — so the status on any past date
-- is a CASE over this row, never a scan of the reports. status holds the
-- status as of today, for the inbox's indexes: written by every change of
-- a milestone and moved to 'overdue' by the status job the day after
-- due_on. lead_unit_id, responsible_person_id, document_id, kind and class
-- are copied from the task (kept in step by internal/tasks) so that the
-- inbox and the dashboard read one table.
CREATE TABLE task_occurrences (
    id                    {{id}},
    task_id               BIGINT NOT NULL REFERENCES tasks (id),
    seq                   INTEGER NOT NULL,
    period                TEXT NOT NULL DEFAULT '',
    start_on              {{date}} NOT NULL,
    due_on                {{date}} NOT NULL,
    lead_unit_id          BIGINT NOT NULL REFERENCES units (id),
    responsible_person_id BIGINT REFERENCES persons (id),
    document_id           BIGINT,
    kind                  TEXT NOT NULL,
    class                 INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    percent               INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    first_report_on       {{date}},
    last_report_on        {{date}},
    done_on               {{date}},
    cancelled_on          {{date}},
    status                TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done_on_time', 'done_late', 'overdue', 'cancelled')),
    CHECK (due_on >= start_on),
    CHECK (done_on IS NULL OR cancelled_on IS NULL)
);
CREATE UNIQUE INDEX task_occurrences_seq ON task_occurrences (task_id, seq);
CREATE INDEX task_occurrences_unit ON task_occurrences (lead_unit_id, status, due_on);
CREATE INDEX task_occurrences_person ON task_occurrences (responsible_person_id, status, due_on);
CREATE INDEX task_occurrences_open ON task_occurrences (status, due_on);
-- Covering indexes for the dashboard's counts as of a date: every column
-- the status expression and the grouping read, so that neither engine
-- touches the table.
CREATE INDEX task_occurrences_due ON task_occurrences (due_on, lead_unit_id, class, start_on, first_report_on, done_on, cancelled_on, task_id);
CREATE INDEX task_occurrences_document ON task_occurrences (document_id, due_on, class, start_on, first_report_on, done_on, cancelled_on, task_id);

-- Counts of deadlines by lead unit (and by source document), month of the
-- deadline, class and stored status, for the dashboard as of today: a few
-- hundred rows per province and year instead of a scan of the deadlines.
-- Triggers on task_occurrences append a +1 for a row's new key and a -1 for
-- its old one, so that every change of status, unit, class, deadline or
-- document is counted in its own transaction; appending never waits on
-- another transaction (an upserted counter would, and could deadlock). The
-- status job folds the rows into one per key (tasks.CompactCounts).
-- month is 'YYYY-MM' of due_on.
CREATE TABLE task_unit_counts (
    lead_unit_id BIGINT NOT NULL,
    month        TEXT NOT NULL,
    class        INTEGER NOT NULL,
    status       TEXT NOT NULL,
    n            BIGINT NOT NULL
);
CREATE INDEX task_unit_counts_key ON task_unit_counts (month, lead_unit_id, class, status, n);
CREATE INDEX task_unit_counts_unit ON task_unit_counts (lead_unit_id, month, class, status, n);

CREATE TABLE task_document_counts (
    document_id  BIGINT NOT NULL,
    month        TEXT NOT NULL,
    class        INTEGER NOT NULL,
    status       TEXT NOT NULL,
    n            BIGINT NOT NULL
);
CREATE INDEX task_document_counts_key ON task_document_counts (month, document_id, class, status, n);

-- Classified deadlines are counted live (grants decide who sees each one);
-- this index keeps that scan to them alone.
-- Deadlines whose period has not begun (recurring tasks' later periods):
-- not counted on the dashboard until they start.
CREATE INDEX task_occurrences_start ON task_occurrences (start_on, due_on, lead_unit_id, class, document_id);
CREATE INDEX task_occurrences_classified ON task_occurrences (due_on, lead_unit_id, class, start_on, first_report_on, done_on, cancelled_on, task_id, document_id) WHERE class > 0;

{{if sqlite}}
CREATE TRIGGER task_occurrences_count_insert AFTER INSERT ON task_occurrences BEGIN
    INSERT INTO task_unit_counts VALUES (NEW.lead_unit_id, substr(NEW.due_on, 1, 7), NEW.class, NEW.status, 1);
    INSERT INTO task_document_counts SELECT NEW.document_id, substr(NEW.due_on, 1, 7), NEW.class, NEW.status, 1 WHERE NEW.document_id IS NOT NULL;
END;
CREATE TRIGGER task_occurrences_count_update AFTER UPDATE OF status, lead_unit_id, class, due_on, document_id ON task_occurrences
WHEN OLD.status <> NEW.status OR OLD.lead_unit_id <> NEW.lead_unit_id OR OLD.class <> NEW.class OR OLD.due_on <> NEW.due_on
    OR OLD.document_id IS NOT NEW.document_id BEGIN
    INSERT INTO task_unit_counts VALUES (OLD.lead_unit_id, substr(OLD.due_on, 1, 7), OLD.class, OLD.status, -1);
    INSERT INTO task_unit_counts VALUES (NEW.lead_unit_id, substr(NEW.due_on, 1, 7), NEW.class, NEW.status, 1);
    INSERT INTO task_document_counts SELECT OLD.document_id, substr(OLD.due_on, 1, 7), OLD.class, OLD.status, -1 WHERE OLD.document_id IS NOT NULL;
    INSERT INTO task_document_counts SELECT NEW.document_id, substr(NEW.due_on, 1, 7), NEW.class, NEW.status, 1 WHERE NEW.document_id IS NOT NULL;
END;
CREATE TRIGGER task_occurrences_count_delete AFTER DELETE ON task_occurrences BEGIN
    INSERT INTO task_unit_counts VALUES (OLD.lead_unit_id, substr(OLD.due_on, 1, 7), OLD.class, OLD.status, -1);
    INSERT INTO task_document_counts SELECT OLD.document_id, substr(OLD.due_on, 1, 7), OLD.class, OLD.status, -1 WHERE OLD.document_id IS NOT NULL;
END;
{{else}}
CREATE FUNCTION task_occurrences_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO task_unit_counts VALUES (OLD.lead_unit_id, to_char(OLD.due_on, 'YYYY-MM'), OLD.class, OLD.status, -1);
        IF OLD.document_id IS NOT NULL THEN
            INSERT INTO task_document_counts VALUES (OLD.document_id, to_char(OLD.due_on, 'YYYY-MM'), OLD.class, OLD.status, -1);
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO task_unit_counts VALUES (NEW.lead_unit_id, to_char(NEW.due_on, 'YYYY-MM'), NEW.class, NEW.status, 1);
        IF NEW.document_id IS NOT NULL THEN
            INSERT INTO task_document_counts VALUES (NEW.document_id, to_char(NEW.due_on, 'YYYY-MM'), NEW.class, NEW.status, 1);
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER task_occurrences_count_insert AFTER INSERT OR DELETE ON task_occurrences
    FOR EACH ROW EXECUTE FUNCTION task_occurrences_count();
CREATE TRIGGER task_occurrences_count_update AFTER UPDATE OF status, lead_unit_id, class, due_on, document_id ON task_occurrences
    FOR EACH ROW WHEN (OLD.status <> NEW.status OR OLD.lead_unit_id <> NEW.lead_unit_id OR OLD.class <> NEW.class
        OR OLD.due_on <> NEW.due_on OR OLD.document_id IS DISTINCT FROM NEW.document_id)
    EXECUTE FUNCTION task_occurrences_count();
{{end}}

-- A progress report on one occurrence, by a member of the lead unit, a
-- coordinating unit or the office: percent done, what was done, evidence
-- files (files with owner_entity 'task_report').
CREATE TABLE task_reports (
    id            {{id}},
    task_id       BIGINT NOT NULL REFERENCES tasks (id),
    occurrence_id BIGINT NOT NULL REFERENCES task_occurrences (id),
    unit_id       BIGINT REFERENCES units (id),
    user_id       BIGINT REFERENCES users (id),
    author        TEXT NOT NULL,
    reported_on   {{date}} NOT NULL,
    percent       INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    body          TEXT NOT NULL DEFAULT '',
    created_at    {{timestamp}} NOT NULL
);
CREATE INDEX task_reports_occurrence ON task_reports (occurrence_id, id);
CREATE INDEX task_reports_task ON task_reports (task_id, id);

-- The history of a task, as its page shows it: who did what when. Status
-- changes made by time (the status job) are here too, by "system".
CREATE TABLE task_events (
    id            {{id}},
    task_id       BIGINT NOT NULL REFERENCES tasks (id),
    occurrence_id BIGINT,
    at            {{timestamp}} NOT NULL,
    user_id       BIGINT,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX task_events_task ON task_events (task_id, id);

-- When reminders go out, per kind of task: offset_days before (negative)
-- or after (positive) each deadline, at 08:00 Vietnam time.
CREATE TABLE reminder_rules (
    kind        TEXT NOT NULL,
    offset_days INTEGER NOT NULL CHECK (offset_days BETWEEN -60 AND 60 AND offset_days <> 0),
    PRIMARY KEY (kind, offset_days)
);
INSERT INTO reminder_rules (kind, offset_days) VALUES
    ('task', -7), ('task', -1), ('task', 1), ('task', 7),
    ('report', -3), ('report', -1), ('report', 1),
    ('draft', -7), ('draft', -1), ('draft', 1), ('draft', 7),
    ('inspection', -7), ('inspection', 1);

-- One reminder: an occurrence × a rule × a recipient, decided exactly once.
-- The key is inserted in the transaction that writes the notification and
-- queues the mail, so no instance can send it twice. state says what became
-- of it: sent on time, folded into a catch-up digest, or skipped (its
-- moment was long past, or a later reminder superseded it).
CREATE TABLE reminders (
    occurrence_id   BIGINT NOT NULL REFERENCES task_occurrences (id),
    offset_days     INTEGER NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    due_at          {{timestamp}} NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('sent', 'digest', 'skipped')),
    notification_id BIGINT,
    created_at      {{timestamp}} NOT NULL,
    PRIMARY KEY (occurrence_id, offset_days, user_id)
);
CREATE INDEX reminders_user ON reminders (user_id, created_at);

-- In-app notifications. class is the class of what it is about: a
-- notification is listed and counted only while its reader may see that.
CREATE TABLE notifications (
    id          {{id}},
    user_id     BIGINT NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL,
    entity      TEXT NOT NULL DEFAULT '',
    entity_id   BIGINT,
    class       INTEGER NOT NULL DEFAULT 0 CHECK (class BETWEEN 0 AND 3),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    created_at  {{timestamp}} NOT NULL,
    read_at     {{timestamp}}
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);

-- Mail waiting to be sent through SMTP by the holder of the "mail" lease.
-- message_id is derived from what the mail is about, so a retry after a
-- crash between the server's acceptance and the commit carries the same
-- Message-ID and readers' clients fold the two.
CREATE TABLE mail_outbox (
    id              {{id}},
    user_id         BIGINT REFERENCES users (id),
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    created_at      {{timestamp}} NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {{timestamp}} NOT NULL,
    sent_at         {{timestamp}},
    last_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_pending ON mail_outbox (sent_at, next_attempt_at);

-- Leases of periodic jobs: the instance that holds a job's lease until
-- expires_at is the only one running it (internal/jobs).
CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  {{timestamp}} NOT NULL
);

CREATE TABLE job_runs (
    id          {{id}},
    name        TEXT NOT NULL,
    holder      TEXT NOT NULL,
    started_at  {{timestamp}} NOT NULL,
    finished_at {{timestamp}},
    ok          BOOLEAN NOT NULL DEFAULT FALSE,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_runs_name ON job_runs (name, id);
