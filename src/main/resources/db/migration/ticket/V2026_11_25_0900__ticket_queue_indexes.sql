-- The agent console's queues and live updates: each queue is one indexed range, its count an index scan.
CREATE INDEX ticket_program_owner_status_idx ON ticket (program_id, owner_id, status);
CREATE INDEX ticket_program_status_created_idx ON ticket (program_id, status, created_at);
CREATE INDEX ticket_updated_idx ON ticket (updated_at);
