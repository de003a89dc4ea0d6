package org.tierdesk.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.hibernate.Session;
import org.hibernate.SessionCheckMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.Role;

import jakarta.persistence.EntityManager;

/** The directory's API for support groups: set them up, staff them, look them up. */
@Service
@Transactional(readOnly = true)
public class SupportGroups {

	private final SupportGroupRepository groups;

	private final Programs programs;

	private final Accounts accounts;

	private final Clock clock;

	private final EntityManager entityManager;

	/** Memberships by account: read on every request of staff, changed rarely. */
	private final Cache<Long, Map<Long, GroupInfo>> memberships;

	/** Each program's default group per tier ({@code programId * 10 + tier}); empty when it has none. */
	private final Cache<Long, Optional<Long>> defaults;

	/** Groups' names and tiers, which never change once a group is made. */
	private final Cache<Long, GroupLabel> labels;

	/**
	 * Groups by id (members, person assignment), as routing reads them for every new ticket: remembered like
	 * {@link #memberships}, forgotten at once on this instance when the group changes.
	 */
	private final Cache<Long, GroupInfo> infos;

	SupportGroups(SupportGroupRepository groups, Programs programs, Accounts accounts, Clock clock,
			EntityManager entityManager, @Value("${tierdesk.directory.membership-cache-ttl:10s}") Duration cacheTtl) {
		this.entityManager = entityManager;
		this.memberships = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
		this.defaults = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
		this.labels = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
		this.infos = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
		this.groups = groups;
		this.programs = programs;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * A support group as other modules see it.
	 *
	 * @param tier 1-3 for desk groups, 4 for an outside vendor or OEM
	 */
	public record GroupInfo(long id, long programId, String name, int tier, String email, String contractReference,
			Set<Long> memberIds, PersonAssignment personAssignment) {

		public boolean isVendor() {
			return tier == 4;
		}
	}

	@Transactional
	public GroupInfo create(long programId, String name, int tier, String email, String contractReference) {
		Program program = programs.byId(programId);
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new InvalidFieldException("name", "a group needs a name of 1-200 characters");
		}
		if (tier < 1 || tier > 4) {
			throw new InvalidFieldException("tier", "support groups work at tier 1 to 4 (tier 0 is self-service)");
		}
		if (!program.tierSetup().uses(tier)) {
			throw new InvalidFieldException("tier", "program " + program.key() + " does not use tier " + tier);
		}
		if (groups.existsByProgramIdAndName(programId, name.strip())) {
			throw new RuleViolationException("name", "program " + program.key() + " already has a group " + name);
		}
		AfterCommit.forgetNowAndAtEnd(defaults::invalidateAll); // the new group may come first by name
		return info(groups.save(new SupportGroup(programId, name.strip(), tier, email, contractReference,
				clock.instant())));
	}

	@Transactional
	public GroupInfo addMember(long groupId, long accountId) {
		SupportGroup group = group(groupId);
		Person person = accounts.findById(accountId)
				.orElseThrow(() -> new InvalidFieldException("userId", "no user " + accountId));
		if (!person.programIds().contains(group.programId())) {
			throw new InvalidFieldException("userId", person.username() + " does not act in this group's program");
		}
		if (person.has(Role.VENDOR) != (group.tier() == 4)) {
			throw new InvalidFieldException("userId",
					group.tier() == 4 ? "only vendor accounts join a Tier 4 vendor group"
							: "vendor accounts join only Tier 4 vendor groups");
		}
		if (!person.has(Role.VENDOR) && !person.has(Role.AGENT) && !person.has(Role.PROGRAM_MANAGER)) {
			throw new InvalidFieldException("userId", "only agents, program managers and vendors join support groups");
		}
		group.addMember(accountId);
		forgetMembershipsAfterCommit(accountId);
		forgetGroupAfterCommit(groupId);
		return info(group);
	}

	@Transactional
	public GroupInfo removeMember(long groupId, long accountId) {
		SupportGroup group = group(groupId);
		if (!group.removeMember(accountId)) {
			throw new NotFoundException("user " + accountId + " is not in group " + groupId);
		}
		forgetMembershipsAfterCommit(accountId);
		forgetGroupAfterCommit(groupId);
		return info(group);
	}

	/** How routing picks a person in the group when work arrives without one. */
	@Transactional
	public GroupInfo assignPeopleBy(long groupId, PersonAssignment mode) {
		if (mode == null) {
			throw new InvalidFieldException("personAssignment", "choose NONE, ROUND_ROBIN or LEAST_LOADED");
		}
		SupportGroup group = group(groupId);
		group.assignPeopleBy(mode);
		forgetGroupAfterCommit(groupId);
		return info(group);
	}

	/**
	 * Claims the group's next round-robin turn in the database (the row stays locked until the caller's transaction
	 * ends), so instances sharing a database never hand out the same turn twice.
	 */
	@Transactional
	public long claimRoundRobinTurn(long groupId) {
		int updated = entityManager.createNativeQuery(
				"update directory_support_group set round_robin_turn = round_robin_turn + 1 where id = ?1")
			.setParameter(1, groupId).executeUpdate();
		if (updated == 0) {
			throw new NotFoundException("no support group " + groupId);
		}
		return ((Number) entityManager
			.createNativeQuery("select round_robin_turn from directory_support_group where id = ?1")
			.setParameter(1, groupId).getSingleResult()).longValue() - 1;
	}

	/** The group's next round-robin turn, without claiming it (for explaining a decision). */
	public long peekRoundRobinTurn(long groupId) {
		return ((Number) entityManager
			.createNativeQuery("select round_robin_turn from directory_support_group where id = ?1")
			.setParameter(1, groupId).getSingleResult()).longValue();
	}

	/**
	 * The group, remembered for {@code tierdesk.directory.membership-cache-ttl}: a change made on this instance is seen
	 * at once, one made on another instance within that time.
	 *
	 * @throws NotFoundException when there is no such group
	 */
	public GroupInfo byId(long id) {
		return infos.get(id, k -> info(group(k)));
	}

	public Optional<GroupInfo> findById(long id) {
		return groups.findById(id).map(SupportGroups::info);
	}

	/** The groups with these ids; unknown ids are left out. Reuses what this transaction already loaded. */
	public Map<Long, GroupInfo> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return entityManager.unwrap(Session.class)
			.findMultiple(SupportGroup.class, List.copyOf(new java.util.HashSet<>(ids)), SessionCheckMode.ENABLED)
			.stream().filter(java.util.Objects::nonNull).map(SupportGroups::info)
			.collect(Collectors.toMap(GroupInfo::id, Function.identity()));
	}

	/** What a ticket shows of a group: its name and tier. */
	public record GroupLabel(long id, String name, int tier) {
	}

	/**
	 * The names and tiers of these groups; unknown ids are left out. A group's name and tier are fixed when it is
	 * made, so each instance remembers them (bounded, and re-read after ten minutes) instead of loading the group
	 * and its members for every ticket it shows.
	 */
	public Map<Long, GroupLabel> labels(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return labels.getAll(new java.util.HashSet<>(ids), missing -> entityManager
			.createQuery("select g.id, g.name, g.tier from SupportGroup g where g.id in :ids", Object[].class)
			.setParameter("ids", missing).getResultStream()
			.map(row -> new GroupLabel((Long) row[0], (String) row[1], (Integer) row[2]))
			.collect(Collectors.toMap(GroupLabel::id, Function.identity())));
	}

	public List<GroupInfo> inProgram(long programId) {
		return groups.findByProgramIdOrderByTierAscNameAsc(programId).stream().map(SupportGroups::info).toList();
	}

	/** The first group (by name) of a program at a tier: where work goes when only the tier is named. */
	public Optional<GroupInfo> defaultGroup(long programId, int tier) {
		return defaultGroupId(programId, tier).flatMap(this::findById);
	}

	/**
	 * The id of {@link #defaultGroup(long, int)}, without loading the group. Remembered like
	 * {@link #groupsOf(long) memberships}: a group created on this instance is seen at once, one created on another
	 * instance within {@code tierdesk.directory.membership-cache-ttl}.
	 */
	public Optional<Long> defaultGroupId(long programId, int tier) {
		return defaults.get(programId * 10 + tier,
				k -> groups.findIdsByProgramIdAndTier(programId, tier, Limit.of(1)).stream().findFirst());
	}

	/**
	 * The groups a person belongs to, in any program, by id. Remembered for
	 * {@code tierdesk.directory.membership-cache-ttl}: a change made on this instance is seen at once, one made on
	 * another instance within that time.
	 */
	public Map<Long, GroupInfo> groupsOf(long accountId) {
		return memberships.get(accountId, id -> Map.copyOf(groups.findWithMember(id).stream().map(SupportGroups::info)
				.collect(Collectors.toMap(GroupInfo::id, Function.identity()))));
	}

	private void forgetGroupAfterCommit(long groupId) {
		AfterCommit.forgetNowAndAtEnd(() -> infos.invalidate(groupId));
	}

	private void forgetMembershipsAfterCommit(long accountId) {
		// a concurrent reader may have cached the old rows between the change and its commit
		AfterCommit.forgetNowAndAtEnd(() -> memberships.invalidate(accountId));
	}

	private SupportGroup group(long id) {
		return groups.findById(id).orElseThrow(() -> new NotFoundException("no support group " + id));
	}

	private static GroupInfo info(SupportGroup g) {
		return new GroupInfo(g.id(), g.programId(), g.name(), g.tier(), g.email(), g.contractReference(), g.members(),
				g.personAssignment());
	}
}
