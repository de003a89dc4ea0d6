package org.tierdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.system.Sha256;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Ticket.EscalationTarget;
import org.tierdesk.ticket.TicketViews.AssignmentView;
import org.tierdesk.ticket.TicketViews.EntryView;
import org.tierdesk.ticket.TicketViews.HistoryView;
import org.tierdesk.ticket.TicketViews.LinkView;
import org.tierdesk.ticket.TicketViews.TicketView;

import jakarta.persistence.EntityManager;

/**
 * The ticket module's use cases. Every method takes the acting person, checks what they may see (a ticket they
 * cannot see is "not found") and do (403 otherwise), applies the ticket's rules, and commits the change with its
 * history and events in one transaction. {@code expectedVersion} is the client's {@code If-Match}; null skips it.
 */
@Service
public class Tickets {

	private static final Logger log = LoggerFactory.getLogger(Tickets.class);

	private final TicketRepository tickets;

	private final IdempotencyRepository idempotency;

	private final TicketNumbers numbers;

	private final TicketViews views;

	private final Callers callers;

	private final Programs programs;

	private final Accounts accounts;

	private final SupportGroups groups;

	private final PriorityMatrices matrices;

	private final EntityManager entityManager;

	private final TransactionTemplate tx;

	private final TransactionTemplate readTx;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final java.util.function.Supplier<List<IntakeCheck>> intakeChecks;

	private final java.util.function.Supplier<IntakeRouting> routing;

	private final java.util.function.Supplier<List<IntakeNote>> notes;

	private final java.util.function.Supplier<List<TicketFollower>> followers;

	Tickets(TicketRepository tickets, IdempotencyRepository idempotency, TicketNumbers numbers, TicketViews views,
			Callers callers, Programs programs, Accounts accounts, SupportGroups groups, PriorityMatrices matrices,
			EntityManager entityManager, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events, org.springframework.beans.factory.ObjectProvider<IntakeCheck> intakeChecks,
			org.springframework.beans.factory.ObjectProvider<IntakeRouting> routing,
			org.springframework.beans.factory.ObjectProvider<IntakeNote> notes,
			org.springframework.beans.factory.ObjectProvider<TicketFollower> followers) {
		this.followers = org.springframework.util.function.SingletonSupplier
			.of(() -> followers.orderedStream().toList());
		this.events = events;
		// the other modules' intake steps, looked up once (not on every new ticket) and in their order
		this.intakeChecks = org.springframework.util.function.SingletonSupplier
			.of(() -> intakeChecks.orderedStream().toList());
		this.routing = org.springframework.util.function.SingletonSupplier
			.of(() -> routing.orderedStream().findFirst().orElse(null));
		this.notes = org.springframework.util.function.SingletonSupplier.of(() -> notes.orderedStream().toList());
		this.tickets = tickets;
		this.idempotency = idempotency;
		this.numbers = numbers;
		this.views = views;
		this.callers = callers;
		this.programs = programs;
		this.accounts = accounts;
		this.groups = groups;
		this.matrices = matrices;
		this.entityManager = entityManager;
		this.tx = new TransactionTemplate(transactions);
		this.readTx = new TransactionTemplate(transactions);
		this.readTx.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * A request to open a ticket. Staff name the program and the requester; a customer opens for themselves in their
	 * program. Impact and urgency default to medium.
	 */
	public record OpenTicket(String program, Long requesterId, TicketKind kind, Channel channel, String subject,
			String description, StructuredFacts facts, String category, Impact impact, Urgency urgency,
			java.util.Map<String, String> customFields) {

		public OpenTicket(String program, Long requesterId, TicketKind kind, Channel channel, String subject,
				String description, StructuredFacts facts, String category, Impact impact, Urgency urgency) {
			this(program, requesterId, kind, channel, subject, description, facts, category, impact, urgency, null);
		}
	}

	/** The outcome of opening: the ticket, and whether it was created now or replayed for a repeated key. */
	public record Opened(TicketView ticket, boolean replayed) {
	}

	/** Functional escalation (to a tier and/or group) or hierarchical (flag to a duty manager). */
	public enum EscalationType {
		FUNCTIONAL, HIERARCHICAL
	}

	public record Escalation(EscalationType type, Integer tier, Long groupId, Long assigneeId, Long dutyManagerId,
			String reason) {
	}

	/** Opens a ticket; with an idempotency key, a repeat of the same request returns the first ticket. */
	public Opened open(DeskPrincipal me, OpenTicket request, String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidFieldException("Idempotency-Key", "an idempotency key is 1-200 characters");
		}
		String requestHash = Sha256.hex(request.toString());
		IdempotencyRecord.Key key = idempotencyKey == null ? null
				: new IdempotencyRecord.Key(me.accountId(), idempotencyKey);
		if (key != null) {
			Optional<Opened> replay = replay(me, key, requestHash);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		try {
			return tx.execute(status -> {
				Caller c = callers.of(me);
				Ticket ticket = openTicket(c, request);
				if (key != null) {
					// persist, never merge: a concurrent retry must fail on the key, not overwrite it
					entityManager.persist(new IdempotencyRecord(key, requestHash, ticket.id(), clock.instant()));
					entityManager.flush();
				}
				return new Opened(views.view(ticket, c), false);
			});
		}
		catch (DataIntegrityViolationException | jakarta.persistence.PersistenceException e) {
			// a concurrent request with the same key won the race: answer with its ticket
			if (key != null) {
				Optional<Opened> replay = replay(me, key, requestHash);
				if (replay.isPresent()) {
					return replay.get();
				}
			}
			throw e;
		}
	}

	private Optional<Opened> replay(DeskPrincipal me, IdempotencyRecord.Key key, String requestHash) {
		return readTx.execute(status -> idempotency.findById(key).map(found -> {
			if (!found.requestHash().equals(requestHash)) {
				throw new InvalidFieldException("Idempotency-Key",
						"this idempotency key was already used for a different request");
			}
			Caller c = callers.of(me);
			Ticket ticket = tickets.findById(found.ticketId()).orElseThrow();
			return new Opened(views.view(ticket, c), true);
		}));
	}

	private Ticket openTicket(Caller c, OpenTicket r) {
		DeskPrincipal me = c.principal();
		Program program = programFor(me, r.program());
		long requesterId;
		Channel channel;
		if (me.staffOf(program.id())) {
			if (r.requesterId() == null) {
				throw new InvalidFieldException("requesterId", "name the requester the ticket is for");
			}
			requesterId = r.requesterId();
			channel = r.channel() == null ? Channel.API : r.channel();
		}
		else if (c.isCustomer()) {
			if (r.requesterId() != null && r.requesterId() != me.accountId()) {
				throw new ForbiddenException("customers open tickets for themselves");
			}
			requesterId = me.accountId();
			channel = r.channel() == Channel.WEB ? Channel.WEB : Channel.API;
		}
		else {
			throw new ForbiddenException("only customers and desk staff open tickets");
		}
		return openChecked(program, requesterId, channel, r, me.accountId());
	}

	/**
	 * Opens a ticket once the program, requester and channel are settled: for a person's own request
	 * ({@link #open}) or for a message that came in on a channel ({@link TicketIntake}).
	 */
	Ticket openChecked(Program program, long requesterId, Channel channel, OpenTicket r, long actorId) {
		if (!program.active()) {
			throw new RuleViolationException("program", "program " + program.key() + " is still being onboarded: "
					+ "the desk takes its tickets once it is activated");
		}
		Person requester = accounts.findById(requesterId)
				.filter(p -> p.programIds().contains(program.id()))
				.orElseThrow(() -> new InvalidFieldException("requesterId",
						"no requester " + requesterId + " in program " + program.key()));
		if (r.kind() == null) {
			throw new InvalidFieldException("kind", "kind is required: INCIDENT or SERVICE_REQUEST");
		}
		Impact impact = r.impact() == null ? Impact.MEDIUM : r.impact();
		Urgency urgency = r.urgency() == null ? Urgency.MEDIUM : r.urgency();
		Entitlement entitlement = null;
		IntakeCheck.Intake intake = new IntakeCheck.Intake(program.id(), requesterId, requester.organization(), r.kind(),
				r.facts() == null ? StructuredFacts.none() : r.facts());
		for (IntakeCheck check : intakeChecks.get()) {
			entitlement = check.check(intake).orElse(entitlement);
		}
		Long ownerGroup = groups.defaultGroupId(program.id(), Ticket.OWNER_TIER).orElse(null);
		Instant now = clock.instant();
		Ticket ticket = Ticket.open(new Ticket.Opening(numbers.next(), program.id(), r.kind(), channel, requesterId,
				requester.organization(), r.subject(), r.description(), r.facts(), r.category(), impact, urgency,
				matrices.of(program.id()).priorityOf(impact, urgency), ownerGroup, r.customFields()), actorId, now);
		entityManager.persist(ticket);
		if (entitlement != null) {
			ticket.recordEntitlement(entitlement, actorId, now);
		}
		// routed and noted here, in the opening transaction: the ticket is never seen unrouted, and no listener has to
		// read it again. A step that fails leaves the ticket as it is and says so in the event, for its module to try
		// again after the commit (a failed read or write makes the transaction fail instead: nothing is half-written).
		IntakeRouting router = routing.get();
		Optional<Routing> routed = Optional.empty();
		boolean routedHere = false;
		if (router != null) {
			try {
				routed = router.route(TicketFacts.of(ticket));
				routedHere = true;
			}
			catch (RuntimeException e) {
				log.warn("routing ticket {} at intake failed; it is routed again after it is saved", ticket.number(), e);
			}
		}
		List<String> said = new ArrayList<>();
		boolean notedHere = true;
		for (IntakeNote note : notes.get()) {
			try {
				note.noteOn(intake).ifPresent(said::add);
			}
			catch (RuntimeException e) {
				notedHere = false;
				log.warn("an intake note on ticket {} failed; it is written after the ticket is saved", ticket.number(), e);
			}
		}
		routed.ifPresent(x -> applyRouting(ticket, x, now));
		if (notedHere) {
			for (String text : said) {
				TicketEntry entry = ticket.addEntry(EntryVisibility.INTERNAL, Channel.API, TicketViews.SYSTEM_ACTOR, null,
						text, now);
				entityManager.persist(entry);
				ticket.announceEntry(entry);
			}
		}
		// the followers (SLA clocks, escalation timers, reporting, deflection) brought in step here too, from the
		// ticket as it now is: nothing is left for a listener to do for a new ticket. Given the event that says they
		// were not, so that should they fail, the listener's later pass records the same event once.
		TicketOpened notFollowed = ticket.opened(routedHere, notedHere, false);
		TicketOpened opened = notFollowed;
		List<TicketFollower> following = followers.get();
		if (!following.isEmpty()) {
			entityManager.flush(); // their rows refer to the ticket's
			try {
				List<java.util.function.Consumer<ReportingFacts>> followUps = following.stream()
					.map(f -> f.forOpening(notFollowed)).toList();
				ReportingFacts facts = ReportingFacts.of(ticket);
				followUps.forEach(f -> f.accept(facts));
				opened = notFollowed.asFollowed();
			}
			catch (RuntimeException e) {
				log.warn("bringing the followers of ticket {} in step at intake failed; they follow it after it is saved",
						ticket.number(), e);
			}
		}
		ticket.announceOpened(opened);
		publish(ticket);
		return ticket;
	}

	private Program programFor(DeskPrincipal me, String key) {
		if (key == null) {
			if (me.programIds().size() == 1) {
				return programs.byId(me.programIds().iterator().next());
			}
			throw new InvalidFieldException("program", "name the program the ticket belongs to");
		}
		return programs.findVisible(key, me)
				.orElseThrow(() -> new InvalidFieldException("program", "no program " + key));
	}

	public TicketView get(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> views.view(t, c));
	}

	public List<EntryView> entries(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> views.entries(t, c));
	}

	public List<AssignmentView> assignments(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> views.assignments(t, c));
	}

	public List<HistoryView> history(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> {
			requireStaff(t, c, "only desk staff read a ticket's history");
			return views.history(t);
		});
	}

	public List<LinkView> links(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> {
			requireStaff(t, c, "only desk staff read a ticket's links");
			return views.links(t);
		});
	}

	/** Changes the descriptive fields; priority follows impact and urgency through the matrix. */
	public TicketView update(DeskPrincipal me, String number, Long expectedVersion, TicketUpdate changes,
			String reason) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff change a ticket");
			t.update(changes, matrices.of(t.programId()), reason, me.accountId(), now);
		});
	}

	/** A Tier 1 agent (or a program manager) takes ownership. */
	public TicketView take(DeskPrincipal me, String number, Long expectedVersion, String reason) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff take tickets");
			if (!TicketAccess.speaksForDesk(t, c)) {
				throw new ForbiddenException("tickets are owned by Tier 1: join a Tier 1 group of the program first");
			}
			t.take(me.accountId(), reason, now);
		});
	}

	public TicketView escalate(DeskPrincipal me, String number, Long expectedVersion, Escalation e) {
		EscalationType type = e.type() == null ? EscalationType.FUNCTIONAL : e.type();
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff escalate tickets");
			if (type == EscalationType.HIERARCHICAL) {
				if (e.dutyManagerId() != null) {
					accounts.findById(e.dutyManagerId()).filter(p -> p.programIds().contains(t.programId())
							|| p.roles().contains(org.tierdesk.system.Role.ADMIN))
							.orElseThrow(() -> new InvalidFieldException("dutyManagerId",
									"no duty manager " + e.dutyManagerId() + " in this program"));
				}
				t.flagToManagement(e.dutyManagerId(), e.reason(), me.accountId(), now);
				return;
			}
			EscalationTarget target = target(t, e);
			Assignment assignment = t.escalate(target, e.reason(), me.accountId(), now);
			entityManager.persist(assignment);
			t.announceEscalation(assignment);
		});
	}

	private EscalationTarget target(Ticket t, Escalation e) {
		GroupInfo group;
		if (e.groupId() != null) {
			group = groups.findById(e.groupId()).filter(g -> g.programId() == t.programId())
					.orElseThrow(() -> new InvalidFieldException("groupId",
							"no support group " + e.groupId() + " in this ticket's program"));
			if (e.tier() != null && e.tier() != group.tier()) {
				throw new InvalidFieldException("tier", "group " + group.name() + " works at tier " + group.tier()
						+ ", not " + e.tier());
			}
		}
		else if (e.tier() != null) {
			group = groups.defaultGroup(t.programId(), e.tier()).orElseThrow(() -> new InvalidFieldException("tier",
					"the program has no support group at tier " + e.tier()));
		}
		else {
			throw new InvalidFieldException("tier", "name the target tier, the target group, or both");
		}
		if (e.assigneeId() != null && !group.memberIds().contains(e.assigneeId())) {
			throw new InvalidFieldException("assigneeId", "person " + e.assigneeId() + " is not in " + group.name());
		}
		return new EscalationTarget(group.id(), group.tier(), e.assigneeId());
	}

	/** The assigned group (or a program manager) hands the work back to the owner with its findings. */
	public TicketView returnAssignment(DeskPrincipal me, String number, long assignmentId, Long expectedVersion,
			String findings) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			Assignment active = t.activeAssignment().filter(a -> a.id() == assignmentId).orElseThrow(
					() -> new RuleViolationException("assignment " + assignmentId + " is not the active work"));
			if (!c.inGroup(active.groupId()) && !c.manages(t.programId())) {
				throw new ForbiddenException("only the assigned group returns its work");
			}
			t.returnAssignment(active, findings, me.accountId(), now);
		});
	}

	/** Desk staff record the lesson learned from a resolved ticket (blank withdraws it). */
	public TicketView recordLesson(DeskPrincipal me, String number, Long expectedVersion, String summary) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff record lessons learned");
			t.recordLesson(summary, me.accountId(), now);
		});
	}

	public TicketView changeStatus(DeskPrincipal me, String number, Long expectedVersion, TicketStatus next,
			String reason) {
		if (next == null) {
			throw new InvalidFieldException("status", "status is required");
		}
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff change a ticket's status");
			t.changeStatus(next, reason, me.accountId(), now);
		});
	}

	/**
	 * Adds a reply or a note. Customers post public replies; vendors post notes on their assignment; Tier 2/3 staff
	 * post notes; public replies from the desk come from Tier 1 or a program manager, the customer's single contact.
	 */
	public EntryView addEntry(DeskPrincipal me, String number, Long expectedVersion, EntryVisibility visibility,
			Channel via, String body, boolean shareWithAssignment) {
		EntryVisibility wanted = visibility == null ? EntryVisibility.PUBLIC : visibility;
		EntryView[] added = new EntryView[1];
		change(me, number, expectedVersion, (t, c, now) -> {
			Long assignmentId = null;
			Channel channel = via == null ? Channel.API : via;
			if (c.staffOf(t.programId())) {
				if (wanted == EntryVisibility.PUBLIC && !TicketAccess.speaksForDesk(t, c)) {
					throw new ForbiddenException("Tier 1 is the customer's single contact: post an internal note, "
							+ "and the owner will answer the customer");
				}
				if (shareWithAssignment) {
					if (wanted != EntryVisibility.INTERNAL) {
						throw new InvalidFieldException("shareWithAssignment", "only internal notes are shared");
					}
					assignmentId = t.activeAssignment().map(Assignment::id).orElseThrow(
							() -> new InvalidFieldException("shareWithAssignment", "there is no active assignment"));
				}
			}
			else if (c.isVendor() && TicketAccess.vendorOn(t, c)) {
				if (wanted != EntryVisibility.INTERNAL) {
					throw new ForbiddenException("vendors post internal notes on their assignment");
				}
				assignmentId = t.activeAssignment().orElseThrow().id();
				channel = Channel.API;
			}
			else if (c.isVendor() && TicketAccess.inSwarm(t, c)) {
				if (wanted != EntryVisibility.INTERNAL) {
					throw new ForbiddenException("swarm participants post internal notes");
				}
				channel = Channel.API;
			}
			else {
				if (wanted != EntryVisibility.PUBLIC) {
					throw new ForbiddenException("customers post public replies");
				}
				channel = via == Channel.WEB ? Channel.WEB : Channel.API;
			}
			TicketEntry entry = t.addEntry(wanted, channel, me.accountId(), assignmentId, body, now);
			entityManager.persist(entry);
			t.announceEntry(entry);
			added[0] = views.entry(entry);
		});
		return added[0];
	}

	/** The owner (or a program manager) resolves, once no other tier holds the work. */
	public TicketView resolve(DeskPrincipal me, String number, Long expectedVersion, Resolution resolution) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only the desk resolves tickets");
			if (!java.util.Objects.equals(t.ownerId(), me.accountId()) && !c.manages(t.programId())) {
				throw new ForbiddenException("only the ticket's owner (or a program manager) resolves it");
			}
			Program program = programs.byId(t.programId());
			t.resolve(resolution, me.accountId(), Duration.ofDays(program.autoCloseDays()), now);
		});
	}

	/** The requester (or the desk on their behalf) accepts or rejects the resolution. */
	public TicketView answerResolution(DeskPrincipal me, String number, Long expectedVersion, boolean accepted,
			String reason) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			boolean requester = t.requesterId() == me.accountId();
			if (!requester && !c.staffOf(t.programId())) {
				throw new ForbiddenException("only the requester (or the desk on their behalf) answers a resolution");
			}
			String why = requester || reason == null ? reason : reason + " (recorded by the desk for the requester)";
			if (accepted) {
				t.accept(me.accountId(), why, now);
			}
			else {
				t.reject(me.accountId(), why, now);
			}
		});
	}

	public TicketView cancel(DeskPrincipal me, String number, Long expectedVersion, String reason) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			if (!c.staffOf(t.programId()) && t.requesterId() != me.accountId()) {
				throw new ForbiddenException("only the desk or the requester cancels a ticket");
			}
			t.cancel(reason, me.accountId(), now);
		});
	}

	public List<LinkView> link(DeskPrincipal me, String number, Long expectedVersion, LinkType type,
			String targetNumber) {
		if (type == null) {
			throw new InvalidFieldException("type", "type is required");
		}
		change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff link tickets");
			t.linkTo(type, visibleTarget(targetNumber, c, "target"), me.accountId(), now);
		});
		return links(me, number);
	}

	public TicketView merge(DeskPrincipal me, String number, Long expectedVersion, String intoNumber) {
		return change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff merge tickets");
			t.mergeInto(visibleTarget(intoNumber, c, "into"), me.accountId(), now);
		});
	}

	private Ticket visibleTarget(String number, Caller c, String field) {
		if (number == null || number.isBlank()) {
			throw new InvalidFieldException(field, field + " is required");
		}
		return tickets.findByNumber(number).filter(o -> c.staffOf(o.programId()))
				.orElseThrow(() -> new InvalidFieldException(field, "no ticket " + number));
	}

	/**
	 * Closes resolutions nobody answered within their program's auto-close time. Safe to run on every instance at
	 * once: each ticket closes in its own transaction, guarded by its version.
	 *
	 * @return how many tickets were closed
	 */
	public int closeUnansweredResolutions(long systemActorId) {
		Instant now = clock.instant();
		List<Long> due = readTx.execute(s -> tickets.findUnansweredResolutions(now, Limit.of(200)));
		int closed = 0;
		for (Long id : due) {
			try {
				Boolean done = tx.execute(s -> {
					Ticket t = tickets.findById(id).orElseThrow();
					boolean changed = t.closeIfUnanswered(systemActorId, now);
					entityManager.flush();
					publish(t);
					return changed;
				});
				if (Boolean.TRUE.equals(done)) {
					closed++;
				}
			}
			catch (ObjectOptimisticLockingFailureException e) {
				// someone answered or closed it at the same moment
			}
		}
		return closed;
	}

	/** A swarm: who takes part, when they were invited, and how many notes each has contributed since. */
	public record SwarmView(String ticket, Instant openedAt, List<SwarmParticipant> participants) {
	}

	public record SwarmParticipant(TicketViews.PersonRef person, TicketViews.PersonRef invitedBy, Instant invitedAt,
			long contributions) {
	}

	/**
	 * The owner (or Tier 1, or a manager) invites specialists from any tier or group of the program to swarm on the
	 * ticket instead of handing it off. Ownership does not move.
	 */
	public SwarmView swarm(DeskPrincipal me, String number, Long expectedVersion, java.util.Set<Long> people,
			String reason) {
		if (people == null || people.isEmpty()) {
			throw new InvalidFieldException("participants", "invite at least one person");
		}
		change(me, number, expectedVersion, (t, c, now) -> {
			requireStaff(t, c, "only desk staff open a swarm");
			if (!TicketAccess.speaksForDesk(t, c) && !java.util.Objects.equals(t.ownerId(), me.accountId())) {
				throw new ForbiddenException("the ticket's owner, Tier 1 or a manager opens a swarm");
			}
			for (Long p : people) {
				boolean inProgram = p != null && groups.groupsOf(p).values().stream()
					.anyMatch(g -> g.programId() == t.programId());
				if (!inProgram) {
					throw new InvalidFieldException("participants",
							"person " + p + " is in no support group of this program");
				}
			}
			t.swarm(people, reason, me.accountId(), now);
		});
		return swarmOf(me, number);
	}

	public SwarmView swarmOf(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> {
			if (!c.staffOf(t.programId()) && !TicketAccess.inSwarm(t, c)) {
				throw new ForbiddenException("only desk staff and the swarm see who is in it");
			}
			List<SwarmSeat> seats = t.swarmSeats();
			java.util.Set<Long> ids = new java.util.HashSet<>();
			seats.forEach(s -> {
				ids.add(s.personId());
				ids.add(s.invitedBy());
			});
			var people = accounts.byIds(ids);
			java.util.function.Function<Long, TicketViews.PersonRef> ref = id -> people.containsKey(id)
					? new TicketViews.PersonRef(id, people.get(id).username(), people.get(id).displayName())
					: new TicketViews.PersonRef(id, "#" + id, null);
			return new SwarmView(t.number(), t.swarmedAt(), seats.stream()
				.map(s -> new SwarmParticipant(ref.apply(s.personId()), ref.apply(s.invitedBy()), s.invitedAt(),
						t.entries().stream().filter(e -> e.authorId() == s.personId()
								&& e.visibility() == EntryVisibility.INTERNAL && !e.createdAt().isBefore(s.invitedAt()))
							.count()))
				.toList());
		});
	}

	/** Routing opens a swarm for a new ticket (a rule's {@code swarm} action), as the system. */
	public void swarmAsSystem(long ticketId, java.util.Set<Long> people, String reason) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (!inviteToSwarm(t, people, reason, clock.instant())) {
				return;
			}
			entityManager.flush();
			publish(t);
		});
	}

	// -- for routing and other modules -----------------------------------------------------------------------------

	/** The facts of a ticket, for a module deciding on it. */
	public Optional<TicketFacts> facts(long ticketId) {
		return readTx.execute(s -> tickets.findById(ticketId).map(TicketFacts::of));
	}

	/** The facts of a ticket by its number (no access check: the caller decides who may see what). */
	public Optional<TicketFacts> factsOfNumber(String number) {
		return number == null ? Optional.empty()
				: readTx.execute(s -> tickets.findByNumber(number.strip()).map(TicketFacts::of));
	}

	/** A ticket as the metrics count it, from its own state and history (so delivery order does not matter). */
	public Optional<ReportingFacts> reportingFacts(long ticketId) {
		return readTx.execute(s -> tickets.findById(ticketId).map(ReportingFacts::of));
	}

	/** What a ticket went through, for the modules that measure time on it. */
	public Optional<TicketTimeline> timeline(long ticketId) {
		return readTx.execute(s -> tickets.findById(ticketId).map(TicketTimeline::of));
	}

	/** Ticket ids in ascending order after {@code afterId}, a page at a time, for rebuilding read models. */
	public List<Long> idsAfter(long afterId, int limit) {
		return readTx.execute(s -> tickets.findIdsAfter(afterId, org.springframework.data.domain.Limit.of(limit)));
	}

	/** How many tickets the desk holds (all programs). */
	public long count() {
		return readTx.execute(s -> tickets.count());
	}

	/** The ids of a program's tickets that are not ended, for recomputing their clocks after a policy change. */
	public List<Long> activeTicketIds(long programId) {
		return readTx.execute(s -> tickets.findActiveIds(programId));
	}

	/** The facts of a ticket the caller may see (desk staff only), for explaining a decision about it. */
	public TicketFacts facts(DeskPrincipal me, String number) {
		return read(me, number, (t, c) -> {
			requireStaff(t, c, "only desk staff look at a ticket's routing");
			return TicketFacts.of(t);
		});
	}

	/** The facts of a program's most recent tickets, newest first. */
	public List<TicketFacts> recentFacts(long programId, int limit) {
		return readTx.execute(s -> tickets.findRecent(programId, Limit.of(Math.max(1, Math.min(limit, 10_000))))
			.stream().map(TicketFacts::of).toList());
	}

	/**
	 * What routing decided for a new ticket, applied as the system: queue, owner, priority, category, watchers, the
	 * work handed to a group at a higher tier when {@code assignGroupId} is given (the owner stays Tier 1), and the
	 * people invited to {@code swarm} on it, with {@code swarmReason}.
	 */
	public record Routing(Long ownerGroupId, Long ownerId, Priority priority, String category,
			java.util.Set<Long> watcherIds, Long assignGroupId, Long assigneeId, String reason, java.util.Set<Long> swarm,
			String swarmReason) {

		/** Routing that invites nobody to swarm. */
		public Routing(Long ownerGroupId, Long ownerId, Priority priority, String category,
				java.util.Set<Long> watcherIds, Long assignGroupId, Long assigneeId, String reason) {
			this(ownerGroupId, ownerId, priority, category, watcherIds, assignGroupId, assigneeId, reason,
					java.util.Set.of(), null);
		}
	}

	public void route(long ticketId, Routing r) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			applyRouting(t, r, clock.instant());
			entityManager.flush();
			publish(t);
		});
	}

	/** Applies a routing decision as the system: queue, owner, fields, watchers, the work handed on, the swarm. */
	private void applyRouting(Ticket t, Routing r, Instant now) {
		long actor = TicketViews.SYSTEM_ACTOR;
		t.route(new Ticket.Routed(r.ownerGroupId(), r.ownerId(), r.priority(), r.category(),
				r.watcherIds() == null ? java.util.Set.of() : r.watcherIds(), r.reason()), actor, now);
		if (r.assignGroupId() != null) {
			GroupInfo group = groups.findById(r.assignGroupId()).filter(g -> g.programId() == t.programId())
				.orElseThrow(() -> new InvalidFieldException("assignGroupId", "no such group in the program"));
			Assignment a = t.escalate(new EscalationTarget(group.id(), group.tier(), r.assigneeId()), r.reason(), actor,
					now);
			entityManager.persist(a);
			t.announceEscalation(a);
		}
		if (r.swarm() != null) {
			inviteToSwarm(t, r.swarm(), r.swarmReason(), now);
		}
	}

	/** Invites, as the system, those of these people not already swarming on the ticket; whether anyone was. */
	private static boolean inviteToSwarm(Ticket t, java.util.Set<Long> people, String reason, Instant now) {
		java.util.Set<Long> fresh = new java.util.HashSet<>(people);
		fresh.removeAll(t.swarmMembers());
		if (fresh.isEmpty()) {
			return false;
		}
		t.swarm(fresh, reason, TicketViews.SYSTEM_ACTOR, now);
		return true;
	}

	/**
	 * A time-based escalation step moves the work to a tier (its first group, or the one named), as the system; the
	 * owner is unchanged. Does nothing when the work already sits at that tier or above.
	 *
	 * @return whether the work moved
	 */
	public boolean escalateAsSystem(long ticketId, int tier, Long groupId, Long assigneeId, String reason) {
		return Boolean.TRUE.equals(tx.execute(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (!t.status().isActive() || t.tier() >= tier) {
				return false;
			}
			GroupInfo group = groupId != null
					? groups.findById(groupId).filter(g -> g.programId() == t.programId() && g.tier() == tier)
						.orElseThrow(() -> new InvalidFieldException("groupId", "no group " + groupId + " at tier " + tier))
					: groups.defaultGroup(t.programId(), tier).orElse(null);
			if (group == null) {
				return false;
			}
			Long person = assigneeId != null && group.memberIds().contains(assigneeId) ? assigneeId : null;
			Assignment a = t.escalate(new EscalationTarget(group.id(), group.tier(), person), reason,
					TicketViews.SYSTEM_ACTOR, clock.instant());
			entityManager.persist(a);
			t.announceEscalation(a);
			entityManager.flush();
			publish(t);
			return true;
		}));
	}

	/** A time-based escalation step flags the ticket to management (hierarchical escalation), as the system. */
	public void flagAsSystem(long ticketId, Long dutyManagerId, String reason) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (!t.status().isActive()) {
				return;
			}
			t.flagToManagement(dutyManagerId, reason, TicketViews.SYSTEM_ACTOR, clock.instant());
			entityManager.flush();
			publish(t);
		});
	}

	/** The system writes an internal note on the ticket (what an escalation step did, whom it told). */
	public void noteAsSystem(long ticketId, String text) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (t.status().isEnded()) {
				return;
			}
			TicketEntry entry = t.addEntry(EntryVisibility.INTERNAL, Channel.API, TicketViews.SYSTEM_ACTOR, null, text,
					clock.instant());
			entityManager.persist(entry);
			t.announceEntry(entry);
			entityManager.flush();
			publish(t);
		});
	}

	/**
	 * The system writes a public reply on the ticket (a fixed release, a known error's workaround): the customer is
	 * told on their channel like any reply, the owner sees it on the ticket. Ended tickets are left alone.
	 *
	 * @return whether the reply was written
	 */
	public boolean tellAsSystem(long ticketId, String text) {
		return Boolean.TRUE.equals(tx.execute(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (t.status().isEnded()) {
				return false;
			}
			TicketEntry entry = t.addEntry(EntryVisibility.PUBLIC, Channel.API, TicketViews.SYSTEM_ACTOR, null, text,
					clock.instant());
			entityManager.persist(entry);
			t.announceEntry(entry);
			entityManager.flush();
			publish(t);
			return true;
		}));
	}

	/** How many of these tickets were reopened (their resolution rejected) at or after {@code since}. */
	public long reopenedSince(java.util.Collection<Long> ticketIds, Instant since) {
		if (ticketIds.isEmpty()) {
			return 0;
		}
		return readTx.execute(s -> entityManager.createQuery("select count(distinct h.ticket.id) from HistoryRecord h "
				+ "where h.ticket.id in :ids and h.action = 'RESOLUTION_REJECTED' and h.occurredAt >= :since", Long.class)
			.setParameter("ids", ticketIds).setParameter("since", since).getSingleResult());
	}

	/**
	 * How many of a program's tickets opened in {@code [from, to)} name one of these systems (any of its names,
	 * ignoring case) and, when given, this version.
	 */
	public long countOpenedOn(long programId, java.util.Collection<String> systemNames, String version, Instant from,
			Instant to) {
		if (systemNames.isEmpty()) {
			return 0;
		}
		List<String> names = systemNames.stream().map(n -> n.strip().toLowerCase(java.util.Locale.ROOT)).toList();
		return readTx.execute(s -> {
			var query = entityManager.createQuery("select count(t) from Ticket t where t.programId = :p "
					+ "and lower(t.facts.affectedSystem) in :names "
					+ (version == null ? "" : "and t.facts.affectedVersion = :version ")
					+ "and t.createdAt >= :from and t.createdAt < :to", Long.class)
				.setParameter("p", programId).setParameter("names", names)
				.setParameter("from", from).setParameter("to", to);
			if (version != null) {
				query.setParameter("version", version);
			}
			return query.getSingleResult();
		});
	}

	/** The entitlement module re-evaluated the ticket (its requester, asset or contract changed): snapshot it. */
	public void recordEntitlement(long ticketId, Entitlement entitlement) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			if (t.recordEntitlement(entitlement, TicketViews.SYSTEM_ACTOR, clock.instant())) {
				entityManager.flush();
				publish(t);
			}
		});
	}

	/** Gives the ticket's active work to one person of its group (routing's pick, or a lead's). */
	public void assignWithinGroup(long ticketId, long assignmentId, long personId, String reason) {
		tx.executeWithoutResult(s -> {
			Ticket t = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
			Assignment a = t.activeAssignment().filter(x -> x.id() == assignmentId).orElseThrow(
					() -> new RuleViolationException("assignment " + assignmentId + " is not the active work"));
			if (!groups.byId(a.groupId()).memberIds().contains(personId)) {
				throw new InvalidFieldException("assigneeId", "person " + personId + " is not in the group");
			}
			t.assignWithinGroup(a, personId, reason, TicketViews.SYSTEM_ACTOR, clock.instant());
			entityManager.flush();
			publish(t);
		});
	}

	/** How much open work each of these people has: tickets they own plus active assignments given to them. */
	public java.util.Map<Long, Long> workload(java.util.Collection<Long> people) {
		if (people.isEmpty()) {
			return java.util.Map.of();
		}
		return readTx.execute(s -> {
			java.util.Map<Long, Long> load = new java.util.HashMap<>();
			people.forEach(p -> load.put(p, 0L));
			for (Object[] row : tickets.countOwnedOpen(people)) {
				load.merge((Long) row[0], (Long) row[1], Long::sum);
			}
			for (Object[] row : tickets.countActiveAssignments(people)) {
				load.merge((Long) row[0], (Long) row[1], Long::sum);
			}
			return load;
		});
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	@FunctionalInterface
	interface Reading<T> {

		T apply(Ticket ticket, Caller caller);
	}

	@FunctionalInterface
	private interface Changing {

		void apply(Ticket ticket, Caller caller, Instant now);
	}

	<T> T read(DeskPrincipal me, String number, Reading<T> reading) {
		return readTx.execute(status -> {
			Caller c = callers.of(me);
			return reading.apply(visible(number, c), c);
		});
	}

	private TicketView change(DeskPrincipal me, String number, Long expectedVersion, Changing changing) {
		return tx.execute(status -> {
			Caller c = callers.of(me);
			Ticket t = visible(number, c);
			t.requireVersion(expectedVersion);
			changing.apply(t, c, clock.instant());
			entityManager.flush();
			publish(t);
			return views.view(t, c);
		});
	}

	/** Publishes what the ticket raised, inside the transaction: the event registry stores it with the change. */
	void publish(Ticket t) {
		t.takeEvents().forEach(events::publishEvent);
	}

	Ticket visible(String number, Caller c) {
		Ticket t = tickets.findByNumber(number).orElseThrow(() -> new NotFoundException("no ticket " + number));
		boolean orgVisibility = c.isCustomer() && programs.byId(t.programId()).organizationVisibility();
		if (!TicketAccess.canSee(t, c, orgVisibility)) {
			throw new NotFoundException("no ticket " + number);
		}
		return t;
	}

	private static void requireStaff(Ticket t, Caller c, String message) {
		if (!c.staffOf(t.programId())) {
			throw new ForbiddenException(message);
		}
	}
}
