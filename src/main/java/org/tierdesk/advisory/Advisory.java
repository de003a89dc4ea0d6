package org.tierdesk.advisory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.annotations.BatchSize;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;

import jakarta.persistence.CollectionTable;
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

/**
 * A system advisory notice or heads-up message and its rules: what it needs to be written, who may approve it (a
 * manager other than its author), that only an approved advisory is published, and when it stops being shown.
 */
@Entity
@Table(name = "advisory")
class Advisory {

	/** What an author writes. Targets: empty lists reach everyone of that kind. */
	record Content(AdvisoryKind kind, AdvisoryAudience audience, Severity severity, String title, String body,
			List<String> systems, List<String> versions, List<String> sites, List<String> organizations,
			boolean byEmail, boolean bySms, boolean requiresAcknowledgement, Integer remindEveryHours,
			Integer maxReminders, Instant expiresAt) {
	}

	enum Severity {
		INFO, WARNING, CRITICAL
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "advisory_seq")
	@SequenceGenerator(name = "advisory_seq", sequenceName = "advisory_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String number;

	@Enumerated(EnumType.STRING)
	private AdvisoryKind kind;

	@Enumerated(EnumType.STRING)
	private AdvisoryAudience audience;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private String title;

	private String body;

	private boolean byEmail;

	private boolean bySms;

	private boolean requiresAck;

	private Integer remindEveryHours;

	private int maxReminders;

	private Instant expiresAt;

	@Enumerated(EnumType.STRING)
	private AdvisoryStatus status;

	private long authorId;

	private Long approvedBy;

	private Instant approvedAt;

	private Instant publishedAt;

	private Instant withdrawnAt;

	private Instant createdAt;

	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 50)
	@CollectionTable(name = "advisory_target", joinColumns = @JoinColumn(name = "advisory_id"))
	private Set<Target> targets = new LinkedHashSet<>();

	protected Advisory() {
	}

	static Advisory write(long programId, String number, Content c, long authorId, Instant now) {
		Advisory a = new Advisory();
		a.programId = programId;
		a.number = number;
		a.authorId = authorId;
		a.createdAt = now;
		a.status = AdvisoryStatus.DRAFT;
		a.take(c, now);
		return a;
	}

	/** A new text or targeting; an advisory already submitted goes back to draft (to be approved again). */
	void revise(Content c, Instant now) {
		if (status == AdvisoryStatus.PUBLISHED || status == AdvisoryStatus.WITHDRAWN) {
			throw new RuleViolationException("status", number + " is " + status + ": write a new advisory instead");
		}
		take(c, now);
		status = AdvisoryStatus.DRAFT;
		approvedBy = null;
		approvedAt = null;
	}

	private void take(Content c, Instant now) {
		kind = c.kind() == null ? AdvisoryKind.NOTICE : c.kind();
		if (kind == AdvisoryKind.HEADS_UP) {
			if (c.audience() != null && c.audience() != AdvisoryAudience.AGENTS) {
				throw new InvalidFieldException("audience", "a heads-up message is for agents only");
			}
			audience = AdvisoryAudience.AGENTS;
		}
		else {
			audience = c.audience() == null ? AdvisoryAudience.EVERYONE : c.audience();
		}
		severity = c.severity() == null ? Severity.INFO : c.severity();
		title = text(c.title(), "title", 300);
		body = text(c.body(), "body", 20000);
		if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
			throw new InvalidFieldException("expiresAt", "an advisory expires after it is written");
		}
		expiresAt = c.expiresAt();
		if (c.remindEveryHours() != null && (c.remindEveryHours() < 1 || c.remindEveryHours() > 24 * 30)) {
			throw new InvalidFieldException("remindEveryHours", "remind every 1 to 720 hours");
		}
		if (c.maxReminders() != null && (c.maxReminders() < 0 || c.maxReminders() > 10)) {
			throw new InvalidFieldException("maxReminders", "between 0 and 10 reminders");
		}
		requiresAck = c.requiresAcknowledgement();
		remindEveryHours = requiresAck ? c.remindEveryHours() : null;
		maxReminders = c.maxReminders() == null ? 3 : c.maxReminders();
		byEmail = c.byEmail();
		bySms = c.bySms();
		if (!values(c.versions()).isEmpty() && values(c.systems()).isEmpty()) {
			throw new InvalidFieldException("versions", "name the systems these versions are of");
		}
		Set<Target> next = new LinkedHashSet<>();
		values(c.systems()).forEach(v -> next.add(new Target(Target.Kind.SYSTEM, v)));
		values(c.versions()).forEach(v -> next.add(new Target(Target.Kind.VERSION, v)));
		values(c.sites()).forEach(v -> next.add(new Target(Target.Kind.SITE, v)));
		values(c.organizations()).forEach(v -> next.add(new Target(Target.Kind.ORGANIZATION, v)));
		targets.clear();
		targets.addAll(next);
		updatedAt = now;
	}

	void submit(Instant now) {
		require(AdvisoryStatus.DRAFT, "submitted");
		status = AdvisoryStatus.SUBMITTED;
		updatedAt = now;
	}

	/** Approval by a program manager who did not write it. */
	void approve(long managerId, Instant now) {
		if (managerId == authorId) {
			throw new ForbiddenException("an advisory is approved by a manager other than its author");
		}
		require(AdvisoryStatus.SUBMITTED, "approved");
		status = AdvisoryStatus.APPROVED;
		approvedBy = managerId;
		approvedAt = now;
		updatedAt = now;
	}

	void publish(Instant now) {
		require(AdvisoryStatus.APPROVED, "published");
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw new RuleViolationException("expiresAt", number + " expired at " + expiresAt + " before it was published");
		}
		status = AdvisoryStatus.PUBLISHED;
		publishedAt = now;
		updatedAt = now;
	}

	void withdraw(Instant now) {
		require(AdvisoryStatus.PUBLISHED, "withdrawn");
		status = AdvisoryStatus.WITHDRAWN;
		withdrawnAt = now;
		updatedAt = now;
	}

	/** Shown to its recipients: published, not withdrawn, not expired. */
	boolean inForce(Instant now) {
		return status == AdvisoryStatus.PUBLISHED && (expiresAt == null || expiresAt.isAfter(now));
	}

	void requireVersion(Long expected) {
		if (expected != null && expected != version) {
			throw new StaleVersionException("advisory " + number + " is at version " + version + ", not " + expected
					+ ": someone changed it meanwhile; reload and try again");
		}
	}

	private void require(AdvisoryStatus expected, String what) {
		if (status != expected) {
			throw new RuleViolationException("status", number + " is " + status + ": only a"
					+ (expected == AdvisoryStatus.APPROVED ? "n " : " ") + expected.name().toLowerCase()
					+ " advisory is " + what);
		}
	}

	private static String text(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, field + " is required");
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidFieldException(field, field + " is longer than " + max + " characters");
		}
		return v;
	}

	private static List<String> values(List<String> values) {
		List<String> out = new ArrayList<>();
		for (String v : values == null ? List.<String>of() : values) {
			if (v != null && !v.isBlank() && !out.contains(v.strip())) {
				out.add(v.strip());
			}
		}
		return out;
	}

	List<String> targets(Target.Kind kind) {
		return targets.stream().filter(t -> t.kind() == kind).map(Target::value).toList();
	}

	Long id() {
		return id;
	}

	long version() {
		return version;
	}

	long programId() {
		return programId;
	}

	String number() {
		return number;
	}

	AdvisoryKind kind() {
		return kind;
	}

	AdvisoryAudience audience() {
		return audience;
	}

	Severity severity() {
		return severity;
	}

	String title() {
		return title;
	}

	String body() {
		return body;
	}

	boolean byEmail() {
		return byEmail;
	}

	boolean bySms() {
		return bySms;
	}

	boolean requiresAck() {
		return requiresAck;
	}

	Integer remindEveryHours() {
		return remindEveryHours;
	}

	int maxReminders() {
		return maxReminders;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	AdvisoryStatus status() {
		return status;
	}

	long authorId() {
		return authorId;
	}

	Long approvedBy() {
		return approvedBy;
	}

	Instant approvedAt() {
		return approvedAt;
	}

	Instant publishedAt() {
		return publishedAt;
	}

	Instant withdrawnAt() {
		return withdrawnAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}
}
