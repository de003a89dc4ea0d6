package org.tierdesk.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.sla.BusinessCalendar;
import org.tierdesk.sla.ClockKind;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketTimeline;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;
import org.tierdesk.ticket.Tickets;

import jakarta.persistence.EntityManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Escalation's use cases: keep each program's ladder, keep each ticket's timers in step with what happens to it,
 * fire the steps that fall due (the sweep) or that an SLA event triggers, each once per ticket and occurrence.
 */
@Service
@org.springframework.core.annotation.Order(2)
public class Escalations implements org.tierdesk.ticket.TicketFollower {

	static final Set<String> TRIGGERS = Set.of("UNTAKEN", "TIME_IN_TIER", "NO_UPDATE", "SLA_WARNING", "SLA_BREACHED",
			"OLA_BREACHED");

	static final Set<String> ACTIONS = Set.of("ESCALATE", "RAISE_PRIORITY", "FLAG", "NOTIFY");

	private final LadderDefinitionRepository ladders;

	private final EscalationTimerRepository timers;

	private final Tickets tickets;

	private final ServiceLevels serviceLevels;

	private final OnCall onCall;

	private final SupportGroups groups;

	private final Programs programs;

	private final Accounts accounts;

	private final JsonMapper json;

	private final EntityManager entityManager;

	private final Clock clock;

	/** Each program's ladder, per instance for a few seconds; forgotten at once when it is saved here. */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Ladder> ladderCache = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder().maximumSize(1_000).expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

	Escalations(LadderDefinitionRepository ladders, EscalationTimerRepository timers, Tickets tickets,
			ServiceLevels serviceLevels, OnCall onCall, SupportGroups groups, Programs programs, Accounts accounts,
			JsonMapper json, EntityManager entityManager, Clock clock) {
		this.ladders = ladders;
		this.timers = timers;
		this.tickets = tickets;
		this.serviceLevels = serviceLevels;
		this.onCall = onCall;
		this.groups = groups;
		this.programs = programs;
		this.accounts = accounts;
		this.json = json;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	public record LadderInfo(String program, boolean standard, String updatedBy, Instant updatedAt, Ladder ladder) {
	}

	/** A step's timer on a ticket, as the ticket shows it. */
	public record TimerView(String step, long occurrence, Instant dueAt, Instant firedAt, boolean dropped,
			String outcome) {
	}

	// -- the ladder -----------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public LadderInfo ladder(DeskPrincipal me, String programKey) {
		Program program = programs.forStaff(me, programKey, "only desk staff read the escalation ladder");
		return ladders.findById(program.id())
			.map(d -> new LadderInfo(program.key(), false,
					accounts.findById(d.updatedBy()).map(Person::username).orElse("#" + d.updatedBy()), d.updatedAt(),
					json.readValue(d.document(), Ladder.class)))
			.orElse(new LadderInfo(program.key(), true, null, null, Ladder.standard()));
	}

	/** Saves the ladder after checking every step; open tickets' timers follow the new steps at once. */
	@Transactional
	public LadderInfo defineLadder(DeskPrincipal me, String programKey, Ladder ladder) {
		Program program = programs.forManagers(me, programKey,
				"only the program's managers or an administrator change the escalation ladder");
		List<RowProblem> problems = check(program, ladder);
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The ladder was not saved: " + problems.size()
					+ " problem(s); line is the step's position.", problems);
		}
		LadderDefinition d = ladders.findById(program.id()).orElseGet(() -> new LadderDefinition(program.id()));
		boolean isNew = d.document() == null;
		d.define(json.writeValueAsString(ladder), me.accountId(), clock.instant());
		if (isNew) {
			ladders.save(d);
		}
		entityManager.flush();
		AfterCommit.forgetNowAndAtEnd(() -> ladderCache.invalidate(program.id()));
		for (Long ticketId : tickets.activeTicketIds(program.id())) {
			reconcile(ticketId);
		}
		return ladder(me, programKey);
	}

	List<RowProblem> check(Program program, Ladder ladder) {
		List<RowProblem> problems = new ArrayList<>();
		if (ladder == null || ladder.steps() == null) {
			problems.add(new RowProblem(0, "steps", "a ladder lists its steps (an empty list turns escalation off)"));
			return problems;
		}
		Set<String> names = new HashSet<>();
		Set<String> calendars = serviceLevels.calendarNames(program.id());
		List<GroupInfo> programGroups = groups.inProgram(program.id());
		for (int i = 0; i < ladder.steps().size(); i++) {
			Ladder.Step s = ladder.steps().get(i);
			int line = i + 1;
			String at = "steps[" + i + "].";
			if (s == null) {
				problems.add(new RowProblem(line, "steps[" + i + "]", "a step cannot be empty"));
				continue;
			}
			if (s.name() == null || s.name().isBlank() || s.name().length() > 200) {
				problems.add(new RowProblem(line, at + "name", "a step needs a name of 1-200 characters"));
			}
			else if (!names.add(s.name().strip().toLowerCase(Locale.ROOT))) {
				problems.add(new RowProblem(line, at + "name", "another step is already called " + s.name()));
			}
			Ladder.Trigger t = s.trigger();
			if (t == null || t.type() == null || !TRIGGERS.contains(t.type())) {
				problems.add(new RowProblem(line, at + "trigger.type", "one of " + new java.util.TreeSet<>(TRIGGERS)));
			}
			else {
				boolean timed = t.type().equals("UNTAKEN") || t.type().equals("TIME_IN_TIER")
						|| t.type().equals("NO_UPDATE");
				if (timed && (t.minutes() == null || t.minutes() < 1 || t.minutes() > 525_600)) {
					problems.add(new RowProblem(line, at + "trigger.minutes", "1 minute to a year"));
				}
				boolean needsTier = t.type().equals("TIME_IN_TIER");
				if ((needsTier || (t.type().equals("NO_UPDATE") && t.tier() != null)) && (t.tier() == null
						|| t.tier() < 1 || t.tier() > 4 || (needsTier && t.tier() < 2) || !program.tierSetup().uses(t.tier()))) {
					problems.add(new RowProblem(line, at + "trigger.tier",
							"a tier 2-4 the program uses: " + program.tierSetup().names().keySet()));
				}
				if (t.clock() != null && !Set.of("FIRST_RESPONSE", "RESOLUTION").contains(t.clock())) {
					problems.add(new RowProblem(line, at + "trigger.clock", "FIRST_RESPONSE or RESOLUTION"));
				}
				if (t.calendar() != null && !calendars.contains(t.calendar().strip().toLowerCase(Locale.ROOT))) {
					problems.add(new RowProblem(line, at + "trigger.calendar", "the program has no calendar " + t.calendar()));
				}
			}
			Ladder.Action a = s.action();
			if (a == null || a.type() == null || !ACTIONS.contains(a.type())) {
				problems.add(new RowProblem(line, at + "action.type", "one of " + new java.util.TreeSet<>(ACTIONS)));
				continue;
			}
			switch (a.type()) {
				case "ESCALATE" -> {
					if (a.tier() == null || a.tier() < 2 || a.tier() > 4 || !program.tierSetup().uses(a.tier())) {
						problems.add(new RowProblem(line, at + "action.tier",
								"escalate to a tier 2-4 the program uses: " + program.tierSetup().names().keySet()));
					}
					else if (a.group() != null && programGroups.stream()
						.noneMatch(g -> g.name().equalsIgnoreCase(a.group().strip()) && g.tier() == a.tier())) {
						problems.add(new RowProblem(line, at + "action.group",
								"the program has no group " + a.group() + " at tier " + a.tier()));
					}
					else if (a.group() == null && programGroups.stream().noneMatch(g -> g.tier() == a.tier())) {
						problems.add(new RowProblem(line, at + "action.tier", "the program has no group at tier " + a.tier()));
					}
				}
				case "RAISE_PRIORITY" -> {
					try {
						Priority.valueOf(String.valueOf(a.priority()));
					}
					catch (IllegalArgumentException e) {
						problems.add(new RowProblem(line, at + "action.priority", "CRITICAL, HIGH, MEDIUM or LOW"));
					}
				}
				case "NOTIFY" -> {
					List<String> people = a.people() == null ? List.of() : a.people();
					if (people.isEmpty() && a.onCallOf() == null) {
						problems.add(new RowProblem(line, at + "action.people", "name people, or onCallOf a group"));
					}
					for (int p = 0; p < people.size(); p++) {
						String u = people.get(p);
						if (u == null || accounts.findByUsername(u.strip()).filter(x -> x.programIds().contains(program.id()))
							.isEmpty()) {
							problems.add(new RowProblem(line, at + "action.people[" + p + "]", "no user " + u + " in the program"));
						}
					}
					if (a.onCallOf() != null && programGroups.stream().noneMatch(g -> g.name().equalsIgnoreCase(a.onCallOf().strip()))) {
						problems.add(new RowProblem(line, at + "action.onCallOf", "the program has no group " + a.onCallOf()));
					}
				}
				default -> {
				}
			}
		}
		return problems;
	}

	// -- timers ---------------------------------------------------------------------------------------------------

	public List<TimerView> timersOf(DeskPrincipal me, String number) {
		long ticketId = tickets.facts(me, number).id();
		return timers.findByTicketId(ticketId).stream()
			.sorted(java.util.Comparator.comparing(EscalationTimer::dueAt))
			.map(t -> new TimerView(t.step(), t.occurrence(), t.dueAt(), t.firedAt(), t.dropped(), t.outcome()))
			.toList();
	}

	/** Keeps the ticket's timed steps in step with its history: schedules, moves or drops their timers. */
	@Transactional
	public void reconcile(long ticketId) {
		// the timers first (locked), the history after: a reconciliation that read an older history than a timer
		// it sees could drop that timer wrongly; read in this order, it never does
		Map<String, EscalationTimer> existing = lockTimers(ticketId);
		tickets.timeline(ticketId).ifPresent(t -> reconcile(ticketId, t, existing));
	}

	/**
	 * On every ticket event the timers are kept in step by the ticket's followers, after the SLA clocks: locked here,
	 * before the one read of the ticket, and rescheduled from it.
	 */
	@Override
	public java.util.function.Consumer<org.tierdesk.ticket.ReportingFacts> lockFor(org.tierdesk.ticket.TicketEvent cause) {
		long ticketId = cause.ticketId();
		Map<String, EscalationTimer> existing = lockTimers(ticketId);
		return facts -> reconcile(ticketId, facts.timeline(), existing);
	}

	/** A ticket opening in this transaction has no timers yet: none to read or lock. */
	@Override
	public java.util.function.Consumer<org.tierdesk.ticket.ReportingFacts> forOpening(
			org.tierdesk.ticket.TicketOpened opened) {
		return facts -> reconcile(opened.ticketId(), facts.timeline(), new java.util.HashMap<>());
	}

	private Map<String, EscalationTimer> lockTimers(long ticketId) {
		return timers.lockByTicketId(ticketId).stream()
			.collect(Collectors.toMap(x -> x.step() + "/" + x.occurrence(), x -> x));
	}

	private void reconcile(long ticketId, TicketTimeline t, Map<String, EscalationTimer> existing) {
		Ladder ladder = ladderOf(t.programId());
		Set<String> wanted = new HashSet<>();
		for (Ladder.Step s : ladder.steps()) {
			for (Due due : dues(t, s)) {
				String key = s.name() + "/" + due.occurrence();
				wanted.add(key);
				EscalationTimer timer = existing.get(key);
				if (timer == null) {
					entityManager.persist(new EscalationTimer(ticketId, t.programId(), s.name(), due.occurrence(),
							due.at()));
				}
				else {
					timer.reschedule(due.at());
				}
			}
		}
		existing.forEach((key, timer) -> {
			if (!wanted.contains(key) && !isEventStep(ladder, timer.step())) {
				timer.drop();
			}
		});
	}

	private record Due(long occurrence, Instant at) {
	}

	/** When a timed step falls due for this ticket, per occurrence; nothing while its condition does not hold. */
	private List<Due> dues(TicketTimeline t, Ladder.Step s) {
		if (s.trigger() == null || s.trigger().minutes() == null) {
			return List.of();
		}
		Duration after = Duration.ofMinutes(s.trigger().minutes());
		BusinessCalendar calendar = serviceLevels.calendarOf(t.programId(), s.trigger().calendar());
		TicketStatus current = t.statuses().get(t.statuses().size() - 1).status();
		if (!current.isActive()) {
			return List.of();
		}
		return switch (s.trigger().type()) {
			case "UNTAKEN" -> current == TicketStatus.NEW && t.assignments().stream().noneMatch(a -> a.until() == null)
					? List.of(new Due(0, calendar.plus(t.openedAt(), after))) : List.of();
			case "TIME_IN_TIER" -> t.assignments().stream()
				.filter(a -> a.until() == null && a.tier() == s.trigger().tier())
				.map(a -> new Due(a.assignmentId(), calendar.plus(a.from(), after))).toList();
			case "NO_UPDATE" -> {
				// silence since the last entry (or, at a tier, since the work got there): one occurrence per silence
				Integer tier = s.trigger().tier();
				Instant since = t.lastEntryAt();
				if (tier != null) {
					Optional<AssignmentSpan> active = t.assignments().stream().filter(a -> a.until() == null).findFirst();
					if ((tier == 1 && active.isPresent()) || (tier > 1 && (active.isEmpty() || active.get().tier() != tier))) {
						yield List.of();
					}
					if (active.isPresent() && active.get().from().isAfter(since)) {
						since = active.get().from();
					}
				}
				yield List.of(new Due(since.getEpochSecond(), calendar.plus(since, after)));
			}
			default -> List.of();
		};
	}

	private static boolean isEventStep(Ladder ladder, String step) {
		return ladder.steps().stream().anyMatch(s -> s.name().equals(step) && s.trigger() != null
				&& s.trigger().type() != null && s.trigger().type().startsWith("SLA_")
				|| s.name().equals(step) && s.trigger() != null && "OLA_BREACHED".equals(s.trigger().type()));
	}

	/** Fires up to {@code limit} due timers, skipping those another instance holds. */
	@Transactional
	public int sweep(int limit) {
		Instant now = clock.instant();
		@SuppressWarnings("unchecked")
		List<Number> due = entityManager.createNativeQuery("select id from escalation_timer where fired_at is null "
				+ "and dropped = false and due_at <= ?1 order by due_at fetch first " + limit
				+ " rows only for update skip locked")
			.setParameter(1, now.atOffset(java.time.ZoneOffset.UTC)).getResultList();
		for (Number id : due) {
			EscalationTimer timer = timers.findById(id.longValue()).orElseThrow();
			Optional<TicketTimeline> t = tickets.timeline(timer.ticketId());
			Optional<Ladder.Step> step = ladderOf(timer.programId()).steps().stream()
				.filter(s -> s.name().equals(timer.step())).findFirst();
			if (t.isEmpty() || step.isEmpty()) {
				timer.drop();
				continue;
			}
			boolean stillDue = dues(t.get(), step.get()).stream()
				.anyMatch(d -> d.occurrence() == timer.occurrence() && !d.at().isAfter(now));
			if (!stillDue) {
				timer.drop();
				continue;
			}
			timer.fired(now, perform(timer.ticketId(), timer.programId(), step.get(), now));
		}
		return due.size();
	}

	/** An SLA or OLA event reached: the steps it triggers fire now, once per ticket, step and occurrence. */
	@Transactional
	public void slaReached(long ticketId, long programId, String trigger, ClockKind kind, Long assignmentId,
			Integer tier) {
		Instant now = clock.instant();
		for (Ladder.Step s : ladderOf(programId).steps()) {
			Ladder.Trigger t = s.trigger();
			if (t == null || !trigger.equals(t.type()) || (t.clock() != null && (kind == null || !t.clock().equals(kind.name())))
					|| (t.tier() != null && !t.tier().equals(tier))) {
				continue;
			}
			long occurrence = assignmentId != null ? assignmentId : kind == null ? 0 : kind.ordinal() + 1;
			if (timers.findByTicketIdAndStepAndOccurrence(ticketId, s.name(), occurrence).isPresent()) {
				continue;
			}
			EscalationTimer timer = new EscalationTimer(ticketId, programId, s.name(), occurrence, now);
			entityManager.persist(timer);
			entityManager.flush();
			timer.fired(now, perform(ticketId, programId, s, now));
		}
	}

	/** Performs a step's action as the system; the ticket's history records it with the step's name. */
	private String perform(long ticketId, long programId, Ladder.Step step, Instant now) {
		Ladder.Action a = step.action();
		String reason = "escalation step '" + step.name() + "'";
		switch (a.type()) {
			case "ESCALATE" -> {
				Long groupId = a.group() == null ? groups.defaultGroupId(programId, a.tier()).orElse(null)
						: groups.inProgram(programId).stream()
							.filter(g -> g.name().equalsIgnoreCase(a.group().strip()) && g.tier() == a.tier())
							.map(GroupInfo::id).findFirst().orElse(null);
				Long person = null;
				if (groupId != null && !onCall.inOfficeHours(programId, now)) {
					person = onCall.onCallIn(groupId, now).orElse(null);
				}
				boolean moved = tickets.escalateAsSystem(ticketId, a.tier(), groupId, person,
						reason + (person != null ? " (after hours: to the person on call)" : ""));
				return moved ? "escalated to tier " + a.tier() + (person != null ? " (on call: " + person + ")" : "")
						: "already at tier " + a.tier() + " or above";
			}
			case "RAISE_PRIORITY" -> {
				Priority target = Priority.valueOf(a.priority());
				TicketFacts facts = tickets.facts(ticketId).orElseThrow();
				if (target.ordinal() >= facts.priority().ordinal()) {
					return "priority already " + facts.priority();
				}
				tickets.route(ticketId, new Tickets.Routing(null, null, target, null, Set.of(), null, null, reason));
				return "priority raised to " + target;
			}
			case "FLAG" -> {
				tickets.flagAsSystem(ticketId, null, reason);
				return "flagged to management";
			}
			case "NOTIFY" -> {
				List<String> whom = new ArrayList<>(a.people() == null ? List.of() : a.people());
				if (a.onCallOf() != null) {
					groups.inProgram(programId).stream().filter(g -> g.name().equalsIgnoreCase(a.onCallOf().strip()))
						.findFirst().flatMap(g -> onCall.onCallIn(g.id(), now))
						.flatMap(accounts::findById).ifPresentOrElse(p -> whom.add(p.username() + " (on call)"),
								() -> whom.add("nobody on call in " + a.onCallOf()));
				}
				tickets.noteAsSystem(ticketId, "Escalation: step '" + step.name() + "' notifies " + String.join(", ", whom));
				return "notified " + whom;
			}
			default -> {
				return "nothing to do";
			}
		}
	}

	private Ladder ladderOf(long programId) {
		return ladderCache.get(programId, id -> ladders.findById(id).map(d -> json.readValue(d.document(), Ladder.class))
			.orElse(Ladder.standard()));
	}
}
