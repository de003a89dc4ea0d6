package org.tierdesk.directory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team at one tier of one program. Tier 4 groups are outside vendors or OEMs. */
@Entity
@Table(name = "directory_support_group")
class SupportGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_support_group_seq")
	@SequenceGenerator(name = "directory_support_group_seq", sequenceName = "directory_support_group_seq",
			allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String name;

	private int tier;

	private String email;

	private String contractReference;

	private Instant createdAt;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private PersonAssignment personAssignment = PersonAssignment.NONE;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.JOIN)
	@CollectionTable(name = "directory_group_member", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "account_id")
	private Set<Long> members = new HashSet<>();

	protected SupportGroup() {
	}

	SupportGroup(long programId, String name, int tier, String email, String contractReference, Instant now) {
		this.programId = programId;
		this.name = name;
		this.tier = tier;
		this.email = email;
		this.contractReference = contractReference;
		this.createdAt = now;
	}

	void addMember(long accountId) {
		members.add(accountId);
	}

	boolean removeMember(long accountId) {
		return members.remove(accountId);
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

	int tier() {
		return tier;
	}

	String email() {
		return email;
	}

	String contractReference() {
		return contractReference;
	}

	PersonAssignment personAssignment() {
		return personAssignment == null ? PersonAssignment.NONE : personAssignment;
	}

	void assignPeopleBy(PersonAssignment mode) {
		this.personAssignment = mode;
	}

	Set<Long> members() {
		return Set.copyOf(members);
	}
}
