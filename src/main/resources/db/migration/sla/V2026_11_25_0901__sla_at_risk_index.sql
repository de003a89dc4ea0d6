-- The console's "nearing or past SLA" queue: running clocks of a program past their warning point.
CREATE INDEX sla_clock_program_warn_idx ON sla_clock (program_id, warn_at);
