-- The requester's answer to the satisfaction survey (1..5), kept beside the ticket's facts for the metrics.
ALTER TABLE reporting_ticket_fact ADD COLUMN satisfaction INT;

-- Business time (the program's default calendar): to the first response, to the final resolution (not while waiting
-- on the customer), and how long each tier held the work; and when specialists swarmed on the ticket.
ALTER TABLE reporting_ticket_fact ADD COLUMN first_response_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN resolution_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN tier1_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN tier2_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN tier3_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN tier4_bs BIGINT;
ALTER TABLE reporting_ticket_fact ADD COLUMN swarmed_at TIMESTAMP(6) WITH TIME ZONE;

-- The tiers the work passed through in order ("1>2>3>1"): the tier flow chart counts its steps.
ALTER TABLE reporting_ticket_fact ADD COLUMN tier_path VARCHAR(100);

-- What the periodic reports list per ticket: its number, subject and status, and the lesson learned from it.
ALTER TABLE reporting_ticket_fact ADD COLUMN ticket_number VARCHAR(30);
ALTER TABLE reporting_ticket_fact ADD COLUMN subject VARCHAR(300);
ALTER TABLE reporting_ticket_fact ADD COLUMN status VARCHAR(30);
ALTER TABLE reporting_ticket_fact ADD COLUMN lesson_summary VARCHAR(4000);
ALTER TABLE reporting_ticket_fact ADD COLUMN lesson_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX reporting_ticket_fact_lesson_idx ON reporting_ticket_fact (program_id, lesson_at);
