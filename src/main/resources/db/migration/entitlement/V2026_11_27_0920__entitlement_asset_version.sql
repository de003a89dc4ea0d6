-- The release an asset runs: the installed base that advisories for a system's version are targeted at.
ALTER TABLE entitlement_asset ADD COLUMN system_version VARCHAR(100);
