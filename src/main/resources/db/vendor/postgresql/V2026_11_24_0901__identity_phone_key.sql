-- The last ten digits of each existing phone number (the application keeps the key for new and changed accounts).
UPDATE identity_account SET phone_key = RIGHT(regexp_replace(phone, '[^0-9]', '', 'g'), 10)
 WHERE phone IS NOT NULL AND LENGTH(regexp_replace(phone, '[^0-9]', '', 'g')) >= 5;
