-- The channel a ticket came in on, kept with its OPENED event: arrivals per channel and hour for staffing.
ALTER TABLE reporting_ticket_event ADD COLUMN channel VARCHAR(20);
CREATE INDEX reporting_ticket_event_type_idx ON reporting_ticket_event (program_id, event_type, occurred_at);
