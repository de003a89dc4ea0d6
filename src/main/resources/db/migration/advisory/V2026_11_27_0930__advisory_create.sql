-- System advisory notices and heads-up messages: written, approved by a program manager other than the author,
-- published to exactly the customers and agents they concern, acknowledged per recipient, reminded, expired.
CREATE SEQUENCE advisory_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE advisory_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE advisory (
    id                  BIGINT         NOT NULL PRIMARY KEY,
    version             BIGINT         NOT NULL,
    program_id          BIGINT         NOT NULL,
    number              VARCHAR(30)    NOT NULL,
    kind                VARCHAR(20)    NOT NULL,
    audience            VARCHAR(20)    NOT NULL,
    severity            VARCHAR(20)    NOT NULL,
    title               VARCHAR(300)   NOT NULL,
    body                VARCHAR(20000) NOT NULL,
    by_email            BOOLEAN        NOT NULL,
    by_sms              BOOLEAN        NOT NULL,
    requires_ack        BOOLEAN        NOT NULL,
    remind_every_hours  INT,
    max_reminders       INT            NOT NULL,
    expires_at          TIMESTAMP(6) WITH TIME ZONE,
    status              VARCHAR(20)    NOT NULL,
    author_id           BIGINT         NOT NULL,
    approved_by         BIGINT,
    approved_at         TIMESTAMP(6) WITH TIME ZONE,
    published_at        TIMESTAMP(6) WITH TIME ZONE,
    withdrawn_at        TIMESTAMP(6) WITH TIME ZONE,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT advisory_number_uk UNIQUE (number)
);
CREATE INDEX advisory_program_idx ON advisory (program_id, status);

-- Whom an advisory is for: systems, versions (of those systems), sites, organizations. None of a kind: any.
CREATE TABLE advisory_target (
    advisory_id  BIGINT       NOT NULL,
    target_kind  VARCHAR(20)  NOT NULL,
    target_value VARCHAR(200) NOT NULL,
    CONSTRAINT advisory_target_pk PRIMARY KEY (advisory_id, target_kind, target_value),
    CONSTRAINT advisory_target_fk FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

-- Each person an advisory reached, when, whether they acknowledged it, and when to remind them next.
CREATE TABLE advisory_recipient (
    id               BIGINT       NOT NULL PRIMARY KEY,
    advisory_id      BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    as_agent         BOOLEAN      NOT NULL,
    delivered_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    acknowledged_at  TIMESTAMP(6) WITH TIME ZONE,
    reminders_sent   INT          NOT NULL,
    next_reminder_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT advisory_recipient_uk UNIQUE (advisory_id, account_id),
    CONSTRAINT advisory_recipient_fk FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);
CREATE INDEX advisory_recipient_account_idx ON advisory_recipient (account_id, acknowledged_at);
CREATE INDEX advisory_recipient_reminder_idx ON advisory_recipient (next_reminder_at);

-- Every step of an advisory: who, when, what, why.
CREATE TABLE advisory_history (
    id          BIGINT        NOT NULL PRIMARY KEY,
    advisory_id BIGINT        NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    detail      VARCHAR(4000),
    actor_id    BIGINT        NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT advisory_history_fk FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);
CREATE INDEX advisory_history_idx ON advisory_history (advisory_id, occurred_at);
