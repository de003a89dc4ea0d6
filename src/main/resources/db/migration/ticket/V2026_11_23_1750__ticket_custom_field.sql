-- A program's own facts about a ticket (hull number, contract line ...), by name; routing rules can look at them.
CREATE TABLE ticket_custom_field (
    ticket_id   BIGINT       NOT NULL,
    field_name  VARCHAR(50)  NOT NULL,
    field_value VARCHAR(500) NOT NULL,
    PRIMARY KEY (ticket_id, field_name),
    CONSTRAINT ticket_custom_field_ticket_fk FOREIGN KEY (ticket_id) REFERENCES ticket (id)
);
