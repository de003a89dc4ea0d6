CREATE SEQUENCE identity_account_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE identity_api_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE identity_account (
    id                BIGINT       NOT NULL PRIMARY KEY,
    version           BIGINT       NOT NULL,
    username          VARCHAR(100) NOT NULL,
    display_name      VARCHAR(200) NOT NULL,
    email             VARCHAR(320),
    phone             VARCHAR(40),
    organization      VARCHAR(200),
    site              VARCHAR(200),
    password_hash     VARCHAR(200),
    enabled           BOOLEAN      NOT NULL,
    failed_logins     INT          NOT NULL,
    locked_until      TIMESTAMP(6) WITH TIME ZONE,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_account_username_uk UNIQUE (username)
);
CREATE INDEX identity_account_email_idx ON identity_account (email);

CREATE TABLE identity_account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT identity_account_role_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE
);

-- The programs an account acts in (a customer belongs to one; an agent may serve several).
CREATE TABLE identity_account_program (
    account_id BIGINT NOT NULL,
    program_id BIGINT NOT NULL,
    PRIMARY KEY (account_id, program_id),
    CONSTRAINT identity_account_program_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE
);
CREATE INDEX identity_account_program_program_idx ON identity_account_program (program_id);

-- Personal API tokens; only a SHA-256 of the token is kept.
CREATE TABLE identity_api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT identity_api_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT identity_api_token_account_fk FOREIGN KEY (account_id) REFERENCES identity_account (id) ON DELETE CASCADE
);
CREATE INDEX identity_api_token_account_idx ON identity_api_token (account_id);
