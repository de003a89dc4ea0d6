-- The one-question satisfaction survey offered once per ticket after it closed accepted or by itself: the link's
-- token is kept only as its SHA-256; the answer (1..5 and a comment) is given once.
CREATE SEQUENCE satisfaction_survey_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE satisfaction_survey (
    id            BIGINT        NOT NULL PRIMARY KEY,
    ticket_id     BIGINT        NOT NULL,
    program_id    BIGINT        NOT NULL,
    requester_id  BIGINT        NOT NULL,
    channel       VARCHAR(20)   NOT NULL,
    offered_by    VARCHAR(20)   NOT NULL,
    closed_how    VARCHAR(20)   NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    offered_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    answered_at   TIMESTAMP(6) WITH TIME ZONE,
    score         INT,
    comment       VARCHAR(2000),
    CONSTRAINT satisfaction_survey_ticket_uk UNIQUE (ticket_id),
    CONSTRAINT satisfaction_survey_token_uk UNIQUE (token_hash),
    CONSTRAINT satisfaction_survey_score_ck CHECK (score IS NULL OR (score BETWEEN 1 AND 5))
);
CREATE INDEX satisfaction_survey_program_idx ON satisfaction_survey (program_id, answered_at);
CREATE INDEX satisfaction_survey_requester_idx ON satisfaction_survey (requester_id, answered_at);
