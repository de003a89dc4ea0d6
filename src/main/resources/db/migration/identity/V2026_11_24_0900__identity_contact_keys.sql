-- Contact keys for finding the person behind an incoming message: the email in lower case, the phone number's last
-- ten digits (so +1 757 555 0100 and (757) 555-0100 match).
ALTER TABLE identity_account ADD COLUMN email_key VARCHAR(320);
ALTER TABLE identity_account ADD COLUMN phone_key VARCHAR(20);
UPDATE identity_account SET email_key = LOWER(email) WHERE email IS NOT NULL;
CREATE INDEX identity_account_email_key_idx ON identity_account (email_key);
CREATE INDEX identity_account_phone_key_idx ON identity_account (phone_key);
