-- An agent's saved filters of the console: a name and the queue's query string.
CREATE SEQUENCE workspace_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE workspace_saved_filter (
    id          BIGINT        NOT NULL PRIMARY KEY,
    account_id  BIGINT        NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    query       VARCHAR(1000) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT workspace_saved_filter_uk UNIQUE (account_id, name)
);
