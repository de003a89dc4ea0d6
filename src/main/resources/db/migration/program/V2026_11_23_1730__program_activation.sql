-- Programs onboarded through the desk's partner services take no tickets until they are activated.
ALTER TABLE program ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE program ADD COLUMN activated_at TIMESTAMP(6) WITH TIME ZONE;
