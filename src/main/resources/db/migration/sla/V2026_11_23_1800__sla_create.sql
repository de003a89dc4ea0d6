CREATE SEQUENCE sla_definition_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE sla_clock_seq START WITH 1 INCREMENT BY 50;

-- Calendars, service level policies and group (OLA / underpinning contract) targets, as written (JSON), checked.
CREATE TABLE sla_definition (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    program_id  BIGINT        NOT NULL,
    type        VARCHAR(20)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    name_key    VARCHAR(200)  NOT NULL,
    selector    VARCHAR(200),
    document    VARCHAR(100000) NOT NULL,
    updated_by  BIGINT        NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT sla_definition_name_uk UNIQUE (program_id, type, name_key)
);

-- Every clock of every ticket as last measured; the sweep looks at those whose next_check_at has come.
CREATE TABLE sla_clock (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    ticket_id       BIGINT        NOT NULL,
    program_id      BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    assignment_key  BIGINT        NOT NULL,
    group_id        BIGINT,
    tier            INT           NOT NULL,
    source          VARCHAR(200)  NOT NULL,
    target_seconds  BIGINT        NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    stopped_at      TIMESTAMP(6) WITH TIME ZONE,
    due_at          TIMESTAMP(6) WITH TIME ZONE,
    warn_at         TIMESTAMP(6) WITH TIME ZONE,
    elapsed_seconds BIGINT        NOT NULL,
    paused_seconds  BIGINT        NOT NULL,
    computed_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    next_check_at   TIMESTAMP(6) WITH TIME ZONE,
    warned_at       TIMESTAMP(6) WITH TIME ZONE,
    breached_at     TIMESTAMP(6) WITH TIME ZONE,
    met_at          TIMESTAMP(6) WITH TIME ZONE,
    timeline        VARCHAR(4000),
    CONSTRAINT sla_clock_uk UNIQUE (ticket_id, kind, assignment_key)
);
CREATE INDEX sla_clock_next_check_idx ON sla_clock (next_check_at);
CREATE INDEX sla_clock_program_state_idx ON sla_clock (program_id, state);
