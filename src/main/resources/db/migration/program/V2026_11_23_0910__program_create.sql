CREATE SEQUENCE program_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE program (
    id                        BIGINT       NOT NULL PRIMARY KEY,
    version                   BIGINT       NOT NULL,
    program_key               VARCHAR(20)  NOT NULL,
    name                      VARCHAR(200) NOT NULL,
    time_zone                 VARCHAR(64)  NOT NULL,
    organization_visibility   BOOLEAN      NOT NULL,
    auto_close_days           INT          NOT NULL,
    created_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT program_key_uk UNIQUE (program_key)
);

-- The program's tier set-up: which of tiers 0-4 it uses and what it calls them.
CREATE TABLE program_tier (
    program_id BIGINT       NOT NULL,
    tier       INT          NOT NULL,
    name       VARCHAR(100) NOT NULL,
    PRIMARY KEY (program_id, tier),
    CONSTRAINT program_tier_program_fk FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE,
    CONSTRAINT program_tier_range_ck CHECK (tier BETWEEN 0 AND 4)
);
