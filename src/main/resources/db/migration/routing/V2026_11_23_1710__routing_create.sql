CREATE SEQUENCE routing_rule_set_seq START WITH 1 INCREMENT BY 50;

-- Every saved version of a program's routing rules (JSON), with who saved it, when and why. The highest is in force.
CREATE TABLE routing_rule_set (
    id          BIGINT         NOT NULL PRIMARY KEY,
    program_id  BIGINT         NOT NULL,
    version     BIGINT         NOT NULL,
    document    VARCHAR(1000000) NOT NULL,
    rule_count  INT            NOT NULL,
    saved_by    BIGINT         NOT NULL,
    saved_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000),
    CONSTRAINT routing_rule_set_version_uk UNIQUE (program_id, version)
);

-- How each ticket was routed (one row per ticket: a redelivered event is not routed twice).
CREATE TABLE routing_decision (
    ticket_id        BIGINT        NOT NULL PRIMARY KEY,
    program_id       BIGINT        NOT NULL,
    rule_set_version BIGINT        NOT NULL,
    rule             VARCHAR(200),
    outcome          VARCHAR(4000) NOT NULL,
    decided_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
