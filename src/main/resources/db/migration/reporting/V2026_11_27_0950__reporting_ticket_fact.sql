-- One row per ticket with what the metrics slice and count by, rewritten from the ticket's own state and history on
-- each of its events (only when newer: ticket_version), so late, repeated or reordered events leave it right. Metrics
-- read ranges of it, never every ticket.
CREATE TABLE reporting_ticket_fact (
    ticket_id           BIGINT        NOT NULL PRIMARY KEY,
    program_id          BIGINT        NOT NULL,
    ticket_version      BIGINT        NOT NULL,
    opened_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    channel             VARCHAR(20),
    kind                VARCHAR(20),
    priority            VARCHAR(20),
    category            VARCHAR(200),
    system_name         VARCHAR(200),
    site                VARCHAR(200),
    organization        VARCHAR(200),
    requester_id        BIGINT,
    owner_id            BIGINT,
    owner_group_id      BIGINT,
    first_response_at   TIMESTAMP(6) WITH TIME ZONE,
    customer_follow_ups INT           DEFAULT 0 NOT NULL,
    escalations         INT           DEFAULT 0 NOT NULL,
    max_tier            INT           DEFAULT 1 NOT NULL,
    returns             INT           DEFAULT 0 NOT NULL,
    ping_pongs          INT           DEFAULT 0 NOT NULL,
    resolved_at         TIMESTAMP(6) WITH TIME ZONE,
    resolved_tier       INT,
    reopens             INT           DEFAULT 0 NOT NULL,
    accepted            BOOLEAN,
    closed_at           TIMESTAMP(6) WITH TIME ZONE,
    cancelled_at        TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX reporting_ticket_fact_opened_idx ON reporting_ticket_fact (program_id, opened_at);
CREATE INDEX reporting_ticket_fact_resolved_idx ON reporting_ticket_fact (program_id, resolved_at);
CREATE INDEX reporting_ticket_fact_closed_idx ON reporting_ticket_fact (program_id, closed_at);
