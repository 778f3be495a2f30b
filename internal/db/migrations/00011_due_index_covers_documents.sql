-- A past date's dashboard ranks the documents with the most late deadlines
-- of its period by a scan of the period's deadlines by due day: with the
-- document in task_occurrences_due too, that scan reads the index alone
-- (on PostgreSQL it read a year of the country's rows from the table).
DROP INDEX task_occurrences_due;
CREATE INDEX task_occurrences_due ON task_occurrences (due_on, lead_unit_id, class, start_on, first_report_on, done_on, cancelled_on, task_id, document_id);
