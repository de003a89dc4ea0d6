-- Deficiency reports (DRs): a fault in a supported system, raised from the tickets that found it and coordinated with
-- the system's cognizant authority until a release fixes it.
CREATE SEQUENCE deficiency_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE deficiency_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE deficiency_report (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    version            BIGINT        NOT NULL,
    program_id         BIGINT        NOT NULL,
    number             VARCHAR(30)   NOT NULL,
    system_name        VARCHAR(200)  NOT NULL,
    version_found      VARCHAR(100)  NOT NULL,
    severity           VARCHAR(20)   NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    description        VARCHAR(20000) NOT NULL,
    steps              VARCHAR(20000),
    workaround         VARCHAR(20000),
    authority_group_id BIGINT,
    authority          VARCHAR(500),
    status             VARCHAR(30)   NOT NULL,
    fix_release        VARCHAR(100),
    fix_planned_on     DATE,
    fix_shipped_on     DATE,
    duplicate_of       VARCHAR(30),
    raised_by          BIGINT        NOT NULL,
    raised_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT deficiency_report_number_uk UNIQUE (number)
);
CREATE INDEX deficiency_report_program_idx ON deficiency_report (program_id, status);
CREATE INDEX deficiency_report_system_idx ON deficiency_report (program_id, system_name);

-- The tickets a DR gathers; notified_at is claimed once when the fixing release ships (never twice, on any instance).
CREATE TABLE deficiency_ticket (
    id             BIGINT       NOT NULL PRIMARY KEY,
    report_id      BIGINT       NOT NULL,
    ticket_id      BIGINT       NOT NULL,
    ticket_number  VARCHAR(30)  NOT NULL,
    linked_by      BIGINT       NOT NULL,
    linked_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    notified_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT deficiency_ticket_uk UNIQUE (report_id, ticket_id),
    CONSTRAINT deficiency_ticket_report_fk FOREIGN KEY (report_id) REFERENCES deficiency_report (id)
);
CREATE INDEX deficiency_ticket_ticket_idx ON deficiency_ticket (ticket_id);

-- Every change to a DR: who, when, what was there before and after, and why.
CREATE TABLE deficiency_history (
    id          BIGINT        NOT NULL PRIMARY KEY,
    report_id   BIGINT        NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    field       VARCHAR(40),
    old_value   VARCHAR(4000),
    new_value   VARCHAR(4000),
    reason      VARCHAR(4000),
    actor_id    BIGINT        NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT deficiency_history_report_fk FOREIGN KEY (report_id) REFERENCES deficiency_report (id)
);
CREATE INDEX deficiency_history_report_idx ON deficiency_history (report_id, occurred_at);
