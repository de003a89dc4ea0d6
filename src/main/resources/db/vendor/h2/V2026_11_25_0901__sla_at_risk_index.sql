-- The console's "nearing or past SLA" queue (H2 has no partial indexes: every clock is in this one).
CREATE INDEX sla_clock_running_due_idx ON sla_clock (program_id, stopped_at, due_at);
