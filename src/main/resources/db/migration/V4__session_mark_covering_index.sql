-- Evaluation reads every mark of a batch of pupils over a year: with the code in the index the range
-- scan answers it alone, instead of looking each mark up in the table.
CREATE INDEX ix_session_mark_pupil_code ON session_mark (pupil_id, mark_date, session, code);
