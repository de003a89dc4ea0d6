CREATE SEQUENCE entitlement_seq START WITH 1 INCREMENT BY 50;

-- Customers' support contracts: who, which service level, from when until when, which systems and sites.
CREATE TABLE entitlement_contract (
    id               BIGINT       NOT NULL PRIMARY KEY,
    version          BIGINT       NOT NULL,
    program_id       BIGINT       NOT NULL,
    number           VARCHAR(100) NOT NULL,
    number_key       VARCHAR(100) NOT NULL,
    organization     VARCHAR(200) NOT NULL,
    organization_key VARCHAR(200) NOT NULL,
    service_level    VARCHAR(100) NOT NULL,
    starts_on        DATE,
    ends_on          DATE,
    covered_systems  VARCHAR(4000),
    covered_sites    VARCHAR(4000),
    CONSTRAINT entitlement_contract_uk UNIQUE (program_id, number_key)
);
CREATE INDEX entitlement_contract_org_idx ON entitlement_contract (program_id, organization_key);

-- Assets by serial number, under a contract or a warranty.
CREATE TABLE entitlement_asset (
    id              BIGINT       NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    program_id      BIGINT       NOT NULL,
    serial_number   VARCHAR(100) NOT NULL,
    serial_key      VARCHAR(100) NOT NULL,
    system_name     VARCHAR(200),
    site            VARCHAR(200),
    organization    VARCHAR(200),
    contract_number VARCHAR(100),
    warranty_ends   DATE,
    CONSTRAINT entitlement_asset_uk UNIQUE (program_id, serial_key)
);

-- Licences an organization is entitled to, and uses.
CREATE TABLE entitlement_licence (
    id               BIGINT       NOT NULL PRIMARY KEY,
    version          BIGINT       NOT NULL,
    program_id       BIGINT       NOT NULL,
    organization     VARCHAR(200) NOT NULL,
    organization_key VARCHAR(200) NOT NULL,
    product          VARCHAR(200) NOT NULL,
    product_key      VARCHAR(200) NOT NULL,
    entitled_count   INT          NOT NULL,
    used_count       INT          NOT NULL,
    CONSTRAINT entitlement_licence_uk UNIQUE (program_id, organization_key, product_key)
);

-- Exceptions granted with a reason: VIP overrides (a customer) and waivers (a ticket).
CREATE TABLE entitlement_exception (
    id            BIGINT        NOT NULL PRIMARY KEY,
    program_id    BIGINT        NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    requester_id  BIGINT,
    ticket_id     BIGINT,
    service_level VARCHAR(100)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    granted_by    BIGINT        NOT NULL,
    granted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_on    DATE
);
CREATE INDEX entitlement_exception_program_idx ON entitlement_exception (program_id, requester_id);
CREATE INDEX entitlement_exception_ticket_idx ON entitlement_exception (ticket_id);

-- A program's policy for requests that are not entitled.
CREATE TABLE entitlement_settings (
    program_id      BIGINT        NOT NULL PRIMARY KEY,
    not_entitled    VARCHAR(20)   NOT NULL,
    refusal_message VARCHAR(2000)
);
