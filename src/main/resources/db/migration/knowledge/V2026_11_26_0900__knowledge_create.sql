-- Knowledge articles: validated answers, per program. Tier 0 (customers) and Tier 1 only ever see articles that the
-- cognizant authority of their systems validated and that are published and unexpired.
CREATE SEQUENCE knowledge_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE knowledge_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE knowledge_article (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    version            BIGINT         NOT NULL,
    program_id         BIGINT         NOT NULL,
    number             VARCHAR(30)    NOT NULL,
    title              VARCHAR(300)   NOT NULL,
    problem            VARCHAR(20000) NOT NULL,
    symptoms           VARCHAR(20000),
    cause              VARCHAR(20000),
    solution           VARCHAR(100000) NOT NULL,
    keywords           VARCHAR(1000),
    audience           VARCHAR(20)    NOT NULL,
    internal_tier      INT,
    status             VARCHAR(20)    NOT NULL,
    revision           INT            NOT NULL,
    review_due         DATE,
    expires_on         DATE,
    author_id          BIGINT         NOT NULL,
    submitted_at       TIMESTAMP(6) WITH TIME ZONE,
    validated_by       BIGINT,
    validated_at       TIMESTAMP(6) WITH TIME ZONE,
    validated_revision INT,
    published_at       TIMESTAMP(6) WITH TIME ZONE,
    retired_at         TIMESTAMP(6) WITH TIME ZONE,
    source_ticket_id   BIGINT,
    helpful            INT            NOT NULL,
    not_helpful        INT            NOT NULL,
    ticket_links       INT            NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT knowledge_article_number_uk UNIQUE (number)
);
CREATE INDEX knowledge_article_program_idx ON knowledge_article (program_id, status);

-- The systems (and optionally the versions) an article is about.
CREATE TABLE knowledge_article_system (
    article_id  BIGINT       NOT NULL,
    system_name VARCHAR(200) NOT NULL,
    versions    VARCHAR(500),
    CONSTRAINT knowledge_article_system_pk PRIMARY KEY (article_id, system_name),
    CONSTRAINT knowledge_article_system_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);

-- Every revision of an article's content, kept so any two can be compared.
CREATE TABLE knowledge_revision (
    id          BIGINT          NOT NULL PRIMARY KEY,
    article_id  BIGINT          NOT NULL,
    revision    INT             NOT NULL,
    content     VARCHAR(200000) NOT NULL,
    changed_by  BIGINT          NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000),
    CONSTRAINT knowledge_revision_uk UNIQUE (article_id, revision),
    CONSTRAINT knowledge_revision_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);

-- The workflow's history: who submitted, validated, published, retired, and why.
CREATE TABLE knowledge_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    article_id  BIGINT        NOT NULL,
    action      VARCHAR(30)   NOT NULL,
    actor_id    BIGINT        NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revision    INT           NOT NULL,
    note        VARCHAR(2000),
    CONSTRAINT knowledge_event_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);
CREATE INDEX knowledge_event_article_idx ON knowledge_event (article_id);

-- "Used to resolve": articles linked to tickets.
CREATE TABLE knowledge_ticket_link (
    article_id  BIGINT NOT NULL,
    ticket_id   BIGINT NOT NULL,
    linked_by   BIGINT NOT NULL,
    linked_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT knowledge_ticket_link_pk PRIMARY KEY (article_id, ticket_id),
    CONSTRAINT knowledge_ticket_link_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);
CREATE INDEX knowledge_ticket_link_ticket_idx ON knowledge_ticket_link (ticket_id);

-- Helpful / not helpful, once per person and article (a second vote replaces the first).
CREATE TABLE knowledge_feedback (
    article_id  BIGINT  NOT NULL,
    account_id  BIGINT  NOT NULL,
    helpful     BOOLEAN NOT NULL,
    at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT knowledge_feedback_pk PRIMARY KEY (article_id, account_id),
    CONSTRAINT knowledge_feedback_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);
