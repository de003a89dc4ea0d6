-- The ticket event history that metrics are computed from; written by listeners of ticket events.
CREATE SEQUENCE reporting_ticket_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE reporting_ticket_event (
    id           BIGINT       NOT NULL PRIMARY KEY,
    program_id   BIGINT       NOT NULL,
    ticket_id    BIGINT       NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    tier         INT,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT reporting_ticket_event_uk UNIQUE (ticket_id, event_type, occurred_at)
);
CREATE INDEX reporting_ticket_event_program_idx ON reporting_ticket_event (program_id, occurred_at);
