package org.tierdesk.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hibernate.annotations.BatchSize;
import org.tierdesk.directory.DirectoryValidation.ValidSystem;
import org.tierdesk.directory.SystemParts.Alias;
import org.tierdesk.directory.SystemParts.Authority;
import org.tierdesk.directory.SystemParts.Release;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A system, product or service a program supports: its names, the releases supported, and the cognizant authority
 * at each tier. Only validated entries count: each carries who verified it, when, and when it is due for review.
 */
@Entity
@Table(name = "directory_system")
class SupportedSystem {

	/** One changed field, for the directory's history. */
	record Change(String field, String oldValue, String newValue) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_system_seq")
	@SequenceGenerator(name = "directory_system_seq", sequenceName = "directory_system_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String name;

	private String nameKey;

	@Enumerated(EnumType.STRING)
	@Column(name = "system_type")
	private SystemType type;

	private String verifiedBy;

	private LocalDate verifiedAt;

	private LocalDate reviewDue;

	@ElementCollection
	@BatchSize(size = 50)
	@CollectionTable(name = "directory_system_alias", joinColumns = @JoinColumn(name = "system_id"))
	private List<Alias> aliases = new ArrayList<>();

	@ElementCollection
	@BatchSize(size = 50)
	@CollectionTable(name = "directory_system_release", joinColumns = @JoinColumn(name = "system_id"))
	private List<Release> releases = new ArrayList<>();

	@ElementCollection
	@BatchSize(size = 50)
	@CollectionTable(name = "directory_system_authority", joinColumns = @JoinColumn(name = "system_id"))
	private List<Authority> authorities = new ArrayList<>();

	protected SupportedSystem() {
	}

	SupportedSystem(long programId, String nameKey) {
		this.programId = programId;
		this.nameKey = nameKey;
	}

	/** Takes the validated entry's values; returns what changed (everything, for a new system). */
	List<Change> apply(ValidSystem v) {
		List<Change> changes = new ArrayList<>();
		name = changed(changes, "name", name, v.name());
		type = changed(changes, "type", type, v.type());
		aliases = changed(changes, "aliases", aliases, List.copyOf(v.aliases()));
		releases = changed(changes, "releases", releases, List.copyOf(v.releases()));
		authorities = changed(changes, "authorities", authorities, List.copyOf(v.authorities()));
		verifiedBy = changed(changes, "verifiedBy", verifiedBy, v.verifiedBy());
		verifiedAt = changed(changes, "verifiedAt", verifiedAt, v.verifiedAt());
		reviewDue = changed(changes, "reviewDue", reviewDue, v.reviewDue());
		return changes;
	}

	@SuppressWarnings("unchecked")
	private static <T> T changed(List<Change> changes, String field, T old, T next) {
		boolean same = old instanceof List<?> a && next instanceof List<?> b ? List.copyOf(a).equals(b)
				: Objects.equals(old, next);
		if (!same) {
			changes.add(new Change(field, text(old), text(next)));
			return next instanceof List<?> list ? (T) new ArrayList<>(list) : next;
		}
		return old;
	}

	private static String text(Object value) {
		if (value == null || (value instanceof List<?> list && list.isEmpty())) {
			return null;
		}
		String text = value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
				: value.toString();
		return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
	}

	/** Whether the entry is past its review date and must be validated again before it is relied on. */
	boolean pastReview(LocalDate today) {
		return today.isAfter(reviewDue);
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	String name() {
		return name;
	}

	String nameKey() {
		return nameKey;
	}

	SystemType type() {
		return type;
	}

	String verifiedBy() {
		return verifiedBy;
	}

	LocalDate verifiedAt() {
		return verifiedAt;
	}

	LocalDate reviewDue() {
		return reviewDue;
	}

	List<Alias> aliases() {
		return List.copyOf(aliases);
	}

	List<Release> releases() {
		return List.copyOf(releases);
	}

	List<Authority> authorities() {
		return List.copyOf(authorities);
	}
}
