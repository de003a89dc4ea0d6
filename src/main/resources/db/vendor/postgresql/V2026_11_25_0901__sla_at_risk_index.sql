-- The console's "nearing or past SLA" queue: the running clocks of a program, nearest due first. Only running clocks
-- are in the index, so the millions of stopped ones never slow it down.
CREATE INDEX sla_clock_running_due_idx ON sla_clock (program_id, due_at) WHERE stopped_at IS NULL;
