CREATE SEQUENCE onboarding_case_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE onboarding_event_seq START WITH 1 INCREMENT BY 50;

-- A program's request for the desk's tiered services, answered within three business days, up to its activation.
CREATE TABLE onboarding_case (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       BIGINT        NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    organization  VARCHAR(200)  NOT NULL,
    program_name  VARCHAR(200)  NOT NULL,
    contact_name  VARCHAR(200)  NOT NULL,
    contact_email VARCHAR(320)  NOT NULL,
    contact_phone VARCHAR(50),
    message       VARCHAR(4000),
    received_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answer_due    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answered_at   TIMESTAMP(6) WITH TIME ZONE,
    answered_by   BIGINT,
    answer        VARCHAR(4000),
    program_key   VARCHAR(20),
    activated_at  TIMESTAMP(6) WITH TIME ZONE,
    activated_by  BIGINT
);
CREATE INDEX onboarding_case_due_idx ON onboarding_case (status, answer_due);

-- The follow-on checklist: after-hours coverage, additional software, reporting, training, the SLA.
CREATE TABLE onboarding_checklist (
    case_id    BIGINT       NOT NULL,
    position   INT          NOT NULL,
    item       VARCHAR(40)  NOT NULL,
    settled    BOOLEAN      NOT NULL,
    note       VARCHAR(4000),
    settled_by BIGINT,
    settled_at TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (case_id, position),
    CONSTRAINT onboarding_checklist_fk FOREIGN KEY (case_id) REFERENCES onboarding_case (id) ON DELETE CASCADE
);

-- Who receives the program's periodic reports, set at activation.
CREATE TABLE onboarding_report_recipient (
    case_id  BIGINT       NOT NULL,
    position INT          NOT NULL,
    email    VARCHAR(320) NOT NULL,
    PRIMARY KEY (case_id, position),
    CONSTRAINT onboarding_report_recipient_fk FOREIGN KEY (case_id) REFERENCES onboarding_case (id) ON DELETE CASCADE
);

CREATE TABLE onboarding_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    detail      VARCHAR(4000),
    actor_id    BIGINT,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX onboarding_event_case_idx ON onboarding_event (case_id, occurred_at);
