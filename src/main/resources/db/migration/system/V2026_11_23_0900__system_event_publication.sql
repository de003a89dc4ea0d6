-- Spring Modulith's JDBC event publication registry (transactional outbox), portable between H2 and PostgreSQL.
CREATE TABLE event_publication (
    id                     UUID          NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(100000) NOT NULL,
    publication_date       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP(6) WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX event_publication_listener_idx ON event_publication (listener_id);
CREATE INDEX event_publication_completion_idx ON event_publication (completion_date);
