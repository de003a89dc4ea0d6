CREATE SEQUENCE directory_rotation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE directory_absence_seq START WITH 1 INCREMENT BY 50;

-- An on-call rotation of a support group: members take turns of shift_days days, handing over at a local time.
CREATE TABLE directory_rotation (
    id          BIGINT       NOT NULL PRIMARY KEY,
    version     BIGINT       NOT NULL,
    program_id  BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    name_key    VARCHAR(200) NOT NULL,
    group_id    BIGINT       NOT NULL,
    shift_days  INT          NOT NULL,
    handover    TIME         NOT NULL,
    starts_on   DATE         NOT NULL,
    CONSTRAINT directory_rotation_name_uk UNIQUE (program_id, name_key),
    CONSTRAINT directory_rotation_group_fk FOREIGN KEY (group_id) REFERENCES directory_support_group (id)
);
CREATE INDEX directory_rotation_group_idx ON directory_rotation (group_id);

CREATE TABLE directory_rotation_member (
    rotation_id BIGINT NOT NULL,
    position    INT    NOT NULL,
    account_id  BIGINT NOT NULL,
    PRIMARY KEY (rotation_id, position),
    CONSTRAINT directory_rotation_member_fk FOREIGN KEY (rotation_id) REFERENCES directory_rotation (id) ON DELETE CASCADE
);

-- Someone else covers a period (a swap, holiday cover); the latest override wins.
CREATE TABLE directory_rotation_override (
    rotation_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    account_id  BIGINT        NOT NULL,
    from_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    until_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (rotation_id, position),
    CONSTRAINT directory_rotation_override_fk FOREIGN KEY (rotation_id) REFERENCES directory_rotation (id) ON DELETE CASCADE
);

-- A program's office hours, holidays and after-hours emergency coverage.
CREATE TABLE directory_coverage (
    program_id           BIGINT        NOT NULL PRIMARY KEY,
    version              BIGINT        NOT NULL,
    after_hours          VARCHAR(20)   NOT NULL,
    emergency_priorities VARCHAR(200),
    notes                VARCHAR(2000)
);

CREATE TABLE directory_coverage_hours (
    program_id  BIGINT      NOT NULL,
    position    INT         NOT NULL,
    day_of_week VARCHAR(10) NOT NULL,
    start_time  TIME        NOT NULL,
    end_time    TIME        NOT NULL,
    PRIMARY KEY (program_id, position),
    CONSTRAINT directory_coverage_hours_fk FOREIGN KEY (program_id) REFERENCES directory_coverage (program_id) ON DELETE CASCADE
);

CREATE TABLE directory_coverage_holiday (
    program_id   BIGINT       NOT NULL,
    position     INT          NOT NULL,
    holiday_date DATE,
    yearly       VARCHAR(7),
    holiday_name VARCHAR(200),
    PRIMARY KEY (program_id, position),
    CONSTRAINT directory_coverage_holiday_fk FOREIGN KEY (program_id) REFERENCES directory_coverage (program_id) ON DELETE CASCADE
);

-- A person is away for a period; routing skips them.
CREATE TABLE directory_absence (
    id          BIGINT        NOT NULL PRIMARY KEY,
    program_id  BIGINT        NOT NULL,
    account_id  BIGINT        NOT NULL,
    from_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    until_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reason      VARCHAR(500),
    recorded_by BIGINT        NOT NULL
);
CREATE INDEX directory_absence_account_idx ON directory_absence (account_id, until_at);
CREATE INDEX directory_absence_program_idx ON directory_absence (program_id, until_at);

-- How routing picks a person in a group: NONE, ROUND_ROBIN or LEAST_LOADED; the round-robin turn is claimed here.
ALTER TABLE directory_support_group ADD COLUMN person_assignment VARCHAR(20) DEFAULT 'NONE' NOT NULL;
ALTER TABLE directory_support_group ADD COLUMN round_robin_turn BIGINT DEFAULT 0 NOT NULL;
