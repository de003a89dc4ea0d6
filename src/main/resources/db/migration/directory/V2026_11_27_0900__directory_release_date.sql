-- When a release shipped: with support start and end, it decides which release is current.
ALTER TABLE directory_system_release ADD COLUMN released_on DATE;
