-- People kept informed of a ticket besides its requester.
CREATE TABLE ticket_watcher (
    ticket_id  BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, account_id),
    CONSTRAINT ticket_watcher_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
