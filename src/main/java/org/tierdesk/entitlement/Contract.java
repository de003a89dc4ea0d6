package org.tierdesk.entitlement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer's support contract. */
@Entity
@Table(name = "entitlement_contract")
class Contract {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entitlement_seq")
	@SequenceGenerator(name = "entitlement_seq", sequenceName = "entitlement_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String number;

	private String numberKey;

	private String organization;

	private String organizationKey;

	private String serviceLevel;

	private LocalDate startsOn;

	private LocalDate endsOn;

	/** Covered systems, {@code |}-separated (empty: all). */
	private String coveredSystems;

	/** Covered sites, {@code |}-separated (empty: all). */
	private String coveredSites;

	protected Contract() {
	}

	Contract(long programId, String numberKey) {
		this.programId = programId;
		this.numberKey = numberKey;
	}

	/** Returns the old terms when they changed, "" when new, null when unchanged. */
	String define(String number, String organization, String serviceLevel, LocalDate startsOn, LocalDate endsOn,
			List<String> systems, List<String> sites) {
		String before = this.number == null ? "" : terms().toString();
		this.number = number;
		this.organization = organization;
		this.organizationKey = Coverage.key(organization);
		this.serviceLevel = serviceLevel;
		this.startsOn = startsOn;
		this.endsOn = endsOn;
		this.coveredSystems = String.join("|", systems);
		this.coveredSites = String.join("|", sites);
		return before.equals(terms().toString()) ? null : before;
	}

	Coverage.ContractTerms terms() {
		return new Coverage.ContractTerms(number, organization, serviceLevel, startsOn, endsOn, list(coveredSystems),
				list(coveredSites));
	}

	static List<String> list(String joined) {
		return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split("\\|"));
	}

	Long id() {
		return id;
	}

	String number() {
		return number;
	}
}
