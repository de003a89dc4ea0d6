package org.tierdesk.entitlement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How many licences of a product an organization is entitled to, and uses. */
@Entity
@Table(name = "entitlement_licence")
class Licence {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "entitlement_seq")
	@SequenceGenerator(name = "entitlement_seq", sequenceName = "entitlement_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String organization;

	private String organizationKey;

	private String product;

	private String productKey;

	private int entitledCount;

	private int usedCount;

	protected Licence() {
	}

	Licence(long programId, String organizationKey, String productKey) {
		this.programId = programId;
		this.organizationKey = organizationKey;
		this.productKey = productKey;
	}

	String define(String organization, String product, int entitled, int used) {
		String before = this.product == null ? "" : terms().toString();
		this.organization = organization;
		this.product = product;
		this.entitledCount = entitled;
		this.usedCount = used;
		return before.equals(terms().toString()) ? null : before;
	}

	Coverage.LicenceTerms terms() {
		return new Coverage.LicenceTerms(organization, product, entitledCount, usedCount);
	}

	Long id() {
		return id;
	}
}
