package org.tierdesk.entitlement;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's asset, known by its serial number. */
@Entity
@Table(name = "entitlement_asset")
class Asset {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entitlement_seq")
	@SequenceGenerator(name = "entitlement_seq", sequenceName = "entitlement_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String serialNumber;

	private String serialKey;

	private String systemName;

	private String site;

	private String organization;

	private String contractNumber;

	private LocalDate warrantyEnds;

	/** The release the asset runs (the installed base advisories are targeted at). */
	private String systemVersion;

	protected Asset() {
	}

	Asset(long programId, String serialKey) {
		this.programId = programId;
		this.serialKey = serialKey;
	}

	String define(String serialNumber, String system, String site, String organization, String contractNumber,
			LocalDate warrantyEnds, String version) {
		String before = this.serialNumber == null ? "" : terms().toString();
		this.serialNumber = serialNumber;
		this.systemName = system;
		this.site = site;
		this.organization = organization;
		this.contractNumber = contractNumber;
		this.warrantyEnds = warrantyEnds;
		this.systemVersion = version;
		return before.equals(terms().toString()) ? null : before;
	}

	Coverage.AssetTerms terms() {
		return new Coverage.AssetTerms(serialNumber, systemName, site, organization, contractNumber, warrantyEnds,
				systemVersion);
	}

	Long id() {
		return id;
	}
}
