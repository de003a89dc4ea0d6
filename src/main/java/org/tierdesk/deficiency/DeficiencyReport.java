package org.tierdesk.deficiency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A deficiency report: a fault in one release of a supported system, what it does, how to reproduce it, how to work
 * around it, who coordinates the fix, and the release that fixes it. Its rules — which moves are allowed, what each
 * needs — live here; the history is written by {@link DeficiencyReports} from the changes each rule returns.
 */
@Entity
@Table(name = "deficiency_report")
class DeficiencyReport {

	/** One changed field, for the history. */
	record Change(String field, String oldValue, String newValue) {
	}

	/** What a DR says about the fault (raise and edit). */
	record Description(String system, String versionFound, Severity severity, String title, String description,
			String steps, String workaround) {
	}

	/** A move to another status and what it needs: a reason, the fix release and dates, the original DR. */
	record Move(DeficiencyStatus status, String reason, String fixRelease, LocalDate plannedOn, LocalDate shippedOn,
			String duplicateOf) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deficiency_seq")
	@SequenceGenerator(name = "deficiency_seq", sequenceName = "deficiency_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String number;

	private String systemName;

	private String versionFound;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private String title;

	private String description;

	private String steps;

	private String workaround;

	private Long authorityGroupId;

	private String authority;

	@Enumerated(EnumType.STRING)
	private DeficiencyStatus status;

	private String fixRelease;

	private LocalDate fixPlannedOn;

	private LocalDate fixShippedOn;

	private String duplicateOf;

	private long raisedBy;

	private Instant raisedAt;

	private Instant updatedAt;

	private String lessonSummary;

	private Instant lessonAt;

	private Long lessonBy;

	protected DeficiencyReport() {
	}

	static DeficiencyReport raise(long programId, String number, String system, Description d, Long authorityGroupId,
			String authority, long actorId, Instant now) {
		DeficiencyReport r = new DeficiencyReport();
		r.programId = programId;
		r.number = number;
		r.systemName = system;
		r.status = DeficiencyStatus.OPEN;
		r.authorityGroupId = authorityGroupId;
		r.authority = authority;
		r.raisedBy = actorId;
		r.raisedAt = now;
		r.updatedAt = now;
		r.describe(d, true);
		return r;
	}

	/** Takes the new description (blank fields of an edit keep their value); returns what changed. */
	List<Change> describe(Description d, boolean raising) {
		if (status.ended()) {
			throw new RuleViolationException("status", number + " is " + status + ": it can no longer be changed");
		}
		List<Change> changes = new ArrayList<>();
		versionFound = set(changes, "versionFound", versionFound, required(d.versionFound(), "versionFound", 100, raising));
		severity = set(changes, "severity", severity, d.severity() != null ? d.severity() : raising ? missing("severity") : severity);
		title = set(changes, "title", title, required(d.title(), "title", 300, raising));
		description = set(changes, "description", description, required(d.description(), "description", 20000, raising));
		steps = set(changes, "steps", steps, optional(d.steps(), "steps", steps));
		workaround = set(changes, "workaround", workaround, optional(d.workaround(), "workaround", workaround));
		return changes;
	}

	/** The next status, if the lifecycle allows it and the move brings what that status needs. */
	List<Change> move(Move m, LocalDate today) {
		if (m.status() == null) {
			throw new InvalidFieldException("status", "name the status to move to: one of " + status.next());
		}
		if (!status.canMoveTo(m.status())) {
			throw new RuleViolationException("status", number + " cannot move from " + status + " to " + m.status()
					+ (status.next().isEmpty() ? ": it has ended" : "; it can move to " + status.next()));
		}
		String reason = m.reason() == null ? null : m.reason().strip();
		List<Change> changes = new ArrayList<>();
		switch (m.status()) {
			case REJECTED, DUPLICATE -> {
				if (reason == null || reason.isEmpty()) {
					throw new InvalidFieldException("reason", "say why the report is " + m.status().name().toLowerCase());
				}
				if (m.status() == DeficiencyStatus.DUPLICATE) {
					if (m.duplicateOf() == null || m.duplicateOf().isBlank()) {
						throw new InvalidFieldException("duplicateOf", "name the deficiency report this one duplicates");
					}
					duplicateOf = set(changes, "duplicateOf", duplicateOf, m.duplicateOf().strip().toUpperCase());
				}
			}
			case FIXED_IN_RELEASE -> {
				String release = required(m.fixRelease(), "fixRelease", 100, true);
				if (m.plannedOn() == null && m.shippedOn() == null) {
					throw new InvalidFieldException("plannedOn", "give the fix release's planned date or its actual date");
				}
				fixRelease = set(changes, "fixRelease", fixRelease, release);
				fixPlannedOn = set(changes, "fixPlannedOn", fixPlannedOn, m.plannedOn());
				if (m.shippedOn() != null) {
					changes.addAll(ship(m.shippedOn(), today));
				}
			}
			case CLOSED -> {
				if (fixShippedOn == null) {
					throw new RuleViolationException("status", "release " + fixRelease + " has not shipped yet: record "
							+ "its actual date before closing " + number);
				}
			}
			case FIX_IN_PROGRESS -> {
				if (status == DeficiencyStatus.FIXED_IN_RELEASE && (reason == null || reason.isEmpty())) {
					throw new InvalidFieldException("reason", "say why the fix in " + fixRelease + " did not hold");
				}
			}
			default -> {
			}
		}
		changes.add(0, new Change("status", status.name(), m.status().name()));
		status = m.status();
		return changes;
	}

	/** The fixing release shipped on {@code shippedOn} (not in the future). */
	List<Change> ship(LocalDate shippedOn, LocalDate today) {
		if (shippedOn == null) {
			throw new InvalidFieldException("shippedOn", "give the date release " + fixRelease + " shipped");
		}
		if (shippedOn.isAfter(today)) {
			throw new InvalidFieldException("shippedOn", "a release ships on a day that has come: " + shippedOn
					+ " is after today (" + today + "); give the planned date instead");
		}
		if (fixShippedOn != null) {
			throw new RuleViolationException("shippedOn", "release " + fixRelease + " already shipped on " + fixShippedOn);
		}
		List<Change> changes = new ArrayList<>();
		fixShippedOn = set(changes, "fixShippedOn", null, shippedOn);
		return changes;
	}

	void requireShippable() {
		if (status != DeficiencyStatus.FIXED_IN_RELEASE) {
			throw new RuleViolationException("status", number + " is " + status + ": only a report fixed in a release "
					+ "records when that release shipped");
		}
	}

	void requireVersion(Long expected) {
		if (expected != null && expected != version) {
			throw new StaleVersionException("deficiency report " + number + " is at version " + version + ", not "
					+ expected + ": someone changed it meanwhile; reload and try again");
		}
	}

	/** Records (or rewrites, or with a blank summary withdraws) the lesson learned from this report. */
	java.util.Optional<Change> recordLesson(String summary, long actorId, Instant now) {
		String text = summary == null || summary.isBlank() ? null : summary.strip();
		if (text != null && text.length() > 4000) {
			throw new org.tierdesk.system.InvalidFieldException("summary", "at most 4000 characters, not "
					+ text.length());
		}
		if (java.util.Objects.equals(text, lessonSummary)) {
			return java.util.Optional.empty();
		}
		Change change = new Change("lesson", lessonSummary, text);
		lessonSummary = text;
		lessonAt = text == null ? null : now;
		lessonBy = text == null ? null : actorId;
		return java.util.Optional.of(change);
	}

	String lessonSummary() {
		return lessonSummary;
	}

	Instant lessonAt() {
		return lessonAt;
	}

	Long lessonBy() {
		return lessonBy;
	}

	void touched(Instant now) {
		updatedAt = now;
	}

	/** A known error for customers: the fault stands and no shipped release fixes it yet. */
	boolean knownError() {
		return !status.ended() && fixShippedOn == null;
	}

	boolean shipped() {
		return fixShippedOn != null;
	}

	private static <T> T set(List<Change> changes, String field, T old, T next) {
		if (!Objects.equals(old, next)) {
			changes.add(new Change(field, old == null ? null : old.toString(), next == null ? null : next.toString()));
		}
		return next;
	}

	private String required(String value, String field, int max, boolean raising) {
		if (value == null || value.isBlank()) {
			if (raising) {
				throw new InvalidFieldException(field, field + " is required");
			}
			return switch (field) {
				case "versionFound" -> versionFound;
				case "title" -> title;
				case "description" -> description;
				default -> null;
			};
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidFieldException(field, field + " is longer than " + max + " characters");
		}
		return v;
	}

	private static String optional(String value, String field, String old) {
		if (value == null) {
			return old;
		}
		String v = value.strip();
		if (v.length() > 20000) {
			throw new InvalidFieldException(field, field + " is longer than 20000 characters");
		}
		return v.isEmpty() ? null : v;
	}

	private static <T> T missing(String field) {
		throw new InvalidFieldException(field, field + " is required");
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

	String systemName() {
		return systemName;
	}

	String versionFound() {
		return versionFound;
	}

	Severity severity() {
		return severity;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	String steps() {
		return steps;
	}

	String workaround() {
		return workaround;
	}

	Long authorityGroupId() {
		return authorityGroupId;
	}

	String authority() {
		return authority;
	}

	DeficiencyStatus status() {
		return status;
	}

	String fixRelease() {
		return fixRelease;
	}

	LocalDate fixPlannedOn() {
		return fixPlannedOn;
	}

	LocalDate fixShippedOn() {
		return fixShippedOn;
	}

	String duplicateOf() {
		return duplicateOf;
	}

	long raisedBy() {
		return raisedBy;
	}

	Instant raisedAt() {
		return raisedAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}
}
