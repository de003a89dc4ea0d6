CREATE SEQUENCE directory_system_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE directory_history_seq START WITH 1 INCREMENT BY 50;

-- A system, product or service a program supports, with who is the cognizant authority for it at each tier.
CREATE TABLE directory_system (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    program_id   BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    name_key     VARCHAR(200) NOT NULL,
    system_type  VARCHAR(20)  NOT NULL,
    verified_by  VARCHAR(200) NOT NULL,
    verified_at  DATE         NOT NULL,
    review_due   DATE         NOT NULL,
    CONSTRAINT directory_system_name_uk UNIQUE (program_id, name_key)
);

-- Other names people use for a system; looked up case- and accent-insensitively through alias_key.
CREATE TABLE directory_system_alias (
    system_id    BIGINT       NOT NULL,
    alias        VARCHAR(200) NOT NULL,
    alias_key    VARCHAR(200) NOT NULL,
    CONSTRAINT directory_system_alias_fk FOREIGN KEY (system_id) REFERENCES directory_system (id) ON DELETE CASCADE
);
CREATE INDEX directory_system_alias_key_idx ON directory_system_alias (alias_key);
CREATE INDEX directory_system_alias_system_idx ON directory_system_alias (system_id);

-- The releases currently supported, with their dates.
CREATE TABLE directory_system_release (
    system_id        BIGINT       NOT NULL,
    release_version  VARCHAR(100) NOT NULL,
    supported_from   DATE,
    supported_until  DATE,
    CONSTRAINT directory_system_release_fk FOREIGN KEY (system_id) REFERENCES directory_system (id) ON DELETE CASCADE
);
CREATE INDEX directory_system_release_system_idx ON directory_system_release (system_id);

-- The cognizant authority for a system at a tier: a support group and its named point of contact.
CREATE TABLE directory_system_authority (
    system_id     BIGINT       NOT NULL,
    tier          INT          NOT NULL,
    group_id      BIGINT       NOT NULL,
    contact_name  VARCHAR(200),
    contact_email VARCHAR(320),
    contact_phone VARCHAR(50),
    contact_hours VARCHAR(200),
    CONSTRAINT directory_system_authority_fk FOREIGN KEY (system_id) REFERENCES directory_system (id) ON DELETE CASCADE,
    CONSTRAINT directory_system_authority_group_fk FOREIGN KEY (group_id) REFERENCES directory_support_group (id)
);
CREATE INDEX directory_system_authority_system_idx ON directory_system_authority (system_id);

-- Every change to the directory: who, when, what was there before and after.
CREATE TABLE directory_history (
    id           BIGINT        NOT NULL PRIMARY KEY,
    program_id   BIGINT        NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    field        VARCHAR(50)   NOT NULL,
    old_value    VARCHAR(4000),
    new_value    VARCHAR(4000),
    actor_id     BIGINT        NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX directory_history_program_idx ON directory_history (program_id, occurred_at);
