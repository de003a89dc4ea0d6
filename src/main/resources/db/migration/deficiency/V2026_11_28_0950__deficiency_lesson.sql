-- A lesson learned drawn from a deficiency report, for the periodic lessons-learned report.
ALTER TABLE deficiency_report ADD COLUMN lesson_summary VARCHAR(4000);
ALTER TABLE deficiency_report ADD COLUMN lesson_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE deficiency_report ADD COLUMN lesson_by BIGINT;
CREATE INDEX deficiency_report_lesson_idx ON deficiency_report (program_id, lesson_at);
