-- A program's targets per metric ("FCR at least 70 %"), set by its managers; the dashboard holds each metric to its.
CREATE TABLE reporting_goal (
    program_id  BIGINT        NOT NULL,
    metric      VARCHAR(60)   NOT NULL,
    target      DOUBLE PRECISION NOT NULL,
    set_by      BIGINT        NOT NULL,
    set_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT reporting_goal_pk PRIMARY KEY (program_id, metric)
);
