-- Report files made in the background, with their progress, so any instance can tell how far one has got and serve
-- the file when it is done.
CREATE TABLE reporting_run (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    program_id    BIGINT        NOT NULL,
    requested_by  BIGINT        NOT NULL,
    kinds         VARCHAR(400)  NOT NULL,
    from_date     DATE          NOT NULL,
    to_date       DATE          NOT NULL,
    format        VARCHAR(10)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    done          INT           NOT NULL,
    total         INT           NOT NULL,
    file_key      VARCHAR(100),
    file_name     VARCHAR(200),
    content_type  VARCHAR(100),
    size_bytes    BIGINT,
    error         VARCHAR(2000),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX reporting_run_requester_idx ON reporting_run (requested_by, created_at);

-- Reports a program's managers have scheduled: which, how often, in which format, to whom. next_run_at is claimed
-- in the database, so with several instances each period's report goes out once.
CREATE SEQUENCE reporting_schedule_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE reporting_schedule (
    id             BIGINT        NOT NULL PRIMARY KEY,
    program_id     BIGINT        NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    kinds          VARCHAR(400)  NOT NULL,
    frequency      VARCHAR(20)   NOT NULL,
    format         VARCHAR(10)   NOT NULL,
    recipients     VARCHAR(4000) NOT NULL,
    owner_id       BIGINT        NOT NULL,
    next_run_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_run_at    TIMESTAMP(6) WITH TIME ZONE,
    last_from      DATE,
    last_to        DATE,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT reporting_schedule_name_uk UNIQUE (program_id, name)
);
CREATE INDEX reporting_schedule_due_idx ON reporting_schedule (next_run_at);
