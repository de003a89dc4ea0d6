CREATE SEQUENCE escalation_timer_seq START WITH 1 INCREMENT BY 50;

-- Each program's escalation ladder (JSON); a program without one uses the standard 15-minute Tier 1 rule.
CREATE TABLE escalation_ladder (
    program_id  BIGINT         NOT NULL PRIMARY KEY,
    version     BIGINT         NOT NULL,
    document    VARCHAR(100000) NOT NULL,
    updated_by  BIGINT         NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- When each step falls due for each ticket and occurrence; fired once, or dropped when its condition went away.
CREATE TABLE escalation_timer (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    ticket_id   BIGINT        NOT NULL,
    program_id  BIGINT        NOT NULL,
    step        VARCHAR(200)  NOT NULL,
    occurrence  BIGINT        NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    fired_at    TIMESTAMP(6) WITH TIME ZONE,
    dropped     BOOLEAN       NOT NULL,
    outcome     VARCHAR(1000),
    CONSTRAINT escalation_timer_uk UNIQUE (ticket_id, step, occurrence)
);
-- the sweep reads only what is pending and due
CREATE INDEX escalation_timer_due_idx ON escalation_timer (fired_at, dropped, due_at);
CREATE INDEX escalation_timer_ticket_idx ON escalation_timer (ticket_id);
