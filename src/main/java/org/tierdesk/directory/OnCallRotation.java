package org.tierdesk.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An on-call rotation of a support group, as stored; {@link #rotation} gives its arithmetic. */
@Entity
@Table(name = "directory_rotation")
class OnCallRotation {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_rotation_seq")
	@SequenceGenerator(name = "directory_rotation_seq", sequenceName = "directory_rotation_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String name;

	private String nameKey;

	private long groupId;

	private int shiftDays;

	private LocalTime handover;

	private LocalDate startsOn;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "directory_rotation_member", joinColumns = @JoinColumn(name = "rotation_id"))
	@OrderColumn(name = "position")
	@Column(name = "account_id")
	private List<Long> members = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "directory_rotation_override", joinColumns = @JoinColumn(name = "rotation_id"))
	@OrderColumn(name = "position")
	private List<StoredOverride> overrides = new ArrayList<>();

	@Embeddable
	record StoredOverride(@Column(name = "account_id") long personId, @Column(name = "from_at") Instant from,
			@Column(name = "until_at") Instant until, String reason) {
	}

	protected OnCallRotation() {
	}

	OnCallRotation(long programId, String nameKey) {
		this.programId = programId;
		this.nameKey = nameKey;
	}

	/** Sets the definition; returns a description of what changed (empty when nothing did). */
	String define(String name, long groupId, int shiftDays, LocalTime handover, LocalDate startsOn,
			List<Long> members, List<StoredOverride> overrides) {
		String before = describe();
		this.name = name;
		this.groupId = groupId;
		this.shiftDays = shiftDays;
		this.handover = handover;
		this.startsOn = startsOn;
		this.members.clear();
		this.members.addAll(members);
		this.overrides.clear();
		this.overrides.addAll(overrides);
		String after = describe();
		return before.equals(after) ? "" : before;
	}

	void addOverride(StoredOverride override) {
		overrides.add(override);
	}

	String describe() {
		if (name == null) {
			return "";
		}
		return "group " + groupId + ", every " + shiftDays + " day(s) at " + handover + " from " + startsOn
				+ ", members " + members + ", overrides " + overrides.stream()
					.map(o -> o.personId() + " " + o.from() + ".." + o.until()).toList();
	}

	Rotation rotation(ZoneId zone) {
		return new Rotation(zone, startsOn, handover, shiftDays, members, overrides.stream()
			.map(o -> new Rotation.Override(o.personId(), o.from(), o.until(), o.reason())).toList());
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

	long groupId() {
		return groupId;
	}

	int shiftDays() {
		return shiftDays;
	}

	LocalTime handover() {
		return handover;
	}

	LocalDate startsOn() {
		return startsOn;
	}

	List<Long> members() {
		return List.copyOf(members);
	}

	List<StoredOverride> overrides() {
		return List.copyOf(overrides);
	}
}
