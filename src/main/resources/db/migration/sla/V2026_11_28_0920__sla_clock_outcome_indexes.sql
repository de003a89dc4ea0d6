-- Reports count the clocks decided (met or breached) in a period.
CREATE INDEX sla_clock_met_idx ON sla_clock (program_id, met_at);
CREATE INDEX sla_clock_breached_idx ON sla_clock (program_id, breached_at);
