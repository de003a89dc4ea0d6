CREATE SEQUENCE directory_support_group_seq START WITH 1 INCREMENT BY 50;

-- A team at one tier of one program; Tier 4 groups are outside vendors or OEMs.
CREATE TABLE directory_support_group (
    id           BIGINT       NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    program_id   BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    tier         INT          NOT NULL,
    email        VARCHAR(320),
    contract_reference VARCHAR(100),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT directory_support_group_name_uk UNIQUE (program_id, name),
    CONSTRAINT directory_support_group_tier_ck CHECK (tier BETWEEN 1 AND 4)
);
CREATE INDEX directory_support_group_program_idx ON directory_support_group (program_id, tier);

CREATE TABLE directory_group_member (
    group_id   BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (group_id, account_id),
    CONSTRAINT directory_group_member_group_fk FOREIGN KEY (group_id) REFERENCES directory_support_group (id) ON DELETE CASCADE
);
CREATE INDEX directory_group_member_account_idx ON directory_group_member (account_id);
