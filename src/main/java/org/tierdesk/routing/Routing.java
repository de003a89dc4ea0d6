package org.tierdesk.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.Directory.SystemRoute;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.OnCall.AfterHoursRule;
import org.tierdesk.directory.PersonAssignment;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.routing.RuleBook.Decision;
import org.tierdesk.routing.RuleBook.Facts;
import org.tierdesk.routing.RuleSetCompiler.KnownPerson;
import org.tierdesk.routing.RuleSetCompiler.KnownSystem;
import org.tierdesk.system.AfterCommit;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.StaleVersionException;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.IntakeRouting;
import org.tierdesk.ticket.Priority;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.Tickets;

import tools.jackson.databind.json.JsonMapper;

/**
 * Routing's use cases: keep each program's versioned rule set, route every new ticket with it (as the system, with
 * the rule recorded in the ticket's history), pick a person inside a group, and explain or dry-run rules for the
 * administrators who write them.
 */
@Service
public class Routing implements IntakeRouting {

	private final RuleSetVersionRepository ruleSets;

	private final RoutingRecordRepository records;

	private final Tickets tickets;

	private final Directory directory;

	private final OnCall onCall;

	private final SupportGroups groups;

	private final Programs programs;

	private final Accounts accounts;

	private final JsonMapper json;

	private final Clock clock;

	/** Compiled rule books by program; forgotten on save here, re-read after the TTL on other instances. */
	private final Cache<Long, RuleBook> books;

	Routing(RuleSetVersionRepository ruleSets, RoutingRecordRepository records, Tickets tickets, Directory directory,
			OnCall onCall, SupportGroups groups, Programs programs, Accounts accounts, JsonMapper json, Clock clock,
			@Value("${tierdesk.routing.rules-cache-ttl:10s}") Duration ttl) {
		this.ruleSets = ruleSets;
		this.records = records;
		this.tickets = tickets;
		this.directory = directory;
		this.onCall = onCall;
		this.groups = groups;
		this.programs = programs;
		this.accounts = accounts;
		this.json = json;
		this.clock = clock;
		this.books = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl).build();
	}

	// -- views ----------------------------------------------------------------------------------------------------

	/** A saved version of the rules (version 0: none saved yet, everything goes to the fallback queue). */
	public record RuleSetInfo(String program, long version, int ruleCount, String savedBy, Instant savedAt,
			String reason, RuleSet rules) {
	}

	/** A ticket to explain: an existing one by number, or a hypothetical one described by its facts. */
	public record ExplainRequest(String ticket, HypotheticalTicket hypothetical, Instant at, RuleSet rules) {
	}

	public record HypotheticalTicket(String kind, String channel, String priority, String category, String system,
			String organization, String site, String subject, String description, Map<String, String> customFields) {
	}

	public record Explanation(String program, Long ruleSetVersion, Instant at, boolean officeHours,
			MatchedRule matched, boolean fallback, List<RuleBook.Trace> rules, Outcome outcome, List<String> notes) {
	}

	public record MatchedRule(int position, String name) {
	}

	/** Where the ticket goes: its Tier 1 queue and owner, and the work handed to a tier, with the changes. */
	public record Outcome(String ownerGroup, String owner, String assignGroup, Integer assignTier, String assignee,
			boolean vectored, boolean onCall, String priority, String category, List<String> watchers) {

		String summary() {
			StringBuilder s = new StringBuilder("queue ").append(ownerGroup);
			if (owner != null) {
				s.append(", owner ").append(owner);
			}
			if (assignGroup != null) {
				s.append(", work to ").append(assignGroup).append(" (tier ").append(assignTier).append(")");
				if (assignee != null) {
					s.append(" for ").append(assignee).append(onCall ? " (on call)" : "");
				}
			}
			if (priority != null) {
				s.append(", priority ").append(priority);
			}
			if (category != null) {
				s.append(", category ").append(category);
			}
			if (!watchers.isEmpty()) {
				s.append(", watchers ").append(watchers);
			}
			return s.toString();
		}
	}

	public record DryRunRequest(RuleSet rules, Integer last) {
	}

	public record DryRun(String program, long currentVersion, int compared, int changed, List<DryRunChange> changes) {
	}

	public record DryRunChange(String ticket, String subject, String ruleNow, String outcomeNow, String ruleProposed,
			String outcomeProposed) {
	}

	// -- the rule set ---------------------------------------------------------------------------------------------

	public RuleSetInfo current(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return ruleSets.findFirstByProgramIdOrderByVersionDesc(program.id()).map(v -> info(program, v))
			.orElse(new RuleSetInfo(program.key(), 0, 0, null, null, null, new RuleSet(null, List.of())));
	}

	public List<RuleSetInfo> versions(DeskPrincipal me, String programKey) {
		Program program = readable(me, programKey);
		return ruleSets.findByProgramIdOrderByVersionDesc(program.id()).stream().map(v -> info(program, v)).toList();
	}

	public RuleSetInfo version(DeskPrincipal me, String programKey, long version) {
		Program program = readable(me, programKey);
		return ruleSets.findByProgramIdAndVersion(program.id(), version).map(v -> info(program, v))
			.orElseThrow(() -> new NotFoundException("program " + programKey + " has no rule set version " + version));
	}

	/**
	 * Saves a new version of the rules after checking every rule (each problem named by rule and path; nothing is
	 * saved when any is wrong). With {@code expectedVersion}, refuses to overwrite a version saved meanwhile.
	 */
	@Transactional
	public RuleSetInfo save(DeskPrincipal me, String programKey, RuleSet rules, Long expectedVersion, String reason) {
		Program program = visible(me, programKey);
		if (!me.manages(program.id())) {
			throw new ForbiddenException("only the program's managers or an administrator change its routing rules");
		}
		if (reason != null && reason.length() > 2000) {
			throw new InvalidFieldException("reason", "at most 2000 characters");
		}
		long current = ruleSets.findFirstByProgramIdOrderByVersionDesc(program.id()).map(RuleSetVersion::version)
			.orElse(0L);
		if (expectedVersion != null && expectedVersion != current) {
			throw new StaleVersionException("the rules of " + program.key() + " are at version " + current + ", not "
					+ expectedVersion + "; reload them and try again");
		}
		RuleBook book = compile(program, rules, current + 1);
		RuleSetVersion saved = ruleSets.save(new RuleSetVersion(program.id(), current + 1, json.writeValueAsString(rules),
				book.size(), me.accountId(), clock.instant(), reason));
		forgetAfterCommit(program.id());
		return info(program, saved);
	}

	private RuleBook compile(Program program, RuleSet rules, long version) {
		List<GroupInfo> programGroups = groups.inProgram(program.id());
		RuleSetCompiler compiler = new RuleSetCompiler(programGroups,
				username -> accounts.findByUsername(username).filter(p -> p.programIds().contains(program.id()))
					.map(p -> new KnownPerson(p.id(), p.username())),
				name -> directory.route(program.id(), name).map(s -> new KnownSystem(s.key(), s.name())),
				Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.toSet()));
		RuleSetCompiler.Result result = compiler.compile(rules, version);
		if (!result.problems().isEmpty()) {
			throw new InvalidRowsException("The rules were not saved: " + result.problems().size()
					+ " problem(s); line is the rule's position (0: the rule set itself).", result.problems());
		}
		return result.book();
	}

	/** The program's rules in force, compiled (cached). */
	RuleBook book(long programId) {
		return books.get(programId, id -> {
			Program program = programs.byId(id);
			return ruleSets.findFirstByProgramIdOrderByVersionDesc(id)
				.map(v -> compile(program, json.readValue(v.document(), RuleSet.class), v.version()))
				.orElseGet(() -> compile(program, new RuleSet(null, List.of()), 0));
		});
	}

	private void forgetAfterCommit(long programId) {
		AfterCommit.forgetNowAndAtEnd(() -> books.invalidate(programId));
	}

	// -- routing tickets ------------------------------------------------------------------------------------------

	/**
	 * Routes a ticket that was opened without being routed (routing failed in its opening transaction, or it was
	 * opened before tickets were routed there), once: a redelivered event finds the record and does nothing.
	 */
	@Transactional
	public void routeNew(long ticketId) {
		if (records.existsById(ticketId)) {
			return;
		}
		Optional<TicketFacts> found = tickets.facts(ticketId);
		if (found.isEmpty() || !found.get().status().isActive()) {
			return;
		}
		decide(found.get()).ifPresent(r -> tickets.route(ticketId, r));
	}

	/** Routes a new ticket in the transaction that opens it ({@link IntakeRouting}). */
	@Override
	public Optional<Tickets.Routing> route(TicketFacts opened) {
		return decide(opened);
	}

	/**
	 * Applies the first matching rule (or the fallback queue) to a new ticket, picks a person where the group says so,
	 * and records the decision.
	 *
	 * @return the changes to make to the ticket, empty when there are none
	 */
	private Optional<Tickets.Routing> decide(TicketFacts t) {
		Instant at = clock.instant();
		RuleBook book = book(t.programId());
		Decision d = book.decide(facts(t), surroundings(t.programId(), at), false);
		Long owner = d.ownerId();
		if (owner == null && t.ownerId() == null && d.ownerGroupId() != null) {
			owner = pick(d.ownerGroupId(), at, true).orElse(null);
		}
		Long assignee = d.assigneeId();
		if (d.assignGroupId() != null && assignee == null && !afterHoursHold(d)) {
			assignee = pick(d.assignGroupId(), at, true).orElse(null);
		}
		String reason = d.fallback() ? "routing: no rule matched, fallback queue (rules v" + book.version() + ")"
				: "routing rule '" + d.rule() + "' (rules v" + book.version() + ")";
		if (d.vectored()) {
			reason += "; vectored to the cognizant authority" + (d.onCall() ? ", on call after hours" : "");
		}
		Priority priority = d.priority() == null ? null : Priority.valueOf(d.priority());
		Set<Long> invited = Set.of();
		if (d.swarm()) {
			invited = new java.util.HashSet<>(authorityMembers(t, at).keySet());
			invited.remove(owner);
		}
		boolean changes = !Objects.equals(d.ownerGroupId(), t.ownerGroupId()) || owner != null || priority != null
				|| d.category() != null || !d.watcherIds().isEmpty() || d.assignGroupId() != null || !invited.isEmpty();
		Outcome outcome = outcome(d, owner, assignee);
		records.save(new RoutingRecord(t.id(), t.programId(), book.version(), d.rule(),
				truncate(outcome.summary() + (d.notes().isEmpty() ? "" : "; " + String.join("; ", d.notes())), 4000),
				at));
		return changes ? Optional.of(new Tickets.Routing(d.ownerGroupId(), owner, priority, d.category(),
				d.watcherIds(), d.assignGroupId(), assignee, reason, invited,
				"routing rule '" + d.rule() + "': swarm instead of a hand-off")) : Optional.empty();
	}

	/** Vectored after hours to a group whose on-call person this priority does not reach: the queue holds it. */
	private static boolean afterHoursHold(Decision d) {
		return d.vectored() && d.notes().stream().anyMatch(n -> n.startsWith("after hours"));
	}

	/** Work escalated to a group without a person: give it to one when the group assigns people. */
	@Transactional
	public void assignEscalatedWork(long ticketId, long assignmentId, long groupId) {
		Optional<TicketFacts> t = tickets.facts(ticketId);
		if (t.isEmpty() || !Objects.equals(t.get().activeAssignmentId(), assignmentId)
				|| t.get().activeAssigneeId() != null) {
			return;
		}
		Instant at = clock.instant();
		GroupInfo group = groups.byId(groupId);
		pick(groupId, at, true).ifPresent(person -> tickets.assignWithinGroup(ticketId, assignmentId, person,
				"routing: " + group.personAssignment().name().toLowerCase().replace('_', '-') + " in " + group.name()));
	}

	/** A person of the group who can take work now, by the group's way of assigning; empty when none. */
	Optional<Long> pick(long groupId, Instant at, boolean claim) {
		GroupInfo group = groups.byId(groupId);
		if (group.personAssignment() == PersonAssignment.NONE) {
			return Optional.empty();
		}
		List<Long> available = onCall.availableMembers(groupId, at);
		if (available.isEmpty()) {
			return Optional.empty();
		}
		if (group.personAssignment() == PersonAssignment.ROUND_ROBIN) {
			long turn = claim ? groups.claimRoundRobinTurn(groupId) : groups.peekRoundRobinTurn(groupId);
			return Optional.of(available.get((int) Math.floorMod(turn, (long) available.size())));
		}
		Map<Long, Long> load = tickets.workload(available);
		return available.stream().min(Comparator.comparing((Long p) -> load.getOrDefault(p, 0L))
			.thenComparing(Function.identity()));
	}

	/** Someone to invite to a swarm, and why they are suggested. */
	public record SwarmSuggestion(long personId, String username, String displayName, String group, int tier,
			boolean available, String why) {
	}

	/**
	 * Who to invite to swarm on a ticket: the members of the cognizant authorities of its system at each tier (those
	 * available now first), or of the program's Tier 2 and 3 groups when the directory does not know the system.
	 */
	@Transactional(readOnly = true)
	public List<SwarmSuggestion> swarmSuggestions(DeskPrincipal me, String number) {
		TicketFacts t = tickets.facts(me, number);
		Instant at = clock.instant();
		Map<Long, SwarmSuggestion> found = authorityMembers(t, at);
		return found.values().stream().filter(s -> !Objects.equals(s.personId(), t.ownerId()))
			.sorted(Comparator.comparing((SwarmSuggestion s) -> !s.available()).thenComparing(SwarmSuggestion::tier)
				.thenComparing(SwarmSuggestion::username))
			.toList();
	}

	private Map<Long, SwarmSuggestion> authorityMembers(TicketFacts t, Instant at) {
		Optional<SystemRoute> system = directory.route(t.programId(), t.affectedSystem());
		List<GroupInfo> sources = new ArrayList<>();
		Map<Long, String> why = new java.util.HashMap<>();
		if (system.isPresent()) {
			for (var a : system.get().authorities().values()) {
				groups.findById(a.groupId()).ifPresent(g -> {
					sources.add(g);
					why.put(g.id(), "cognizant authority for " + system.get().name() + " at tier " + a.tier());
				});
			}
		}
		else {
			for (GroupInfo g : groups.inProgram(t.programId())) {
				if (g.tier() == 2 || g.tier() == 3) {
					sources.add(g);
					why.put(g.id(), "tier " + g.tier() + " specialists (the directory does not know the system)");
				}
			}
		}
		sources.sort(Comparator.comparingInt(GroupInfo::tier));
		Map<Long, SwarmSuggestion> found = new java.util.LinkedHashMap<>();
		for (GroupInfo g : sources) {
			Set<Long> available = Set.copyOf(onCall.availableMembers(g.id(), at));
			Map<Long, Person> people = accounts.byIds(g.memberIds());
			for (Long id : g.memberIds()) {
				Person p = people.get(id);
				if (p != null) {
					found.putIfAbsent(id, new SwarmSuggestion(id, p.username(), p.displayName(), g.name(), g.tier(),
							available.contains(id), why.get(g.id())));
				}
			}
		}
		return new java.util.HashMap<>(found);
	}

	// -- explain and dry run --------------------------------------------------------------------------------------

	/** Which rule would route this ticket, why the earlier ones do not, and where it would go. Changes nothing. */
	@Transactional(readOnly = true)
	public Explanation explain(DeskPrincipal me, String programKey, ExplainRequest request) {
		Program program = readable(me, programKey);
		if (request == null || (request.ticket() == null) == (request.hypothetical() == null)) {
			throw new InvalidFieldException("ticket", "give either an existing ticket's number or a hypothetical ticket");
		}
		Facts facts;
		if (request.ticket() != null) {
			TicketFacts t = tickets.facts(me, request.ticket());
			if (t.programId() != program.id()) {
				throw new NotFoundException("no ticket " + request.ticket() + " in " + programKey);
			}
			facts = facts(t);
		}
		else {
			facts = facts(program, request.hypothetical());
		}
		Instant at = request.at() == null ? clock.instant() : request.at();
		RuleBook book = request.rules() == null ? book(program.id()) : compile(program, request.rules(), 0);
		Decision d = book.decide(facts, surroundings(program.id(), at), true);
		Long owner = d.ownerId() == null && d.ownerGroupId() != null ? pick(d.ownerGroupId(), at, false).orElse(null)
				: d.ownerId();
		Long assignee = d.assigneeId() == null && d.assignGroupId() != null && !afterHoursHold(d)
				? pick(d.assignGroupId(), at, false).orElse(null) : d.assigneeId();
		return new Explanation(program.key(), request.rules() == null ? book.version() : null, at,
				onCall.inOfficeHours(program.id(), at), d.fallback() ? null : new MatchedRule(d.position(), d.rule()),
				d.fallback(), d.traces(), outcome(d, owner, assignee), d.notes());
	}

	/** Replays proposed rules over the program's last tickets and lists those whose routing would change. */
	@Transactional(readOnly = true)
	public DryRun dryRun(DeskPrincipal me, String programKey, DryRunRequest request) {
		Program program = readable(me, programKey);
		if (request == null || request.rules() == null) {
			throw new InvalidFieldException("rules", "give the proposed rules");
		}
		int last = request.last() == null ? 100 : request.last();
		if (last < 1 || last > 10_000) {
			throw new InvalidFieldException("last", "replay 1 to 10000 tickets");
		}
		RuleBook proposed = compile(program, request.rules(), 0);
		RuleBook current = book(program.id());
		Instant at = clock.instant();
		RuleBook.Surroundings around = surroundings(program.id(), at);
		List<TicketFacts> recent = tickets.recentFacts(program.id(), last);
		List<DryRunChange> changes = new ArrayList<>();
		for (TicketFacts t : recent) {
			Facts f = facts(t);
			Decision now = current.decide(f, around, false);
			Decision then = proposed.decide(f, around, false);
			String before = outcome(now, now.ownerId(), now.assigneeId()).summary();
			String after = outcome(then, then.ownerId(), then.assigneeId()).summary();
			if (!before.equals(after)) {
				changes.add(new DryRunChange(t.number(), t.subject(), now.fallback() ? "(fallback)" : now.rule(), before,
						then.fallback() ? "(fallback)" : then.rule(), after));
			}
		}
		return new DryRun(program.key(), current.version(), recent.size(), changes.size(), changes);
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	Facts facts(TicketFacts t) {
		Optional<SystemRoute> system = directory.route(t.programId(), t.affectedSystem());
		return new Facts(Words.of(t.kind().name()), Words.of(t.channel().name()), Words.of(t.priority().name()),
				Words.of(t.category()), system.map(SystemRoute::key).orElse(null),
				system.map(SystemRoute::name).orElse(t.affectedSystem()),
				system.map(s -> Words.of(s.type().name())).orElse(null), Words.of(t.requesterOrganization()),
				Words.of(t.location()), Words.of(t.subject() + " " + t.description()), t.priority().name(),
				custom(t.customFields()));
	}

	private Facts facts(Program program, HypotheticalTicket h) {
		Optional<SystemRoute> system = directory.route(program.id(), h.system());
		String priority = h.priority() == null ? "MEDIUM" : h.priority().strip().toUpperCase();
		return new Facts(Words.of(h.kind()), Words.of(h.channel() == null ? "API" : h.channel()), Words.of(priority),
				Words.of(h.category()), system.map(SystemRoute::key).orElse(null),
				system.map(SystemRoute::name).orElse(h.system()),
				system.map(s -> Words.of(s.type().name())).orElse(null), Words.of(h.organization()),
				Words.of(h.site()), Words.of(Objects.toString(h.subject(), "") + " " + Objects.toString(h.description(), "")),
				priority, custom(h.customFields()));
	}

	private static Map<String, String> custom(Map<String, String> fields) {
		if (fields == null || fields.isEmpty()) {
			return Map.of();
		}
		Map<String, String> normalised = new java.util.HashMap<>();
		fields.forEach((k, v) -> {
			if (k != null && v != null) {
				normalised.put(k, Words.of(v));
			}
		});
		return normalised;
	}

	RuleBook.Surroundings surroundings(long programId, Instant at) {
		boolean open = onCall.inOfficeHours(programId, at);
		AfterHoursRule rule = onCall.afterHoursRule(programId);
		return new RuleBook.Surroundings() {
			@Override
			public boolean officeHours() {
				return open;
			}

			@Override
			public boolean reachesOnCall(String priority) {
				return rule.reachesOnCall(priority);
			}

			@Override
			public Optional<RuleBook.Authority> authority(String systemKey, int tier) {
				return directory.route(programId, systemKey).map(s -> s.authorities().get(tier))
					.map(a -> new RuleBook.Authority(a.groupId(), a.tier(), a.group()));
			}

			@Override
			public Optional<Long> onCall(long groupId) {
				return onCall.onCallIn(groupId, at);
			}
		};
	}

	private Outcome outcome(Decision d, Long owner, Long assignee) {
		Set<Long> ids = new java.util.HashSet<>(d.watcherIds());
		if (owner != null) {
			ids.add(owner);
		}
		if (assignee != null) {
			ids.add(assignee);
		}
		Map<Long, Person> people = ids.isEmpty() ? Map.of() : accounts.byIds(ids);
		Function<Long, String> name = id -> id == null ? null
				: people.containsKey(id) ? people.get(id).username() : "#" + id;
		// names from what each instance remembers of groups (fixed once a group is made): no load of the group
		Map<Long, SupportGroups.GroupLabel> labels = groups.labels(java.util.stream.Stream
			.of(d.ownerGroupId(), d.assignGroupId()).filter(Objects::nonNull).collect(Collectors.toSet()));
		Function<Long, String> group = id -> id == null ? null
				: labels.containsKey(id) ? labels.get(id).name() : "#" + id;
		return new Outcome(group.apply(d.ownerGroupId()), name.apply(owner), group.apply(d.assignGroupId()),
				d.assignTier(), name.apply(assignee), d.vectored(), d.onCall(), d.priority(), d.category(),
				d.watcherIds().stream().map(name).sorted().toList());
	}

	private RuleSetInfo info(Program program, RuleSetVersion v) {
		String by = accounts.findById(v.savedBy()).map(Person::username).orElse("#" + v.savedBy());
		return new RuleSetInfo(program.key(), v.version(), v.ruleCount(), by, v.savedAt(), v.reason(),
				json.readValue(v.document(), RuleSet.class));
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	private Program visible(DeskPrincipal me, String programKey) {
		return programs.visibleTo(me, programKey);
	}

	private Program readable(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only desk staff read the program's routing");
	}
}
