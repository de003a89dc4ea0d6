-- A lesson learned drawn from a resolved ticket, in the agent's words, for the periodic lessons-learned report.
ALTER TABLE ticket ADD COLUMN lesson_summary VARCHAR(4000);
ALTER TABLE ticket ADD COLUMN lesson_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN lesson_by BIGINT;
