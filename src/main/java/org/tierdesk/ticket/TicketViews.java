package org.tierdesk.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupLabel;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;

/**
 * What callers get to read of tickets, with people, groups and programs named, and with what the caller may not see
 * left out (internal entries for customers, the internal workings for customers and vendors).
 */
@Component
public class TicketViews {

	/** The actor recorded for what the desk does by itself (e.g. closing an unanswered resolution). */
	public static final long SYSTEM_ACTOR = 0;

	private final Accounts accounts;

	private final SupportGroups groups;

	private final Programs programs;

	private final TicketRepository tickets;

	TicketViews(Accounts accounts, SupportGroups groups, Programs programs, TicketRepository tickets) {
		this.accounts = accounts;
		this.groups = groups;
		this.programs = programs;
		this.tickets = tickets;
	}

	public record PersonRef(long id, String username, String displayName) {
	}

	public record GroupRef(long id, String name, int tier) {
	}

	public record AssignmentView(long id, GroupRef group, PersonRef assignee, int tier, int fromTier,
			AssignmentStatus status, String reason, PersonRef assignedBy, Instant assignedAt, Instant endedAt,
			PersonRef endedBy, String findings) {
	}

	public record ResolutionView(ResolutionCode code, String solution, String fixRelease, LocalDate fixReleaseDate,
			Instant resolvedAt, PersonRef resolvedBy) {
	}

	public record ManagementFlag(Instant flaggedAt, String reason, PersonRef dutyManager) {
	}

	public record TicketView(long id, String number, long version, TicketKind kind, String program,
			TicketStatus status, Priority priority, Impact impact, Urgency urgency, int tier, String tierName,
			PersonRef owner, GroupRef ownerGroup, AssignmentView assignment, PersonRef requester,
			String requesterOrganization, Channel channel, String subject, String description, StructuredFacts facts,
			String category, int reopenCount, ResolutionView resolution, ManagementFlag managementFlag,
			String mergedInto, Instant createdAt, Instant updatedAt, Instant autoCloseAt, Instant closedAt,
			java.util.Map<String, String> customFields, Entitlement entitlement, String lessonLearned) {
	}

	public record TicketSummary(long id, String number, long version, TicketKind kind, String program,
			TicketStatus status, Priority priority, int tier, PersonRef owner, AssignmentView assignment,
			PersonRef requester, Channel channel, String subject, Instant createdAt, Instant updatedAt) {
	}

	public record EntryView(long id, EntryVisibility visibility, Channel channel, PersonRef author, Long assignmentId,
			String body, Instant createdAt) {
	}

	public record HistoryView(Instant at, PersonRef actor, String action, String field, String oldValue,
			String newValue, String reason) {
	}

	public record LinkView(LinkType type, String ticket, String subject, TicketStatus status, Instant createdAt) {
	}

	/** Names looked up once for a batch of tickets. */
	private record Names(Map<Long, Person> people, Map<Long, GroupLabel> groups, Map<Long, Program> programs) {

		PersonRef person(Long id) {
			if (id == null) {
				return null;
			}
			if (id == SYSTEM_ACTOR) {
				return new PersonRef(SYSTEM_ACTOR, "system", "Tierdesk (automatic)");
			}
			Person p = people.get(id);
			return p == null ? new PersonRef(id, null, null) : new PersonRef(id, p.username(), p.displayName());
		}

		GroupRef group(Long id) {
			if (id == null) {
				return null;
			}
			GroupLabel g = groups.get(id);
			return g == null ? new GroupRef(id, null, 0) : new GroupRef(id, g.name(), g.tier());
		}
	}

	TicketView view(Ticket t, Caller c) {
		boolean insider = c.staffOf(t.programId());
		boolean vendor = !insider && TicketAccess.vendorOn(t, c);
		Assignment active = t.activeAssignment().orElse(null);
		Names names = names(List.of(t), active == null ? Set.of() : personIds(active));
		Program program = names.programs().get(t.programId());
		AssignmentView assignment = active == null || !(insider || vendor) ? null : assignment(active, names);
		return new TicketView(t.id(), t.number(), t.version(), t.kind(), program.key(), t.status(), t.priority(),
				t.impact(), t.urgency(), t.tier(), program.tierSetup().nameOf(t.tier()), names.person(t.ownerId()),
				insider ? names.group(t.ownerGroupId()) : null, assignment, vendor ? null : names.person(t.requesterId()),
				vendor ? null : t.requesterOrganization(), t.channel(), t.subject(), t.description(), t.facts(),
				t.category(), t.reopenCount(), t.resolution().map(r -> new ResolutionView(r.code(), r.solution(),
						r.fixRelease(), r.fixReleaseDate(), t.resolvedAt(), names.person(t.resolvedBy()))).orElse(null),
				insider && t.managementFlaggedAt() != null ? new ManagementFlag(t.managementFlaggedAt(),
						t.managementFlagReason(), names.person(t.dutyManagerId())) : null,
				t.mergedIntoId() == null ? null : mergedIntoNumber(t), t.createdAt(), t.updatedAt(), t.autoCloseAt(),
				t.closedAt(), t.customFields(), insider ? t.entitlement().orElse(null) : null,
				insider ? t.lessonSummary() : null);
	}

	List<TicketSummary> summaries(List<Ticket> tickets, Caller c) {
		Set<Long> extra = new HashSet<>();
		tickets.forEach(t -> t.activeAssignment().ifPresent(a -> extra.addAll(personIds(a))));
		Names names = names(tickets, extra);
		return tickets.stream().map(t -> {
			boolean insider = c.staffOf(t.programId());
			boolean vendor = !insider && TicketAccess.vendorOn(t, c);
			AssignmentView assignment = t.activeAssignment().filter(a -> insider || vendor)
					.map(a -> assignment(a, names)).orElse(null);
			return new TicketSummary(t.id(), t.number(), t.version(), t.kind(),
					names.programs().get(t.programId()).key(), t.status(), t.priority(), t.tier(),
					names.person(t.ownerId()), assignment, vendor ? null : names.person(t.requesterId()), t.channel(),
					t.subject(), t.createdAt(), t.updatedAt());
		}).toList();
	}

	List<EntryView> entries(Ticket t, Caller c) {
		List<TicketEntry> visible = t.entries().stream().filter(e -> TicketAccess.canSeeEntry(e, t, c)).toList();
		Map<Long, Person> people = accounts.byIds(visible.stream().map(TicketEntry::authorId).toList());
		Names names = new Names(people, Map.of(), Map.of());
		return visible.stream().map(e -> entry(e, names)).toList();
	}

	EntryView entry(TicketEntry e) {
		return entry(e, new Names(accounts.byIds(List.of(e.authorId())), Map.of(), Map.of()));
	}

	List<AssignmentView> assignments(Ticket t, Caller c) {
		boolean insider = c.staffOf(t.programId());
		List<Assignment> visible = t.assignments().stream().filter(a -> insider || c.inGroup(a.groupId())).toList();
		Set<Long> people = new HashSet<>();
		visible.forEach(a -> people.addAll(personIds(a)));
		Names names = new Names(accounts.byIds(people), groups.labels(visible.stream().map(Assignment::groupId).toList()),
				Map.of());
		return visible.stream().map(a -> assignment(a, names)).toList();
	}

	List<LinkView> links(Ticket t) {
		List<TicketLink> outgoing = t.links();
		List<TicketLink> incoming = tickets.findLinksTo(t.id());
		Set<Long> others = new HashSet<>();
		outgoing.forEach(l -> others.add(l.targetId()));
		incoming.forEach(l -> others.add(l.sourceId()));
		Map<Long, Ticket> byId = new java.util.HashMap<>();
		tickets.findByIdIn(others).forEach(o -> byId.put(o.id(), o));
		Stream<LinkView> out = outgoing.stream().map(l -> link(l.type(), byId.get(l.targetId()), l.createdAt()));
		Stream<LinkView> in = incoming.stream()
				.map(l -> link(l.type().inverse(), byId.get(l.sourceId()), l.createdAt()));
		return Stream.concat(out, in).filter(Objects::nonNull).toList();
	}

	private static LinkView link(LinkType type, Ticket other, Instant at) {
		return other == null ? null : new LinkView(type, other.number(), other.subject(), other.status(), at);
	}

	List<HistoryView> history(Ticket t) {
		List<HistoryRecord> records = t.history();
		Names names = new Names(accounts.byIds(records.stream().map(HistoryRecord::actorId).toList()), Map.of(),
				Map.of());
		return records.stream().map(h -> new HistoryView(h.occurredAt(), names.person(h.actorId()), h.action(),
				h.field(), h.oldValue(), h.newValue(), h.reason())).toList();
	}

	private String mergedIntoNumber(Ticket t) {
		return tickets.findById(t.mergedIntoId()).map(Ticket::number).orElse(null);
	}

	private Names names(Collection<Ticket> tickets, Set<Long> extraPeople) {
		Set<Long> people = new HashSet<>(extraPeople);
		Set<Long> groupIds = new HashSet<>();
		Set<Long> programIds = new HashSet<>();
		for (Ticket t : tickets) {
			Stream.of(t.ownerId(), t.requesterId(), t.resolvedBy(), t.dutyManagerId()).filter(Objects::nonNull)
					.forEach(people::add);
			if (t.ownerGroupId() != null) {
				groupIds.add(t.ownerGroupId());
			}
			t.activeAssignment().ifPresent(a -> groupIds.add(a.groupId()));
			programIds.add(t.programId());
		}
		Map<Long, Program> programsById = new java.util.HashMap<>();
		programs.byIds(programIds).forEach(p -> programsById.put(p.id(), p));
		return new Names(accounts.byIds(people), groups.labels(groupIds), programsById);
	}

	private static Set<Long> personIds(Assignment a) {
		Set<Long> ids = new HashSet<>();
		ids.add(a.assignedBy());
		if (a.assigneeId() != null) {
			ids.add(a.assigneeId());
		}
		if (a.endedBy() != null) {
			ids.add(a.endedBy());
		}
		return ids;
	}

	private static AssignmentView assignment(Assignment a, Names names) {
		return new AssignmentView(a.id(), names.group(a.groupId()), names.person(a.assigneeId()), a.tier(),
				a.fromTier(), a.status(), a.reason(), names.person(a.assignedBy()), a.assignedAt(), a.endedAt(),
				names.person(a.endedBy()), a.findings());
	}

	private static EntryView entry(TicketEntry e, Names names) {
		return new EntryView(e.id(), e.visibility(), e.channel(), names.person(e.authorId()), e.assignmentId(),
				e.body(), e.createdAt());
	}
}
