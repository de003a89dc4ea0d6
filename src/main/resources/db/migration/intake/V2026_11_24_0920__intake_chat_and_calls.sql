CREATE SEQUENCE intake_chat_line_seq START WITH 1 INCREMENT BY 1;
-- Live chats: waiting in the program's queue, picked up by a Tier 1 agent, ended into a ticket.
CREATE TABLE intake_chat (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    program_id   BIGINT        NOT NULL,
    customer_id  BIGINT        NOT NULL,
    agent_id     BIGINT,
    topic        VARCHAR(300)  NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked_at    TIMESTAMP(6) WITH TIME ZONE,
    ended_at     TIMESTAMP(6) WITH TIME ZONE,
    ticket_id    BIGINT
);
CREATE INDEX intake_chat_waiting_idx ON intake_chat (program_id, status, started_at);

-- Everything said in a chat (and its state changes), in order; every instance relays new rows to its own
-- subscribers, so a customer and an agent connected to different instances see each other.
CREATE TABLE intake_chat_line (
    id           BIGINT        NOT NULL PRIMARY KEY,
    chat_id      BIGINT        NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    author_id    BIGINT,
    text         VARCHAR(10000) NOT NULL,
    said_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX intake_chat_line_chat_idx ON intake_chat_line (chat_id, id);

-- Calls logged by agents and calls reported by the telephony system (started/ended), with their handle time.
CREATE TABLE intake_call (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       BIGINT        NOT NULL,
    program_id    BIGINT        NOT NULL,
    external_id   VARCHAR(200),
    caller_number VARCHAR(40),
    caller_id     BIGINT,
    agent_id      BIGINT,
    ticket_id     BIGINT,
    started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP(6) WITH TIME ZONE,
    duration_s    INT,
    notes         VARCHAR(100000),
    CONSTRAINT intake_call_external_uk UNIQUE (program_id, external_id)
);
CREATE INDEX intake_call_agent_idx ON intake_call (agent_id, started_at);

ALTER TABLE intake_settings ADD COLUMN telephony_secret VARCHAR(200);
CREATE INDEX intake_chat_line_said_idx ON intake_chat_line (said_at);
CREATE INDEX intake_call_started_idx ON intake_call (started_at);

-- A program's own wording of a notice, in place of the shipped template, per purpose and language.
CREATE TABLE intake_notice_template (
    program_id  BIGINT        NOT NULL,
    purpose     VARCHAR(30)   NOT NULL,
    language    VARCHAR(5)    NOT NULL,
    subject     VARCHAR(500)  NOT NULL,
    body        VARCHAR(20000) NOT NULL,
    updated_by  BIGINT        NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT intake_notice_template_pk PRIMARY KEY (program_id, purpose, language)
);
