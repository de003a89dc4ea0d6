package org.tierdesk.program;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.NaturalId;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A program (tenant) of the desk: the organization or product line it supports, with the tiers it uses.
 */
@Entity
@Table(name = "program")
@jakarta.persistence.Cacheable
@org.hibernate.annotations.Cache(usage = org.hibernate.annotations.CacheConcurrencyStrategy.READ_WRITE,
		region = "programs")
public class Program {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "program_seq")
	@SequenceGenerator(name = "program_seq", sequenceName = "program_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	@NaturalId
	@Column(name = "program_key")
	private String key;

	private String name;

	private String timeZone;

	private boolean organizationVisibility;

	private int autoCloseDays;

	private Instant createdAt;

	/** Onboarding programs do not take tickets until the desk activates them. */
	private boolean active = true;

	private Instant activatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.JOIN)
	@org.hibernate.annotations.Cache(usage = org.hibernate.annotations.CacheConcurrencyStrategy.READ_WRITE,
			region = "program-tiers")
	@CollectionTable(name = "program_tier", joinColumns = @JoinColumn(name = "program_id"))
	@MapKeyColumn(name = "tier")
	@Column(name = "name")
	private Map<Integer, String> tiers = new TreeMap<>();

	protected Program() {
	}

	Program(String key, String name, ZoneId timeZone, TierSetup tiers, boolean organizationVisibility,
			int autoCloseDays, Instant now) {
		this.key = key;
		this.name = name;
		this.createdAt = now;
		update(name, timeZone, tiers, organizationVisibility, autoCloseDays);
	}

	void update(String name, ZoneId timeZone, TierSetup tiers, boolean organizationVisibility, int autoCloseDays) {
		this.name = name;
		this.timeZone = timeZone.getId();
		this.organizationVisibility = organizationVisibility;
		this.autoCloseDays = autoCloseDays;
		this.tiers.clear();
		this.tiers.putAll(tiers.names());
	}

	public Long id() {
		return id;
	}

	public String key() {
		return key;
	}

	public String name() {
		return name;
	}

	public ZoneId timeZone() {
		return ZoneId.of(timeZone);
	}

	public TierSetup tierSetup() {
		return new TierSetup(new TreeMap<>(tiers));
	}

	/** Whether customers see their organization's tickets, not just their own. */
	public boolean organizationVisibility() {
		return organizationVisibility;
	}

	/** Days after which a resolution the customer neither accepts nor rejects closes the ticket by itself. */
	public int autoCloseDays() {
		return autoCloseDays;
	}

	/** The program takes tickets: it was created active, or onboarded and activated. */
	public boolean active() {
		return active;
	}

	public Instant activatedAt() {
		return activatedAt;
	}

	void onboarding() {
		this.active = false;
	}

	void activate(Instant now) {
		this.active = true;
		this.activatedAt = now;
	}

	public long version() {
		return version;
	}

	public Instant createdAt() {
		return createdAt;
	}

	SortedMap<Integer, String> tierNames() {
		return new TreeMap<>(tiers);
	}
}
