package org.tierdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A tracked request: an incident (break/fix) or a service request (help or information).
 * <p>
 * <b>Ownership is not assignment.</b> A Tier 1 agent owns the ticket end to end and stays the customer's single
 * contact until the customer accepts the resolution. Escalating or vectoring creates an {@link Assignment} of work to
 * a group at a higher tier without changing the owner; the group hands the work back (or on up) and the owner
 * resolves. Every change is written to the ticket's history and announced as a {@link TicketEvent}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

	static final int OWNER_TIER = 1;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
	@SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private String number;

	private long programId;

	@Enumerated(EnumType.STRING)
	private TicketKind kind;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String subject;

	private String description;

	@Embedded
	@AttributeOverride(name = "occurredAt", column = @Column(name = "occurred_at"))
	private StructuredFacts facts;

	private String category;

	@Enumerated(EnumType.STRING)
	private Impact impact;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	@Enumerated(EnumType.STRING)
	private TicketStatus status;

	/** Derived, for the queues' indexes: unfinished (NEW, OPEN, WAITING_*), and the priority's rank (0 = critical). */
	@jakarta.persistence.Column(name = "active")
	private boolean active;

	private int priorityRank;

	private long requesterId;

	private String requesterOrganization;

	private Long ownerId;

	private Long ownerGroupId;

	private int tier;

	private Instant managementFlaggedAt;

	private String lessonSummary;

	private Instant lessonAt;

	private Long lessonBy;

	private String managementFlagReason;

	private Long dutyManagerId;

	private int reopenCount;

	@Enumerated(EnumType.STRING)
	private ResolutionCode resolutionCode;

	private String resolutionSolution;

	private String fixRelease;

	private LocalDate fixReleaseDate;

	private Instant resolvedAt;

	private Long resolvedBy;

	private Instant autoCloseAt;

	private Instant closedAt;

	private Long mergedIntoId;

	private long createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
	@OrderBy("createdAt, id")
	private List<TicketEntry> entries = new ArrayList<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
	@OrderBy("assignedAt, id")
	private List<Assignment> assignments = new ArrayList<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
	@OrderBy("createdAt, id")
	private List<TicketLink> links = new ArrayList<>();

	@OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
	@OrderBy("occurredAt, id")
	private List<HistoryRecord> history = new ArrayList<>();

	private Instant swarmedAt;

	private String entitlementStatus;

	private String serviceLevel;

	private String entitlementContract;

	private String entitlementReason;

	private boolean entitlementReview;

	private Instant entitlementCheckedAt;

	/** Specialists invited to swarm on the ticket; the owner keeps ownership. */
	@jakarta.persistence.ElementCollection
	@jakarta.persistence.CollectionTable(name = "ticket_swarm_member",
			joinColumns = @jakarta.persistence.JoinColumn(name = "ticket_id"))
	private java.util.Set<SwarmSeat> swarm = new java.util.HashSet<>();

	/** The program's own facts about the ticket (e.g. hull number, contract line), by name. */
	@jakarta.persistence.ElementCollection
	@jakarta.persistence.CollectionTable(name = "ticket_custom_field",
			joinColumns = @jakarta.persistence.JoinColumn(name = "ticket_id"))
	@jakarta.persistence.MapKeyColumn(name = "field_name")
	@Column(name = "field_value")
	private java.util.Map<String, String> customFields = new java.util.TreeMap<>();

	/** People kept informed of the ticket besides its requester (set by routing rules or agents). */
	@jakarta.persistence.ElementCollection
	@jakarta.persistence.CollectionTable(name = "ticket_watcher",
			joinColumns = @jakarta.persistence.JoinColumn(name = "ticket_id"))
	@Column(name = "account_id")
	private java.util.Set<Long> watchers = new java.util.HashSet<>();

	/** Events raised by changes not yet published; the use case publishes them in the same transaction. */
	@Transient
	private List<TicketEvent> raised = new ArrayList<>();

	protected Ticket() {
	}

	private void raise(TicketEvent event) {
		raised.add(event);
	}

	/** Hands over the events raised since the last call. */
	List<TicketEvent> takeEvents() {
		List<TicketEvent> events = List.copyOf(raised);
		raised.clear();
		return events;
	}

	/** What is needed to open a ticket; {@code priority} comes from the program's priority matrix. */
	record Opening(String number, long programId, TicketKind kind, Channel channel, long requesterId,
			String requesterOrganization, String subject, String description, StructuredFacts facts, String category,
			Impact impact, Urgency urgency, Priority priority, Long ownerGroupId,
			java.util.Map<String, String> customFields) {
	}

	private static final java.util.regex.Pattern CUSTOM_FIELD = java.util.regex.Pattern
		.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");

	/**
	 * Opens a ticket. Its description is also the first public entry of the conversation, on the channel it came in
	 * on. Until an agent takes it, the Tier 1 owner group (if given) holds it.
	 */
	static Ticket open(Opening o, long actorId, Instant now) {
		Ticket t = new Ticket();
		t.number = o.number();
		t.programId = o.programId();
		t.kind = Objects.requireNonNull(o.kind());
		t.channel = Objects.requireNonNull(o.channel());
		t.requesterId = o.requesterId();
		t.requesterOrganization = o.requesterOrganization();
		t.subject = requireText("subject", o.subject(), 300);
		t.description = requireText("description", o.description(), 1_000_000);
		t.facts = o.facts() == null ? StructuredFacts.none() : o.facts();
		java.util.Map<String, String> custom = o.customFields() == null ? java.util.Map.of() : o.customFields();
		if (custom.size() > 20) {
			throw new InvalidFieldException("customFields", "at most 20 custom fields");
		}
		custom.forEach((name, value) -> {
			if (name == null || !CUSTOM_FIELD.matcher(name).matches()) {
				throw new InvalidFieldException("customFields",
						"a custom field's name is a letter then up to 49 letters, digits, '-' or '_': " + name);
			}
			if (value == null || value.isBlank() || value.length() > 500) {
				throw new InvalidFieldException("customFields." + name, "a value of 1-500 characters");
			}
			t.customFields.put(name, value.strip());
		});
		t.category = o.category();
		t.impact = Objects.requireNonNull(o.impact());
		t.urgency = Objects.requireNonNull(o.urgency());
		t.priority = Objects.requireNonNull(o.priority());
		t.status = TicketStatus.NEW;
		t.ownerGroupId = o.ownerGroupId();
		t.tier = OWNER_TIER;
		t.createdBy = actorId;
		t.createdAt = now;
		t.updatedAt = now;
		t.entries.add(new TicketEntry(t, EntryVisibility.PUBLIC, t.channel, actorId, null, t.description, now));
		t.record(now, actorId, "OPENED", null, null, t.number, "opened by " + t.channel.name().toLowerCase());
		return t;
	}

	/** The event of this ticket's opening, not raised yet: the opening transaction says what it did there. */
	TicketOpened opened(boolean routed, boolean noted, boolean followed) {
		return new TicketOpened(ref(id), number, programId, kind, channel, requesterId, priority, ownerGroupId,
				createdAt, facts == null ? null : facts.affectedSystem(), facts == null ? null : facts.affectedVersion(),
				routed, noted, followed);
	}

	/** Raises the opening's event, before any raised by what was done to the ticket as it opened. */
	void announceOpened(TicketOpened opened) {
		raised.add(0, opened);
	}

	/** Refuses a change made against an older version than the current one (the client's {@code If-Match}). */
	void requireVersion(Long expected) {
		if (expected != null && expected != version) {
			throw new StaleVersionException("ticket " + number + " is at version " + version + ", not " + expected
					+ "; reload it and try again");
		}
	}

	/** An agent takes ownership: from the queue ({@code NEW -> OPEN}) or over from another owner. */
	void take(long agentId, String reason, Instant now) {
		requireActive("take");
		if (Objects.equals(ownerId, agentId)) {
			throw new RuleViolationException("you already own ticket " + number);
		}
		Long previous = ownerId;
		ownerId = agentId;
		record(now, agentId, "TAKEN", "owner", str(previous), str(agentId), reason);
		if (status == TicketStatus.NEW) {
			moveTo(TicketStatus.OPEN, agentId, null, now);
		}
		touch(now);
		raise(new TicketTaken(ref(id), programId, agentId, previous, now));
	}

	/** Where escalated work goes: a group at a tier, optionally one person in it. */
	record EscalationTarget(long groupId, int tier, Long assigneeId) {
	}

	/**
	 * Functional escalation (or vectoring to the cognizant authority): assigns the work to a group at a higher tier.
	 * The owner is unchanged. Work already assigned elsewhere is handed on. Work sent to a Tier 4 vendor puts an open
	 * ticket in {@code WAITING_ON_VENDOR}.
	 */
	Assignment escalate(EscalationTarget target, String reason, long actorId, Instant now) {
		requireActive("escalate");
		String why = requireText("reason", reason, 2000);
		if (target.tier() <= OWNER_TIER || target.tier() > 4) {
			throw new InvalidFieldException("tier", "work is escalated to tier 2, 3 or 4; tier 1 owns the ticket");
		}
		Optional<Assignment> current = activeAssignment();
		if (current.isPresent() && current.get().groupId() == target.groupId()) {
			throw new RuleViolationException("groupId", "the work is already assigned to that group");
		}
		int fromTier = tier;
		current.ifPresent(a -> {
			a.end(AssignmentStatus.HANDED_ON, actorId, null, now);
			record(now, actorId, "ASSIGNMENT_HANDED_ON", "assignment", str(a.id()), null, why);
		});
		Assignment assignment = new Assignment(this, target.groupId(), target.assigneeId(), target.tier(), fromTier,
				why, actorId, now);
		assignments.add(assignment);
		tier = target.tier();
		record(now, actorId, "ESCALATED", "tier", str(fromTier), str(target.tier()),
				why + " (group " + target.groupId() + (target.assigneeId() == null ? "" : ", person " + target.assigneeId())
						+ ")");
		if (target.tier() == 4 && status == TicketStatus.OPEN) {
			moveTo(TicketStatus.WAITING_ON_VENDOR, actorId, "work assigned to a vendor", now);
		}
		touch(now);
		return assignment;
	}

	/** Publishes the escalation once the new assignment has its id. */
	void announceEscalation(Assignment a) {
		raise(new TicketEscalated(ref(id), programId, a.fromTier(), a.tier(), a.groupId(), a.id(), a.assigneeId(), a.reason(),
				a.assignedAt()));
	}

	/** The assigned group hands its work back to the owner, with its findings. */
	void returnAssignment(Assignment a, String findings, long actorId, Instant now) {
		if (!a.isActive() || !assignments.contains(a)) {
			throw new RuleViolationException("assignment " + a.id() + " is not the active work");
		}
		String text = requireText("findings", findings, 100_000);
		a.end(AssignmentStatus.RETURNED, actorId, text, now);
		int fromTier = tier;
		tier = OWNER_TIER;
		entries.add(new TicketEntry(this, EntryVisibility.INTERNAL, Channel.API, actorId, a.id(),
				"Findings: " + text, now));
		record(now, actorId, "ASSIGNMENT_RETURNED", "tier", str(fromTier), str(OWNER_TIER), text);
		if (status == TicketStatus.WAITING_ON_VENDOR) {
			moveTo(TicketStatus.OPEN, actorId, "work returned", now);
		}
		touch(now);
		raise(new AssignmentReturned(ref(id), programId, ref(a.id()), a.groupId(), fromTier, now));
	}

	/**
	 * Applies what routing decided for a new ticket: the Tier 1 queue, an owner, priority, category, watchers. Each
	 * change is recorded with the rule that made it. Assignments to higher tiers go through {@link #escalate}.
	 */
	void route(Routed r, long actorId, Instant now) {
		requireActive("route");
		String why = requireText("reason", r.reason(), 2000);
		if (r.ownerGroupId() != null && !r.ownerGroupId().equals(ownerGroupId)) {
			record(now, actorId, "ROUTED", "ownerGroup", str(ownerGroupId), str(r.ownerGroupId()), why);
			ownerGroupId = r.ownerGroupId();
		}
		if (r.priority() != null && r.priority() != priority) {
			record(now, actorId, "FIELD_CHANGED", "priority", priority.name(), r.priority().name(), why);
			priority = r.priority();
		}
		if (r.category() != null && !r.category().equals(category)) {
			record(now, actorId, "FIELD_CHANGED", "category", category, r.category(), why);
			category = r.category();
		}
		for (Long w : r.watcherIds()) {
			if (w != requesterId && watchers.add(w)) {
				record(now, actorId, "WATCHER_ADDED", "watcher", null, str(w), why);
			}
		}
		if (r.ownerId() != null && !r.ownerId().equals(ownerId)) {
			Long previous = ownerId;
			ownerId = r.ownerId();
			record(now, actorId, "ROUTED", "owner", str(previous), str(ownerId), why);
			if (status == TicketStatus.NEW) {
				moveTo(TicketStatus.OPEN, actorId, why, now);
			}
			raise(new TicketTaken(ref(id), programId, ownerId, previous, now));
		}
		touch(now);
	}

	/** Snapshots what the requester is entitled to, with an audit line; returns whether anything changed. */
	boolean recordEntitlement(Entitlement e, long actorId, Instant now) {
		Entitlement before = entitlement().orElse(null);
		boolean same = before != null && java.util.Objects.equals(before.status(), e.status())
				&& java.util.Objects.equals(before.serviceLevel(), e.serviceLevel())
				&& java.util.Objects.equals(before.contractNumber(), e.contractNumber())
				&& java.util.Objects.equals(before.reason(), e.reason()) && before.needsReview() == e.needsReview();
		if (same) {
			return false;
		}
		String text = e.status() + (e.serviceLevel() == null ? "" : " (" + e.serviceLevel() + ")")
				+ (e.contractNumber() == null ? "" : ", contract " + e.contractNumber())
				+ (e.needsReview() ? ", to review" : "");
		record(now, actorId, "ENTITLEMENT_CHECKED", "entitlement",
				before == null ? null : before.status() + (before.serviceLevel() == null ? "" : " (" + before.serviceLevel() + ")"),
				text, e.reason());
		entitlementStatus = e.status();
		serviceLevel = e.serviceLevel();
		entitlementContract = e.contractNumber();
		entitlementReason = e.reason() == null ? null
				: e.reason().length() > 1000 ? e.reason().substring(0, 1000) : e.reason();
		entitlementReview = e.needsReview();
		entitlementCheckedAt = e.checkedAt();
		touch(now);
		raise(new TicketUpdated(ref(id), programId, java.util.Set.of("entitlement"), now));
		return true;
	}

	public java.util.Optional<Entitlement> entitlement() {
		return entitlementStatus == null ? java.util.Optional.empty()
				: java.util.Optional.of(new Entitlement(entitlementStatus, serviceLevel, entitlementContract,
						entitlementReason, entitlementReview, entitlementCheckedAt));
	}

	/**
	 * Opens a swarm instead of a tiered hand-off (or invites more people to it): the invited specialists work on the
	 * internal thread; the owner keeps the ticket and stays the customer's contact.
	 */
	void swarm(java.util.Set<Long> people, String reason, long actorId, Instant now) {
		requireActive("swarm on");
		String why = requireText("reason", reason, 2000);
		java.util.Set<Long> already = swarmMembers();
		java.util.Set<Long> invited = new java.util.TreeSet<>();
		for (Long p : people) {
			if (!already.contains(p) && !p.equals(ownerId)) {
				swarm.add(new SwarmSeat(p, actorId, now));
				invited.add(p);
				record(now, actorId, "SWARM_INVITED", "swarm", null, str(p), why);
			}
		}
		if (invited.isEmpty()) {
			throw new RuleViolationException("participants", "everyone named is already in the swarm");
		}
		if (swarmedAt == null) {
			swarmedAt = now;
		}
		touch(now);
		raise(new TicketSwarmed(ref(id), programId, java.util.Set.copyOf(invited), why, now));
	}

	java.util.Set<Long> swarmMembers() {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		swarm.forEach(s -> ids.add(s.personId()));
		return ids;
	}

	java.util.List<SwarmSeat> swarmSeats() {
		return swarm.stream().sorted(java.util.Comparator.comparing(SwarmSeat::invitedAt)
			.thenComparing(SwarmSeat::personId)).toList();
	}

	public Instant swarmedAt() {
		return swarmedAt;
	}

	/** The lesson learned drawn from this ticket, in the agent's words (null: none). */
	public String lessonSummary() {
		return lessonSummary;
	}

	public Instant lessonAt() {
		return lessonAt;
	}

	/**
	 * Records what the desk learned from this ticket (or rewrites it; blank withdraws it), for the lessons-learned
	 * report: only once the ticket is resolved, when the lesson is known.
	 */
	void recordLesson(String summary, long actorId, Instant now) {
		if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
			throw new org.tierdesk.system.RuleViolationException("status",
					"a lesson is drawn from a resolved ticket; " + number + " is " + status);
		}
		String text = summary == null || summary.isBlank() ? null : requireText("summary", summary, 4000);
		if (java.util.Objects.equals(text, lessonSummary)) {
			return;
		}
		record(now, actorId, text == null ? "LESSON_WITHDRAWN" : "LESSON_LEARNED", "lesson", lessonSummary, text, null);
		lessonSummary = text;
		lessonAt = text == null ? null : now;
		lessonBy = text == null ? null : actorId;
		touch(now);
		raise(new TicketUpdated(ref(id), programId, java.util.Set.of("lesson"), now));
	}

	/** What routing decided; null fields leave the ticket as it is. */
	record Routed(Long ownerGroupId, Long ownerId, Priority priority, String category, java.util.Set<Long> watcherIds,
			String reason) {
	}

	/** Routing (or a lead) gives the active work of a group to one person in it. */
	void assignWithinGroup(Assignment a, long personId, String reason, long actorId, Instant now) {
		if (!a.isActive() || !assignments.contains(a)) {
			throw new RuleViolationException("assignment " + a.id() + " is not the active work");
		}
		String why = requireText("reason", reason, 2000);
		record(now, actorId, "ASSIGNED", "assignee", str(a.assigneeId()), str(personId), why);
		a.assignTo(personId);
		touch(now);
	}

	/** Hierarchical escalation: flags the ticket to a duty manager. Separate from functional escalation. */
	void flagToManagement(Long dutyManagerId, String reason, long actorId, Instant now) {
		requireActive("flag to management");
		String why = requireText("reason", reason, 2000);
		record(now, actorId, "FLAGGED_TO_MANAGEMENT", "dutyManager", str(this.dutyManagerId), str(dutyManagerId), why);
		this.managementFlaggedAt = now;
		this.managementFlagReason = why;
		this.dutyManagerId = dutyManagerId;
		touch(now);
		raise(new TicketFlaggedToManagement(ref(id), programId, dutyManagerId, why, now));
	}

	/** The owner marks the ticket as waiting on the customer or a vendor, or working again. */
	void changeStatus(TicketStatus next, String reason, long actorId, Instant now) {
		if (next != TicketStatus.OPEN && next != TicketStatus.WAITING_ON_CUSTOMER
				&& next != TicketStatus.WAITING_ON_VENDOR) {
			throw new InvalidFieldException("status", "use the resolution, acceptance or cancellation instead");
		}
		if (status == TicketStatus.NEW) {
			throw new RuleViolationException("status", "take the ticket before changing its status");
		}
		moveTo(next, actorId, reason, now);
		touch(now);
	}

	/**
	 * Adds a reply or note. A reply from the requester brings a ticket waiting on the customer back to {@code OPEN}.
	 */
	TicketEntry addEntry(EntryVisibility visibility, Channel via, long authorId, Long assignmentId, String body,
			Instant now) {
		if (status.isEnded()) {
			throw new RuleViolationException("ticket " + number + " is " + status.name().toLowerCase()
					+ "; open a new request instead");
		}
		if (assignmentId != null && assignments.stream().noneMatch(a -> a.id().equals(assignmentId))) {
			throw new InvalidFieldException("assignmentId", "no assignment " + assignmentId + " on this ticket");
		}
		TicketEntry entry = new TicketEntry(this, visibility, via, authorId, assignmentId,
				requireText("body", body, 1_000_000), now);
		entries.add(entry);
		record(now, authorId, visibility == EntryVisibility.PUBLIC ? "REPLY_ADDED" : "NOTE_ADDED", null, null, null,
				null);
		if (authorId == requesterId && status == TicketStatus.WAITING_ON_CUSTOMER) {
			moveTo(TicketStatus.OPEN, authorId, "the customer replied", now);
		}
		touch(now);
		return entry;
	}

	void announceEntry(TicketEntry e) {
		raise(new EntryAdded(ref(id), programId, e.id(), e.visibility(), e.channel(), e.authorId(), e.createdAt()));
	}

	/**
	 * The owner resolves: work assigned to other tiers must have come back first. The ticket then waits for the
	 * customer's acceptance and closes by itself after {@code autoCloseAfter}.
	 */
	void resolve(Resolution resolution, long actorId, Duration autoCloseAfter, Instant now) {
		if (status == TicketStatus.NEW) {
			throw new RuleViolationException("status", "take the ticket before resolving it");
		}
		if (!status.canMoveTo(TicketStatus.RESOLVED)) {
			throw new RuleViolationException("status", "a " + status + " ticket cannot be resolved");
		}
		activeAssignment().ifPresent(a -> {
			throw new RuleViolationException("assignment", "tier " + a.tier() + " still has the work (assignment "
					+ a.id() + "); it must be returned to the owner before the owner resolves");
		});
		resolutionCode = resolution.code();
		resolutionSolution = resolution.solution();
		fixRelease = resolution.fixRelease();
		fixReleaseDate = resolution.fixReleaseDate();
		resolvedAt = now;
		resolvedBy = actorId;
		autoCloseAt = now.plus(autoCloseAfter);
		String summary = resolution.code() + ": " + resolution.solution()
				+ (resolution.fixRelease() == null ? "" : " (release " + resolution.fixRelease() + " on "
						+ resolution.fixReleaseDate() + ")");
		record(now, actorId, "RESOLVED", "resolution", null, summary, null);
		moveTo(TicketStatus.RESOLVED, actorId, null, now);
		touch(now);
		raise(new TicketResolved(ref(id), programId, resolution.code(), tier, autoCloseAt, now));
	}

	/** The customer accepts the resolution: the ticket closes. */
	void accept(long actorId, String comment, Instant now) {
		requireResolved("accept");
		record(now, actorId, "RESOLUTION_ACCEPTED", null, null, null, comment);
		close(actorId, false, now);
		raise(new ResolutionAccepted(ref(id), programId, actorId, now));
	}

	/** The customer rejects the resolution: the ticket is open again with its owner, and the reopen is counted. */
	void reject(long actorId, String reason, Instant now) {
		requireResolved("reject");
		String why = requireText("reason", reason, 4000);
		reopenCount++;
		record(now, actorId, "RESOLUTION_REJECTED", "reopenCount", str(reopenCount - 1), str(reopenCount), why);
		resolutionCode = null;
		resolutionSolution = null;
		fixRelease = null;
		fixReleaseDate = null;
		resolvedAt = null;
		resolvedBy = null;
		autoCloseAt = null;
		moveTo(TicketStatus.OPEN, actorId, why, now);
		touch(now);
		raise(new ResolutionRejected(ref(id), programId, actorId, why, reopenCount, now));
	}

	/** Closes a resolution nobody answered once its time is up. */
	boolean closeIfUnanswered(long systemActorId, Instant now) {
		if (status != TicketStatus.RESOLVED || autoCloseAt == null || autoCloseAt.isAfter(now)) {
			return false;
		}
		record(now, systemActorId, "AUTO_CLOSED", null, null, null, "no answer to the resolution");
		close(systemActorId, true, now);
		return true;
	}

	void cancel(String reason, long actorId, Instant now) {
		requireActive("cancel");
		String why = requireText("reason", reason, 4000);
		withdrawActiveAssignment(actorId, "ticket cancelled", now);
		moveTo(TicketStatus.CANCELLED, actorId, why, now);
		closedAt = now;
		touch(now);
		raise(new TicketCancelled(ref(id), programId, why, now));
	}

	/** Links this ticket to another of the same program. */
	void linkTo(LinkType type, Ticket target, long actorId, Instant now) {
		if (target == this) {
			throw new InvalidFieldException("target", "a ticket cannot be linked to itself");
		}
		if (target.programId != programId) {
			throw new InvalidFieldException("target", "tickets of different programs cannot be linked");
		}
		boolean exists = links.stream().anyMatch(l -> l.type() == type && l.targetId() == target.id)
				|| target.links.stream().anyMatch(l -> l.type() == type.inverse() && l.targetId() == id);
		if (exists) {
			throw new RuleViolationException("target", number + " is already linked to " + target.number);
		}
		links.add(new TicketLink(this, type, target.id, actorId, now));
		record(now, actorId, "LINKED", "link", null, type + " " + target.number, null);
		target.record(now, actorId, "LINKED", "link", null, type.inverse() + " " + number + " (from " + number + ")",
				null);
		touch(now);
		target.touch(now);
		raise(new TicketsLinked(ref(id), programId, type, ref(target.id), now));
	}

	/**
	 * Merges this duplicate into its original: this ticket is linked as a duplicate and closed, the original gets a
	 * note of the merge; each keeps its own history.
	 */
	void mergeInto(Ticket original, long actorId, Instant now) {
		requireActive("merge");
		if (original.status.isEnded()) {
			throw new InvalidFieldException("into", "cannot merge into " + original.number + ": it is "
					+ original.status.name().toLowerCase());
		}
		linkTo(LinkType.DUPLICATE_OF, original, actorId, now);
		withdrawActiveAssignment(actorId, "merged into " + original.number, now);
		mergedIntoId = original.id;
		record(now, actorId, "MERGED", "mergedInto", null, original.number, null);
		TicketStatus before = status;
		status = TicketStatus.CLOSED;
		closedAt = now;
		record(now, actorId, "STATUS_CHANGED", "status", before.name(), status.name(), "merged into " + original.number);
		original.entries.add(new TicketEntry(original, EntryVisibility.INTERNAL, Channel.API, actorId, null,
				"Merged " + number + " (" + subject + ") from requester " + requesterId + " into this ticket.", now));
		original.record(now, actorId, "MERGED_FROM", "merged", null, number, null);
		raise(new TicketStatusChanged(ref(id), programId, before, status, now));
		raise(new TicketMerged(ref(id), programId, ref(original.id), now));
		raise(new TicketClosed(ref(id), programId, false, now));
	}

	/** Changes the descriptive fields, each recorded with its old and new value. */
	void update(TicketUpdate c, PriorityMatrix matrix, String reason, long actorId, Instant now) {
		if (status.isEnded()) {
			throw new RuleViolationException("ticket " + number + " is " + status.name().toLowerCase());
		}
		Set<String> changed = new LinkedHashSet<>();
		if (c.subject() != null && !c.subject().strip().equals(subject)) {
			String next = requireText("subject", c.subject(), 300);
			record(now, actorId, "FIELD_CHANGED", "subject", subject, next, reason);
			subject = next;
			changed.add("subject");
		}
		if (c.category() != null && !c.category().equals(category)) {
			record(now, actorId, "FIELD_CHANGED", "category", category, c.category(), reason);
			category = c.category();
			changed.add("category");
		}
		if (c.impact() != null && c.impact() != impact) {
			record(now, actorId, "FIELD_CHANGED", "impact", impact.name(), c.impact().name(), reason);
			impact = c.impact();
			changed.add("impact");
		}
		if (c.urgency() != null && c.urgency() != urgency) {
			record(now, actorId, "FIELD_CHANGED", "urgency", urgency.name(), c.urgency().name(), reason);
			urgency = c.urgency();
			changed.add("urgency");
		}
		Priority next = matrix.priorityOf(impact, urgency);
		if (next != priority) {
			record(now, actorId, "FIELD_CHANGED", "priority", priority.name(), next.name(), reason);
			priority = next;
			changed.add("priority");
		}
		if (c.facts() != null && !c.facts().equals(facts)) {
			record(now, actorId, "FIELD_CHANGED", "facts", facts.toString(), c.facts().toString(), reason);
			facts = c.facts();
			changed.add("facts");
		}
		if (!changed.isEmpty()) {
			touch(now);
			raise(new TicketUpdated(ref(id), programId, Set.copyOf(changed), now));
		}
	}

	/** Records an attachment in the history (the file itself is stored outside the ticket row). */
	void attachmentAdded(String fileName, long actorId, Instant now) {
		if (status.isEnded()) {
			throw new RuleViolationException("ticket " + number + " is " + status.name().toLowerCase());
		}
		record(now, actorId, "ATTACHMENT_ADDED", "attachment", null, fileName, null);
		touch(now);
	}

	public Optional<Assignment> activeAssignment() {
		return assignments.stream().filter(Assignment::isActive).findFirst();
	}

	private void withdrawActiveAssignment(long actorId, String why, Instant now) {
		activeAssignment().ifPresent(a -> {
			a.end(AssignmentStatus.WITHDRAWN, actorId, null, now);
			tier = OWNER_TIER;
			record(now, actorId, "ASSIGNMENT_WITHDRAWN", "assignment", str(a.id()), null, why);
		});
	}

	private void close(long actorId, boolean automatically, Instant now) {
		moveTo(TicketStatus.CLOSED, actorId, null, now);
		closedAt = now;
		autoCloseAt = null;
		touch(now);
		raise(new TicketClosed(ref(id), programId, automatically, now));
	}

	private void moveTo(TicketStatus next, long actorId, String reason, Instant now) {
		if (!status.canMoveTo(next)) {
			throw new RuleViolationException("status", "ticket " + number + " cannot go from " + status + " to " + next);
		}
		TicketStatus before = status;
		status = next;
		record(now, actorId, "STATUS_CHANGED", "status", before.name(), next.name(), reason);
		raise(new TicketStatusChanged(ref(id), programId, before, next, now));
	}

	private void requireActive(String action) {
		if (!status.isActive()) {
			throw new RuleViolationException("status", "cannot " + action + " a " + status + " ticket");
		}
	}

	private void requireResolved(String action) {
		if (status != TicketStatus.RESOLVED) {
			throw new RuleViolationException("status", "only a resolved ticket can be " + action + "ed; " + number
					+ " is " + status);
		}
	}

	private void record(Instant at, long actorId, String action, String field, String oldValue, String newValue,
			String reason) {
		history.add(new HistoryRecord(this, at, actorId, action, field, oldValue, newValue, reason));
	}

	private void touch(Instant now) {
		updatedAt = now;
	}

	private static String requireText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, field + " is required");
		}
		if (value.length() > max) {
			throw new InvalidFieldException(field, field + " is limited to " + max + " characters");
		}
		return value.strip();
	}

	/** A database id for an event; 0 only for a ticket never stored (as in unit tests of the rules). */
	private static long ref(Long id) {
		return id == null ? 0 : id;
	}

	private static String str(Object value) {
		return value == null ? null : value.toString();
	}

	public Long id() {
		return id;
	}

	public long version() {
		return version;
	}

	public String number() {
		return number;
	}

	public long programId() {
		return programId;
	}

	public TicketKind kind() {
		return kind;
	}

	public Channel channel() {
		return channel;
	}

	public String subject() {
		return subject;
	}

	public String description() {
		return description;
	}

	public StructuredFacts facts() {
		return facts == null ? StructuredFacts.none() : facts;
	}

	public String category() {
		return category;
	}

	public Impact impact() {
		return impact;
	}

	public Urgency urgency() {
		return urgency;
	}

	public Priority priority() {
		return priority;
	}

	public TicketStatus status() {
		return status;
	}

	public long requesterId() {
		return requesterId;
	}

	public String requesterOrganization() {
		return requesterOrganization;
	}

	public Long ownerId() {
		return ownerId;
	}

	public Long ownerGroupId() {
		return ownerGroupId;
	}

	/** The tier of the current work: the active assignment's, or 1 when the owner has it. */
	public int tier() {
		return tier;
	}

	public Instant managementFlaggedAt() {
		return managementFlaggedAt;
	}

	public String managementFlagReason() {
		return managementFlagReason;
	}

	public Long dutyManagerId() {
		return dutyManagerId;
	}

	public int reopenCount() {
		return reopenCount;
	}

	/** The current resolution, while the ticket is resolved or closed after one. */
	public Optional<Resolution> resolution() {
		return resolutionCode == null ? Optional.empty()
				: Optional.of(new Resolution(resolutionCode, resolutionSolution, fixRelease, fixReleaseDate));
	}

	public Instant resolvedAt() {
		return resolvedAt;
	}

	public Long resolvedBy() {
		return resolvedBy;
	}

	public Instant autoCloseAt() {
		return autoCloseAt;
	}

	public Instant closedAt() {
		return closedAt;
	}

	public Long mergedIntoId() {
		return mergedIntoId;
	}

	public long createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public List<TicketEntry> entries() {
		return List.copyOf(entries);
	}

	public List<Assignment> assignments() {
		return List.copyOf(assignments);
	}

	public List<TicketLink> links() {
		return List.copyOf(links);
	}

	public java.util.Map<String, String> customFields() {
		return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(customFields));
	}

	public java.util.Set<Long> watchers() {
		return java.util.Set.copyOf(watchers);
	}

	public List<HistoryRecord> history() {
		return List.copyOf(history);
	}

	@jakarta.persistence.PrePersist
	@jakarta.persistence.PreUpdate
	void deriveQueueColumns() {
		active = status != null && status.isActive();
		priorityRank = priority == null ? Priority.values().length : priority.ordinal();
	}
}
