CREATE SEQUENCE ticket_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE ticket_child_seq START WITH 1 INCREMENT BY 50;
-- Human ticket numbers: unique and safe under concurrent creation on any number of instances; gaps are tolerated.
CREATE SEQUENCE ticket_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ticket (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                BIGINT        NOT NULL,
    number                 VARCHAR(30)   NOT NULL,
    program_id             BIGINT        NOT NULL,
    kind                   VARCHAR(20)   NOT NULL,
    channel                VARCHAR(20)   NOT NULL,
    subject                VARCHAR(300)  NOT NULL,
    description            VARCHAR(1000000) NOT NULL,
    occurred_at            TIMESTAMP(6) WITH TIME ZONE,
    location               VARCHAR(300),
    circumstances          VARCHAR(4000),
    affected_system        VARCHAR(200),
    affected_version       VARCHAR(100),
    category               VARCHAR(100),
    impact                 VARCHAR(10)   NOT NULL,
    urgency                VARCHAR(10)   NOT NULL,
    priority               VARCHAR(10)   NOT NULL,
    status                 VARCHAR(30)   NOT NULL,
    requester_id           BIGINT        NOT NULL,
    requester_organization VARCHAR(200),
    owner_id               BIGINT,
    owner_group_id         BIGINT,
    tier                   INT           NOT NULL,
    management_flagged_at  TIMESTAMP(6) WITH TIME ZONE,
    management_flag_reason VARCHAR(2000),
    duty_manager_id        BIGINT,
    reopen_count           INT           NOT NULL,
    resolution_code        VARCHAR(30),
    resolution_solution    VARCHAR(100000),
    fix_release            VARCHAR(100),
    fix_release_date       DATE,
    resolved_at            TIMESTAMP(6) WITH TIME ZONE,
    resolved_by            BIGINT,
    auto_close_at          TIMESTAMP(6) WITH TIME ZONE,
    closed_at              TIMESTAMP(6) WITH TIME ZONE,
    merged_into_id         BIGINT,
    created_by             BIGINT        NOT NULL,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_number_uk UNIQUE (number),
    CONSTRAINT ticket_tier_ck CHECK (tier BETWEEN 1 AND 4)
);
CREATE INDEX ticket_program_status_idx ON ticket (program_id, status);
CREATE INDEX ticket_program_updated_idx ON ticket (program_id, updated_at);
CREATE INDEX ticket_requester_idx ON ticket (requester_id);
CREATE INDEX ticket_owner_idx ON ticket (owner_id);
CREATE INDEX ticket_auto_close_idx ON ticket (auto_close_at);

-- The conversation: public replies and internal notes.
CREATE TABLE ticket_entry (
    id             BIGINT       NOT NULL PRIMARY KEY,
    ticket_id      BIGINT       NOT NULL,
    visibility     VARCHAR(10)  NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    author_id      BIGINT       NOT NULL,
    assignment_id  BIGINT,
    body           VARCHAR(1000000) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_entry_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ticket_entry_ticket_idx ON ticket_entry (ticket_id);

-- Work handed to a group (and optionally a person) at a higher tier; the owner does not change.
CREATE TABLE ticket_assignment (
    id              BIGINT       NOT NULL PRIMARY KEY,
    ticket_id       BIGINT       NOT NULL,
    group_id        BIGINT       NOT NULL,
    assignee_id     BIGINT,
    tier            INT          NOT NULL,
    from_tier       INT          NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    assigned_by     BIGINT       NOT NULL,
    assigned_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP(6) WITH TIME ZONE,
    ended_by        BIGINT,
    findings        VARCHAR(100000),
    CONSTRAINT ticket_assignment_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ticket_assignment_ticket_idx ON ticket_assignment (ticket_id);
CREATE INDEX ticket_assignment_group_idx ON ticket_assignment (group_id, status);

CREATE TABLE ticket_link (
    id           BIGINT      NOT NULL PRIMARY KEY,
    ticket_id    BIGINT      NOT NULL,
    link_type    VARCHAR(20) NOT NULL,
    target_id    BIGINT      NOT NULL,
    created_by   BIGINT      NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_link_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT ticket_link_uk UNIQUE (ticket_id, link_type, target_id)
);
CREATE INDEX ticket_link_target_idx ON ticket_link (target_id);

-- Immutable history: who, when, what (old and new), why.
CREATE TABLE ticket_history (
    id           BIGINT        NOT NULL PRIMARY KEY,
    ticket_id    BIGINT        NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_id     BIGINT        NOT NULL,
    action       VARCHAR(40)   NOT NULL,
    field        VARCHAR(40),
    old_value    VARCHAR(4000),
    new_value    VARCHAR(4000),
    reason       VARCHAR(4000),
    CONSTRAINT ticket_history_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ticket_history_ticket_idx ON ticket_history (ticket_id);

CREATE TABLE ticket_attachment (
    id             BIGINT        NOT NULL PRIMARY KEY,
    ticket_id      BIGINT        NOT NULL,
    visibility     VARCHAR(10)   NOT NULL,
    assignment_id  BIGINT,
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(200)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    storage_key    VARCHAR(300)  NOT NULL,
    uploaded_by    BIGINT        NOT NULL,
    uploaded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_attachment_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ticket_attachment_ticket_idx ON ticket_attachment (ticket_id);

-- Idempotency-Key of ticket creation: a retried create returns the first ticket.
CREATE TABLE ticket_idempotency (
    account_id      BIGINT       NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    ticket_id       BIGINT       NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, idempotency_key)
);
