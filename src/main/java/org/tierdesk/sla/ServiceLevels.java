package org.tierdesk.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.sla.ClockMeasure.Period;
import org.tierdesk.sla.ClockMeasure.Result;
import org.tierdesk.sla.ClockMeasure.Span;
import org.tierdesk.sla.SlaForms.CalendarForm;
import org.tierdesk.sla.SlaForms.GroupTargetForm;
import org.tierdesk.sla.SlaForms.Policy;
import org.tierdesk.sla.SlaForms.PolicyForm;
import org.tierdesk.sla.SlaForms.TargetForm;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.ticket.AssignmentStatus;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketTimeline;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;
import org.tierdesk.ticket.Tickets;

import jakarta.persistence.EntityManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SLA module's use cases: keep each program's calendars, policies and group targets; derive every ticket's clocks
 * from its history; sweep the clocks whose warning or due instant has come and publish what happened, once.
 */
@Service
@org.springframework.core.annotation.Order(1)
public class ServiceLevels implements org.tierdesk.ticket.TicketFollower {

	private final SlaDefinitionRepository definitions;

	private final SlaClockRepository clocks;

	private final Tickets tickets;

	private final Programs programs;

	private final SupportGroups groups;

	private final Accounts accounts;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final EntityManager entityManager;

	private final Clock clock;

	/** A program's parsed terms (calendars, policies, group targets), per instance, forgotten on any change here. */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Terms> terms = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder().maximumSize(1_000).expireAfterWrite(java.time.Duration.ofSeconds(10)).build();

	/** What {@link #desired} needs of a program, read and parsed once. */
	private record Terms(Program program, Map<String, BusinessCalendar> calendars, List<SlaDefinition> policies,
			Map<Long, GroupTargetForm> groupTargets) {
	}

	ServiceLevels(SlaDefinitionRepository definitions, SlaClockRepository clocks, Tickets tickets, Programs programs,
			SupportGroups groups, Accounts accounts, JsonMapper json, ApplicationEventPublisher events,
			EntityManager entityManager, Clock clock) {
		this.definitions = definitions;
		this.clocks = clocks;
		this.tickets = tickets;
		this.programs = programs;
		this.groups = groups;
		this.accounts = accounts;
		this.json = json;
		this.events = events;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	// -- views ----------------------------------------------------------------------------------------------------

	public record DefinitionInfo<T>(String name, String updatedBy, Instant updatedAt, T definition) {
	}

	/** A clock as the ticket shows it. Durations in seconds of business time. */
	public record ClockView(ClockKind kind, String group, int tier, String source, long targetSeconds,
			long elapsedSeconds, long pausedSeconds, Instant startedAt, Instant dueAt, Instant warnAt,
			Instant stoppedAt, ClockState state, List<String> timeline, Instant measuredAt) {
	}

	// -- calendars, policies, group targets -----------------------------------------------------------------------

	public List<DefinitionInfo<CalendarForm>> calendars(DeskPrincipal me, String programKey) {
		return list(readable(me, programKey), SlaDefinition.Type.CALENDAR, CalendarForm.class);
	}

	public List<DefinitionInfo<PolicyForm>> policies(DeskPrincipal me, String programKey) {
		return list(readable(me, programKey), SlaDefinition.Type.POLICY, PolicyForm.class);
	}

	public List<DefinitionInfo<GroupTargetForm>> groupTargets(DeskPrincipal me, String programKey) {
		return list(readable(me, programKey), SlaDefinition.Type.GROUP_TARGET, GroupTargetForm.class);
	}

	@Transactional
	public DefinitionInfo<CalendarForm> defineCalendar(DeskPrincipal me, String programKey, String name,
			CalendarForm form) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		name(name, problems);
		SlaForms.calendar(form, program.timeZone(), problems);
		check(problems, "calendar");
		return save(program, SlaDefinition.Type.CALENDAR, name, null, form, me, CalendarForm.class);
	}

	@Transactional
	public DefinitionInfo<PolicyForm> definePolicy(DeskPrincipal me, String programKey, String name, PolicyForm form) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		name(name, problems);
		Policy policy = SlaForms.policy(name, form, calendarNames(program), problems);
		if (policy != null) {
			definitions.findByProgramIdAndTypeOrderByName(program.id(), SlaDefinition.Type.POLICY).stream()
				.filter(d -> !d.name().equalsIgnoreCase(name.strip()) && Objects.equals(d.selector(), policy.serviceLevel()))
				.findFirst().ifPresent(d -> problems.add(new RowProblem(1, "serviceLevel", "policy " + d.name()
						+ " already applies to " + (policy.serviceLevel() == null ? "the program by default"
								: "service level " + policy.serviceLevel()))));
		}
		check(problems, "policy");
		return save(program, SlaDefinition.Type.POLICY, name, policy.serviceLevel(), form, me, PolicyForm.class);
	}

	/** The target of a support group, by the group's name. */
	@Transactional
	public DefinitionInfo<GroupTargetForm> defineGroupTarget(DeskPrincipal me, String programKey, String groupName,
			GroupTargetForm form) {
		Program program = managed(me, programKey);
		List<RowProblem> problems = new ArrayList<>();
		Optional<GroupInfo> group = groups.inProgram(program.id()).stream()
			.filter(g -> g.name().equalsIgnoreCase(groupName == null ? "" : groupName.strip())).findFirst();
		if (group.isEmpty()) {
			problems.add(new RowProblem(1, "group", "the program has no support group " + groupName));
		}
		else if (group.get().tier() == 1) {
			problems.add(new RowProblem(1, "group", "Tier 1 owns tickets: its time is the SLA, not an OLA"));
		}
		if (form == null || form.targetMinutes() == null) {
			problems.add(new RowProblem(1, "targetMinutes", "the time the group has to return its work"));
		}
		else {
			SlaForms.minutes(form.targetMinutes(), "targetMinutes", problems);
			if (form.calendar() != null && !calendarNames(program).contains(form.calendar().strip().toLowerCase(Locale.ROOT))) {
				problems.add(new RowProblem(1, "calendar", "the program has no calendar " + form.calendar()));
			}
			int w = form.warningPercent() == null ? 75 : form.warningPercent();
			if (w < 1 || w > 100) {
				problems.add(new RowProblem(1, "warningPercent", "between 1 and 100 (100: no warning)"));
			}
		}
		check(problems, "group target");
		return save(program, SlaDefinition.Type.GROUP_TARGET, group.get().name(), String.valueOf(group.get().id()), form,
				me, GroupTargetForm.class);
	}

	private <T> DefinitionInfo<T> save(Program program, SlaDefinition.Type type, String name, String selector, T form,
			DeskPrincipal me, Class<T> kind) {
		String key = name.strip().toLowerCase(Locale.ROOT);
		SlaDefinition d = definitions.findByProgramIdAndTypeAndNameKey(program.id(), type, key)
			.orElseGet(() -> new SlaDefinition(program.id(), type, key));
		boolean isNew = d.id() == null;
		boolean changed = d.define(name.strip(), selector, json.writeValueAsString(form), me.accountId(), clock.instant());
		if (isNew) {
			definitions.save(d);
		}
		if (changed) {
			AfterCommit.forgetNowAndAtEnd(() -> terms.invalidate(program.id()));
			// running clocks are recomputed from their timelines under the new terms, in this transaction
			entityManager.flush();
			for (Long ticketId : tickets.activeTicketIds(program.id())) {
				reconcile(ticketId);
			}
		}
		return info(d, kind);
	}

	/**
	 * The calendar named (for other modules' timers): by name, else the default policy's calendar, else round the
	 * clock in the program's zone.
	 */
	@Transactional(readOnly = true)
	public BusinessCalendar calendarOf(long programId, String name) {
		Terms t = terms(programId);
		Map<String, BusinessCalendar> calendars = t.calendars();
		if (name != null && calendars.containsKey(name.strip().toLowerCase(Locale.ROOT))) {
			return calendars.get(name.strip().toLowerCase(Locale.ROOT));
		}
		return policy(t.policies(), calendars.keySet(), null).map(Policy::calendar).filter(Objects::nonNull)
			.map(c -> calendars.get(c.toLowerCase(Locale.ROOT))).filter(Objects::nonNull)
			.orElse(BusinessCalendar.allHours(t.program().timeZone()));
	}

	/**
	 * A clock's outcome as the reports count it: decided when it was met or breached (a breached clock that still
	 * runs is decided at its breach).
	 */
	public record Outcome(long ticketId, ClockKind kind, int tier, Long groupId, boolean met, Instant dueAt,
			Instant decidedAt, long targetSeconds, long elapsedSeconds) {

		/** How far past its due instant the clock was when it stopped or was last measured (0 when met). */
		public long overdueSeconds() {
			return met ? 0 : Math.max(0, elapsedSeconds - targetSeconds);
		}
	}

	/** The program's clocks decided (met or breached) in [from, to), by index ranges. */
	@Transactional(readOnly = true)
	public List<Outcome> outcomes(long programId, Instant from, Instant to) {
		@SuppressWarnings("unchecked")
		List<Object[]> rows = entityManager.createNativeQuery("""
				select ticket_id, kind, tier, group_id, case when breached_at is null then 1 else 0 end, due_at, coalesce(breached_at, met_at), target_seconds,
				  elapsed_seconds
				from sla_clock where program_id = ?1
				  and ((met_at >= ?2 and met_at < ?3 and breached_at is null) or (breached_at >= ?2 and breached_at < ?3))""")
			.setParameter(1, programId).setParameter(2, from.atOffset(java.time.ZoneOffset.UTC))
			.setParameter(3, to.atOffset(java.time.ZoneOffset.UTC)).getResultList();
		List<Outcome> out = new ArrayList<>(rows.size());
		for (Object[] r : rows) {
			out.add(new Outcome(((Number) r[0]).longValue(), ClockKind.valueOf((String) r[1]), ((Number) r[2]).intValue(),
					r[3] == null ? null : ((Number) r[3]).longValue(), ((Number) r[4]).intValue() == 1,
					instant(r[5]), instant(r[6]), ((Number) r[7]).longValue(), ((Number) r[8]).longValue()));
		}
		return out;
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant i) {
			return i;
		}
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toInstant();
		}
		throw new IllegalStateException("not an instant: " + value.getClass());
	}

	/** The names of a program's calendars, lower case. */
	@Transactional(readOnly = true)
	public Set<String> calendarNames(long programId) {
		return calendarNames(programs.byId(programId));
	}

	// -- clocks ---------------------------------------------------------------------------------------------------

	/** The clocks of a ticket, for desk staff. */
	@Transactional(readOnly = true)
	public List<ClockView> clocksOf(DeskPrincipal me, String number) {
		long ticketId = tickets.facts(me, number).id();
		Map<Long, String> groupNames = new HashMap<>();
		return clocks.findByTicketIdOrderByIdAsc(ticketId).stream().map(c -> new ClockView(c.kind(),
				c.groupId() == null ? null : groupNames.computeIfAbsent(c.groupId(),
						id -> groups.findById(id).map(GroupInfo::name).orElse("#" + id)),
				c.tier(), c.source(), c.targetSeconds(), c.elapsedSeconds(), c.pausedSeconds(), c.startedAt(),
				c.dueAt(), c.warnAt(), c.stoppedAt(), c.state(),
				c.timeline() == null || c.timeline().isEmpty() ? List.of() : List.of(c.timeline().split(";")),
				null)).toList();
	}

	/** A ticket whose clock is past its warning point or breached, as the console's SLA queue lists it. */
	public record AtRisk(long ticketId, ClockKind kind, Instant dueAt, boolean breached) {
	}

	/**
	 * The tickets of the caller's programs (or of one program) nearest to or past their due time, nearest first;
	 * each ticket once, by its most pressing clock.
	 */
	@Transactional(readOnly = true)
	public List<AtRisk> atRisk(DeskPrincipal me, String programKey, int limit) {
		return atRisk(me, programKey, 0, limit);
	}

	/** One page of {@link #atRisk(DeskPrincipal, String, int)}: skips the first {@code offset} tickets. */
	@Transactional(readOnly = true)
	public List<AtRisk> atRisk(DeskPrincipal me, String programKey, int offset, int limit) {
		java.util.Collection<Long> programIds = staffPrograms(me, programKey);
		if (programIds.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		Map<Long, AtRisk> byTicket = new java.util.LinkedHashMap<>();
		for (SlaClock c : clocks.atRisk(programIds, now,
				org.springframework.data.domain.PageRequest.of(0, (Math.max(0, offset) + Math.max(1, limit)) * 3))) {
			byTicket.putIfAbsent(c.ticketId(), new AtRisk(c.ticketId(), c.kind(), c.dueAt(),
					c.dueAt() != null && !c.dueAt().isAfter(now)));
		}
		return byTicket.values().stream().skip(Math.max(0, offset)).limit(limit).toList();
	}

	/**
	 * How many tickets of the caller's programs (or of one) have a clock past its warning point, counted up to
	 * {@code cap} + 1 (a longer list shows as "cap+").
	 */
	@Transactional(readOnly = true)
	public long countAtRisk(DeskPrincipal me, String programKey, int cap) {
		java.util.Collection<Long> programIds = staffPrograms(me, programKey);
		return programIds.isEmpty() ? 0
				: clocks.ticketsAtRisk(programIds, clock.instant(), org.springframework.data.domain.Limit.of(cap + 1))
					.size();
	}

	private java.util.Collection<Long> staffPrograms(DeskPrincipal me, String programKey) {
		if (programKey != null && !programKey.isBlank()) {
			return List.of(programs.forStaff(me, programKey, "only the program's desk staff see its clocks").id());
		}
		if (me.isAdmin()) {
			return programs.all().stream().map(Program::id).toList();
		}
		return me.programIds().stream().filter(me::staffOf).toList();
	}

	/**
	 * Derives the ticket's clocks from its history and the program's terms, stores them, and publishes what they
	 * reached that was not published before. Safe to repeat and to run in any order.
	 */
	@Transactional
	public void reconcile(long ticketId) {
		Consumer<TicketTimeline> followUp = lockClocks(ticketId);
		tickets.timeline(ticketId).ifPresent(followUp);
	}

	/** On every ticket event the clocks are kept in step by the ticket's followers, first of them. */
	@Override
	public Consumer<org.tierdesk.ticket.ReportingFacts> lockFor(org.tierdesk.ticket.TicketEvent cause) {
		Consumer<TicketTimeline> followUp = lockClocks(cause.ticketId());
		return facts -> followUp.accept(facts.timeline());
	}

	/** A ticket opening in this transaction has no clocks yet: none to read or lock. */
	@Override
	public Consumer<org.tierdesk.ticket.ReportingFacts> forOpening(org.tierdesk.ticket.TicketOpened opened) {
		return facts -> derive(opened.ticketId(), facts.timeline(), new java.util.HashMap<>());
	}

	/**
	 * The clocks first (locked), the history after: a derivation that read an older history than a clock it sees
	 * could delete that clock wrongly; read in this order, it never does.
	 */
	private Consumer<TicketTimeline> lockClocks(long ticketId) {
		Map<String, SlaClock> existing = clocks.lockByTicketId(ticketId).stream()
			.collect(Collectors.toMap(c -> c.kind() + "/" + c.assignmentKey(), c -> c));
		return t -> derive(ticketId, t, existing);
	}

	private void derive(long ticketId, TicketTimeline t, Map<String, SlaClock> existing) {
		Instant now = clock.instant();
		for (Desired d : desired(t)) {
			SlaClock c = existing.remove(d.kind() + "/" + d.assignmentKey());
			if (c == null) {
				c = new SlaClock(ticketId, t.programId(), d.kind(), d.assignmentKey());
				apply(c, d, now);
				entityManager.persist(c);
			}
			else {
				apply(c, d, now);
			}
		}
		existing.values().forEach(clocks::delete);
	}

	/** Looks at up to {@code limit} clocks whose time has come, skipping those another instance holds. */
	@Transactional
	public int sweep(int limit) {
		Instant now = clock.instant();
		@SuppressWarnings("unchecked")
		List<Number> due = entityManager.createNativeQuery("select id from sla_clock where next_check_at <= ?1 "
				+ "order by next_check_at fetch first " + limit + " rows only for update skip locked")
			.setParameter(1, now.atOffset(java.time.ZoneOffset.UTC)).getResultList();
		Map<Long, List<Desired>> byTicket = new HashMap<>();
		for (Number id : due) {
			SlaClock c = clocks.findById(id.longValue()).orElseThrow();
			List<Desired> desired = byTicket.computeIfAbsent(c.ticketId(),
					ticket -> tickets.timeline(ticket).map(this::desired).orElse(List.of()));
			desired.stream().filter(d -> d.kind() == c.kind() && d.assignmentKey() == c.assignmentKey()).findFirst()
				.ifPresentOrElse(d -> apply(c, d, now), () -> clocks.delete(c));
		}
		return due.size();
	}

	/** What a clock should be: its terms and its periods. */
	private record Desired(ClockKind kind, long assignmentKey, Long groupId, int tier, String source,
			BusinessCalendar calendar, Duration target, int warningPercent, Instant start, List<Period> periods,
			Instant stoppedAt, boolean cancelled, long programId, long ticketId) {
	}

	private Terms terms(long programId) {
		return terms.get(programId, id -> {
			Program program = programs.byId(id);
			return new Terms(program, calendars(program),
					definitions.findByProgramIdAndTypeOrderByName(id, SlaDefinition.Type.POLICY),
					definitions.findByProgramIdAndTypeOrderByName(id, SlaDefinition.Type.GROUP_TARGET).stream()
						.collect(Collectors.toMap(d -> Long.parseLong(d.selector()),
								d -> json.readValue(d.document(), GroupTargetForm.class))));
		});
	}

	private List<Desired> desired(TicketTimeline t) {
		Terms terms = terms(t.programId());
		Program program = terms.program();
		Map<String, BusinessCalendar> calendars = terms.calendars();
		BusinessCalendar allHours = BusinessCalendar.allHours(program.timeZone());
		List<Span> spans = t.statuses().stream().map(s -> new Span(s.status(), s.from())).toList();
		List<Desired> out = new ArrayList<>();
		Optional<Policy> policy = policy(terms.policies(), calendars.keySet(), t.serviceLevel());
		if (policy.isPresent()) {
			Policy p = policy.get();
			BusinessCalendar cal = p.calendar() == null ? allHours : calendars.get(p.calendar().toLowerCase(Locale.ROOT));
			TargetForm target = p.targets().get(t.priority());
			Instant cancelledAt = firstAt(spans, TicketStatus.CANCELLED);
			if (target != null && target.firstResponseMinutes() != null) {
				Instant resolved = firstAt(spans, TicketStatus.RESOLVED);
				Instant stop = earliest(t.firstDeskReplyAt(), resolved);
				boolean cancelled = stop == null && cancelledAt != null;
				if (cancelled) {
					stop = cancelledAt;
				}
				out.add(new Desired(ClockKind.FIRST_RESPONSE, 0, null, 1, "policy " + p.name(), cal,
						Duration.ofMinutes(target.firstResponseMinutes()), p.warningPercent(), t.openedAt(),
						ClockMeasure.periods(t.openedAt(), stop, spans, p.pauseOn()), stop, cancelled, t.programId(),
						t.ticketId()));
			}
			if (target != null && target.nextUpdateMinutes() != null) {
				Instant ended = earliest(firstAt(spans, TicketStatus.RESOLVED), cancelledAt);
				List<Instant> replies = t.deskReplies();
				for (int i = 0; i < replies.size(); i++) {
					Instant from = replies.get(i);
					if (ended != null && !from.isBefore(ended)) {
						break;
					}
					Instant next = i + 1 < replies.size() ? replies.get(i + 1) : null;
					Instant stop = earliest(next, ended);
					boolean cancelled = next == null && cancelledAt != null && stop != null && stop.equals(cancelledAt);
					out.add(new Desired(ClockKind.NEXT_UPDATE, from.getEpochSecond(), null, 1, "policy " + p.name(), cal,
							Duration.ofMinutes(target.nextUpdateMinutes()), p.warningPercent(), from,
							ClockMeasure.periods(from, stop, spans, p.pauseOn()), stop, cancelled, t.programId(),
							t.ticketId()));
				}
			}
			if (target != null && target.resolutionMinutes() != null) {
				Set<TicketStatus> stopped = new java.util.HashSet<>(p.pauseOn());
				stopped.add(TicketStatus.RESOLVED);
				TicketStatus now = spans.get(spans.size() - 1).status();
				Instant stop = null;
				boolean cancelled = false;
				if (now == TicketStatus.RESOLVED || now == TicketStatus.CLOSED) {
					stop = lastAt(spans, TicketStatus.RESOLVED);
				}
				else if (now == TicketStatus.CANCELLED) {
					stop = cancelledAt;
					cancelled = true;
				}
				out.add(new Desired(ClockKind.RESOLUTION, 0, null, 1, "policy " + p.name(), cal,
						Duration.ofMinutes(target.resolutionMinutes()), p.warningPercent(), t.openedAt(),
						ClockMeasure.periods(t.openedAt(), stop, spans, stopped), stop, cancelled, t.programId(),
						t.ticketId()));
			}
		}
		Map<Long, GroupTargetForm> groupTargets = terms.groupTargets();
		for (AssignmentSpan a : t.assignments()) {
			GroupTargetForm g = groupTargets.get(a.groupId());
			if (g == null) {
				continue;
			}
			BusinessCalendar cal = g.calendar() == null ? allHours : calendars.get(g.calendar().toLowerCase(Locale.ROOT));
			boolean cancelled = a.status() == AssignmentStatus.WITHDRAWN;
			out.add(new Desired(ClockKind.TIER, a.assignmentId(), a.groupId(), a.tier(),
					(a.tier() == 4 ? "underpinning contract of " : "OLA of ") + a.groupId(), cal,
					Duration.ofMinutes(g.targetMinutes()), g.warningPercent() == null ? 75 : g.warningPercent(),
					a.from(), ClockMeasure.periods(a.from(), a.until(), spans, Set.of(TicketStatus.WAITING_ON_CUSTOMER)),
					a.until(), cancelled, t.programId(), t.ticketId()));
		}
		return out;
	}

	/** Measures a clock at {@code now} and publishes what it reached for the first time. */
	private void apply(SlaClock c, Desired d, Instant now) {
		Result r = ClockMeasure.measure(d.calendar(), d.periods(), d.target(), d.warningPercent(), d.stoppedAt(),
				d.cancelled(), now);
		c.measured(d.groupId(), d.tier(), d.source(), r, d.start(), now);
		Long assignment = d.assignmentKey() == 0 || d.kind() == ClockKind.NEXT_UPDATE ? null : d.assignmentKey();
		if (r.state() == ClockState.WARNING && c.warnedAt() == null) {
			c.warned(now);
			events.publishEvent(new SlaWarningReached(d.ticketId(), d.programId(), d.kind(), assignment, r.dueAt(), now));
		}
		if (r.breached() && c.breachedAt() == null && r.state() != ClockState.CANCELLED) {
			c.breached(now);
			if (d.kind() == ClockKind.TIER) {
				events.publishEvent(new OlaBreached(d.ticketId(), d.programId(), d.assignmentKey(), d.groupId(),
						d.tier(), r.dueAt(), now));
			}
			else {
				events.publishEvent(new SlaBreached(d.ticketId(), d.programId(), d.kind(), r.dueAt(), now));
			}
		}
		if (r.state() == ClockState.MET && c.metAt() == null) {
			c.met(now);
			events.publishEvent(new SlaMet(d.ticketId(), d.programId(), d.kind(), assignment, now));
		}
	}

	/** The policy of the ticket's contract service level, else the program's default policy. */
	private Optional<Policy> policy(List<SlaDefinition> all, Set<String> calendarNames, String serviceLevel) {
		return all.stream().filter(d -> serviceLevel != null && serviceLevel.equalsIgnoreCase(d.selector()))
			.findFirst().or(() -> all.stream().filter(d -> d.selector() == null).findFirst())
			.map(d -> SlaForms.policy(d.name(), json.readValue(d.document(), PolicyForm.class), calendarNames,
					new ArrayList<>()));
	}

	private Map<String, BusinessCalendar> calendars(Program program) {
		Map<String, BusinessCalendar> out = new HashMap<>();
		for (SlaDefinition d : definitions.findByProgramIdAndTypeOrderByName(program.id(), SlaDefinition.Type.CALENDAR)) {
			BusinessCalendar c = SlaForms.calendar(json.readValue(d.document(), CalendarForm.class), program.timeZone(),
					new ArrayList<>());
			if (c != null) {
				out.put(d.name().toLowerCase(Locale.ROOT), c);
			}
		}
		return out;
	}

	private Set<String> calendarNames(Program program) {
		return definitions.findByProgramIdAndTypeOrderByName(program.id(), SlaDefinition.Type.CALENDAR).stream()
			.map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	private static Instant firstAt(List<Span> spans, TicketStatus status) {
		return spans.stream().filter(s -> s.status() == status).map(Span::from).findFirst().orElse(null);
	}

	private static Instant lastAt(List<Span> spans, TicketStatus status) {
		return spans.stream().filter(s -> s.status() == status).map(Span::from).reduce((a, b) -> b).orElse(null);
	}

	private static Instant earliest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	private <T> List<DefinitionInfo<T>> list(Program program, SlaDefinition.Type type, Class<T> kind) {
		return definitions.findByProgramIdAndTypeOrderByName(program.id(), type).stream().map(d -> info(d, kind))
			.toList();
	}

	private <T> DefinitionInfo<T> info(SlaDefinition d, Class<T> kind) {
		return new DefinitionInfo<>(d.name(),
				accounts.findById(d.updatedBy()).map(Accounts.Person::username).orElse("#" + d.updatedBy()),
				d.updatedAt(), json.readValue(d.document(), kind));
	}

	private static void name(String name, List<RowProblem> problems) {
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(new RowProblem(1, "name", "a name of 1-200 characters"));
		}
	}

	private static void check(List<RowProblem> problems, String what) {
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The " + what + " was not saved: " + problems.size() + " problem(s).",
					problems);
		}
	}

	private Program visible(DeskPrincipal me, String programKey) {
		return programs.visibleTo(me, programKey);
	}

	private Program readable(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only desk staff read the program's service levels");
	}

	private Program managed(DeskPrincipal me, String programKey) {
		return programs.forManagers(me, programKey, "only the program's managers or an administrator set its service levels");
	}
}
