-- What the requester is entitled by (asset serial number, contract number), and the entitlement snapshot.
ALTER TABLE ticket ADD COLUMN serial_number VARCHAR(100);
ALTER TABLE ticket ADD COLUMN contract_number VARCHAR(100);
ALTER TABLE ticket ADD COLUMN entitlement_status VARCHAR(30);
ALTER TABLE ticket ADD COLUMN service_level VARCHAR(100);
ALTER TABLE ticket ADD COLUMN entitlement_contract VARCHAR(100);
ALTER TABLE ticket ADD COLUMN entitlement_reason VARCHAR(1000);
ALTER TABLE ticket ADD COLUMN entitlement_review BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN entitlement_checked_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX ticket_entitlement_review_idx ON ticket (program_id, entitlement_review);
