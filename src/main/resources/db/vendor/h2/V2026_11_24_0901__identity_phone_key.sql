-- The last ten digits of each existing phone number (the application keeps the key for new and changed accounts).
UPDATE identity_account SET phone_key = RIGHT(REGEXP_REPLACE(phone, '[^0-9]', ''), 10)
 WHERE phone IS NOT NULL AND LENGTH(REGEXP_REPLACE(phone, '[^0-9]', '')) >= 5;
