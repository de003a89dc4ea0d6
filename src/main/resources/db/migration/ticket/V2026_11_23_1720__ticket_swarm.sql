-- Swarming: instead of a tiered hand-off, the owner invites specialists to collaborate on the internal thread.
ALTER TABLE ticket ADD COLUMN swarmed_at TIMESTAMP(6) WITH TIME ZONE;

CREATE TABLE ticket_swarm_member (
    ticket_id  BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    invited_by BIGINT NOT NULL,
    invited_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, account_id),
    CONSTRAINT ticket_swarm_member_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
CREATE INDEX ticket_swarm_member_account_idx ON ticket_swarm_member (account_id);
