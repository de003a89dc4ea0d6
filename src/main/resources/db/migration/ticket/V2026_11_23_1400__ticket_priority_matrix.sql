-- A program's own impact x urgency -> priority matrix; programs without rows use the desk-wide default.
CREATE TABLE ticket_priority_matrix (
    program_id  BIGINT       NOT NULL,
    impact      VARCHAR(10)  NOT NULL,
    urgency     VARCHAR(10)  NOT NULL,
    priority    VARCHAR(10)  NOT NULL,
    updated_by  BIGINT       NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (program_id, impact, urgency)
);
