-- The agent console's queues and live updates. Each work queue reads one index range, in queue order, and stops at
-- the page's end: whether a ticket is unfinished and its priority's rank are kept as columns (derived by the ticket
-- itself), so the range needs no list of statuses and no computed sort; counts read the same ranges.
ALTER TABLE ticket ADD COLUMN active BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN priority_rank INT DEFAULT 5 NOT NULL;
UPDATE ticket SET active = (status IN ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER', 'WAITING_ON_VENDOR')),
    priority_rank = CASE priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3
                                  WHEN 'PLANNING' THEN 4 ELSE 5 END;
CREATE INDEX ticket_work_queue_idx ON ticket (program_id, active, priority_rank, created_at, id);
CREATE INDEX ticket_unowned_queue_idx ON ticket (program_id, active, owner_id, priority_rank, created_at, id);
CREATE INDEX ticket_program_owner_status_idx ON ticket (program_id, owner_id, status);
CREATE INDEX ticket_updated_idx ON ticket (updated_at);
