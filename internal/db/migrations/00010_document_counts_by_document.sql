-- The dashboard ranks the documents most late in the database, then counts
-- the first few by their ids: this index serves that second read, as
-- task_unit_counts_unit does for a unit's counts.
CREATE INDEX task_document_counts_document ON task_document_counts (document_id, month, class, status, n);
