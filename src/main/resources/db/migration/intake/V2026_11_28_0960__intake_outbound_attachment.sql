-- A file sent with a message (a scheduled report): kept in the desk's file store, named here.
ALTER TABLE intake_outbound ADD COLUMN attachment_key VARCHAR(100);
ALTER TABLE intake_outbound ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE intake_outbound ADD COLUMN attachment_type VARCHAR(100);
