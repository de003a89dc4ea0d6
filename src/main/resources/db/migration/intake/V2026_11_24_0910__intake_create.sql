CREATE SEQUENCE intake_seq START WITH 1 INCREMENT BY 50;

-- Each program's channel settings: what to do with unknown senders, the language of its messages, its mail sender.
CREATE TABLE intake_settings (
    program_id         BIGINT        NOT NULL PRIMARY KEY,
    version            BIGINT        NOT NULL,
    unknown_senders    VARCHAR(20)   NOT NULL,
    language           VARCHAR(5)    NOT NULL,
    mail_from          VARCHAR(320),
    auto_reply_cap     INT           NOT NULL,
    sms_secret         VARCHAR(200),
    updated_by         BIGINT        NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- The addresses, numbers and endpoints a program is reached on: how an incoming message finds its program.
CREATE TABLE intake_endpoint (
    id          BIGINT        NOT NULL PRIMARY KEY,
    program_id  BIGINT        NOT NULL,
    channel     VARCHAR(20)   NOT NULL,
    address     VARCHAR(320)  NOT NULL,
    CONSTRAINT intake_endpoint_uk UNIQUE (channel, address)
);
CREATE INDEX intake_endpoint_program_idx ON intake_endpoint (program_id);

-- Every message taken in, once: the key is the channel's own identity of the message (mail fingerprint, SMS id...).
CREATE TABLE intake_receipt (
    id           BIGINT        NOT NULL PRIMARY KEY,
    program_id   BIGINT        NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    dedupe_key   VARCHAR(200)  NOT NULL,
    outcome      VARCHAR(20)   NOT NULL,
    ticket_id    BIGINT,
    entry_id     BIGINT,
    sender       VARCHAR(320),
    message_id   VARCHAR(1000),
    note         VARCHAR(1000),
    received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT intake_receipt_uk UNIQUE (program_id, dedupe_key)
);
CREATE INDEX intake_receipt_ticket_idx ON intake_receipt (ticket_id);

-- Messages from unknown senders held for review (per program policy), until released as a ticket or discarded.
CREATE TABLE intake_held (
    id           BIGINT        NOT NULL PRIMARY KEY,
    version      BIGINT        NOT NULL,
    program_id   BIGINT        NOT NULL,
    channel      VARCHAR(20)   NOT NULL,
    sender       VARCHAR(320)  NOT NULL,
    sender_name  VARCHAR(300),
    subject      VARCHAR(300)  NOT NULL,
    body         VARCHAR(1000000) NOT NULL,
    received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP(6) WITH TIME ZONE,
    decided_by   BIGINT,
    decision     VARCHAR(20),
    ticket_id    BIGINT
);
CREATE INDEX intake_held_program_idx ON intake_held (program_id, decided_at);

-- Mailboxes polled over IMAP; one instance at a time holds a mailbox's lease.
CREATE TABLE intake_mailbox (
    id               BIGINT        NOT NULL PRIMARY KEY,
    version          BIGINT        NOT NULL,
    program_id       BIGINT        NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    host             VARCHAR(300)  NOT NULL,
    port             INT           NOT NULL,
    secure           BOOLEAN       NOT NULL,
    username         VARCHAR(320)  NOT NULL,
    password         VARCHAR(500)  NOT NULL,
    folder           VARCHAR(200)  NOT NULL,
    processed_folder VARCHAR(200),
    enabled          BOOLEAN       NOT NULL,
    uid_validity     BIGINT,
    last_done_uid    BIGINT        NOT NULL,
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMP(6) WITH TIME ZONE,
    last_polled_at   TIMESTAMP(6) WITH TIME ZONE,
    last_error       VARCHAR(2000),
    CONSTRAINT intake_mailbox_uk UNIQUE (program_id, name)
);

-- Every message read from a mailbox: by mailbox, UIDVALIDITY and UID, with the SHA-256 of its raw bytes.
CREATE TABLE intake_mail (
    id            BIGINT        NOT NULL PRIMARY KEY,
    mailbox_id    BIGINT        NOT NULL,
    uid_validity  BIGINT        NOT NULL,
    uid           BIGINT        NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    message_id    VARCHAR(1000),
    outcome       VARCHAR(20)   NOT NULL,
    ticket_id     BIGINT,
    reason        VARCHAR(2000),
    read_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT intake_mail_uk UNIQUE (mailbox_id, uid_validity, uid)
);
CREATE INDEX intake_mail_rejected_idx ON intake_mail (outcome, mailbox_id);

-- Notifications out (mail, SMS), sent from this durable outbox: retried on failure, sent once.
CREATE TABLE intake_outbound (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         BIGINT        NOT NULL,
    program_id      BIGINT        NOT NULL,
    ticket_id       BIGINT,
    channel         VARCHAR(20)   NOT NULL,
    purpose         VARCHAR(30)   NOT NULL,
    source_key      VARCHAR(200)  NOT NULL,
    recipient       VARCHAR(320)  NOT NULL,
    sender          VARCHAR(320),
    subject         VARCHAR(1000),
    body            VARCHAR(1000000) NOT NULL,
    message_id      VARCHAR(1000),
    in_reply_to     VARCHAR(1000),
    refs            VARCHAR(8000),
    auto_submitted  VARCHAR(30),
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP(6) WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- what caused the message (an event, a receipt), so that handling the cause twice queues it once
    CONSTRAINT intake_outbound_source_uk UNIQUE (source_key, recipient)
);
CREATE INDEX intake_outbound_due_idx ON intake_outbound (status, next_attempt_at);
CREATE INDEX intake_outbound_ticket_idx ON intake_outbound (ticket_id);
CREATE INDEX intake_outbound_message_idx ON intake_outbound (message_id);

-- Automatic replies sent per sender per day, capped so that a loop with a robot stops.
CREATE TABLE intake_auto_reply (
    program_id  BIGINT        NOT NULL,
    recipient   VARCHAR(320)  NOT NULL,
    sent_on     DATE          NOT NULL,
    sent        INT           NOT NULL,
    CONSTRAINT intake_auto_reply_pk PRIMARY KEY (program_id, recipient, sent_on)
);

-- The key that signs our thread tokens, made once and shared by every instance.
CREATE TABLE intake_secret (
    name    VARCHAR(50)   NOT NULL PRIMARY KEY,
    secret  VARCHAR(200)  NOT NULL
);
