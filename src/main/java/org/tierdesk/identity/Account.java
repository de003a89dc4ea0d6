package org.tierdesk.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person's account at the desk. */
@Entity
@Table(name = "identity_account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_account_seq")
	@SequenceGenerator(name = "identity_account_seq", sequenceName = "identity_account_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private String username;

	private String displayName;

	private String email;

	private String phone;

	/** The email address as looked up: lower case. */
	private String emailKey;

	/** The phone number as looked up: its last ten digits, so national and international forms match. */
	private String phoneKey;

	private String organization;

	private String site;

	private String passwordHash;

	private boolean enabled;

	private int failedLogins;

	private Instant lockedUntil;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.JOIN)
	@CollectionTable(name = "identity_account_role", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "role")
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.JOIN)
	@CollectionTable(name = "identity_account_program", joinColumns = @JoinColumn(name = "account_id"))
	@Column(name = "program_id")
	private Set<Long> programIds = new HashSet<>();

	protected Account() {
	}

	Account(String username, String displayName, String email, String phone, String organization, String site,
			String passwordHash, Set<Role> roles, Set<Long> programIds, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.phone = phone;
		this.emailKey = emailKey(email);
		this.phoneKey = phoneKey(phone);
		this.organization = organization;
		this.site = site;
		this.passwordHash = passwordHash;
		this.enabled = true;
		this.createdAt = now;
		this.roles.addAll(roles);
		this.programIds.addAll(programIds);
	}

	static String emailKey(String email) {
		return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
	}

	static String phoneKey(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.length() < 5) {
			return null;
		}
		return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
	}

	/** Counts a failed login; from {@code maxFailures} on, locks the account for a lockout that doubles each time. */
	void recordFailedLogin(int maxFailures, Duration lockout, Instant now) {
		failedLogins++;
		if (failedLogins >= maxFailures) {
			int beyond = Math.min(failedLogins - maxFailures, 10);
			lockedUntil = now.plus(lockout.multipliedBy(1L << beyond));
		}
	}

	void recordSuccessfulLogin() {
		failedLogins = 0;
		lockedUntil = null;
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
		recordSuccessfulLogin();
	}

	void disable() {
		this.enabled = false;
	}

	public DeskPrincipal principal() {
		return new DeskPrincipal(id, username, displayName, roles, programIds);
	}

	public Long id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public String email() {
		return email;
	}

	public String phone() {
		return phone;
	}

	public String organization() {
		return organization;
	}

	public String site() {
		return site;
	}

	public boolean enabled() {
		return enabled;
	}

	public Set<Role> roles() {
		return Set.copyOf(roles);
	}

	public Set<Long> programIds() {
		return Set.copyOf(programIds);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	String passwordHash() {
		return passwordHash;
	}

	int failedLogins() {
		return failedLogins;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}
}
