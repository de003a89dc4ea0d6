package org.tierdesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tierdesk.advisory.Advisories;
import org.tierdesk.deficiency.DeficiencyReports;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.satisfaction.Surveys;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

/**
 * The desk's periodic reports — trouble calls, site status, deficiency reports, advisory notices, current release and
 * versions supported, lessons learned, feedback on problem fixes, service levels, satisfaction — each as plain tables,
 * so the same report is drawn on screen, written as CSV and as PDF. Each is read as the person asking (or the owner of
 * a schedule): what they may not see, the report does not show.
 */
@Service
public class PeriodicReports {

	/** A report the desk can run, and its title. */
	public enum Kind {
		TROUBLE_CALLS("Trouble calls"), SITE_STATUS("Site status"), DEFICIENCY_REPORTS("Deficiency reports"),
		ADVISORY_NOTICES("Advisory notices"), RELEASES("Current release and versions supported"),
		LESSONS_LEARNED("Lessons learned"), FIX_FEEDBACK("Feedback analysis of problem fixes"),
		SERVICE_LEVELS("Service levels"), SATISFACTION("Customer satisfaction"),
		AGENT_WORKLOAD("Agent workload and handle time"), KNOWLEDGE_USAGE("Tier 0 deflection and article usage");

		public final String title;

		Kind(String title) {
			this.title = title;
		}
	}

	/** One table of a report; {@code note} says what it is, or that it was cut short. */
	public record Table(String title, List<String> columns, List<List<Object>> rows, String note) {
	}

	/** A report run: its kind, program, the dates it covers ({@code to} exclusive) and its tables. */
	public record Report(Kind kind, String title, String program, String programName, ZoneId zone, LocalDate from,
			LocalDate to, Instant generatedAt, List<Table> tables) {
	}

	/** The most rows a listing carries; the note says when there were more. */
	static final int MAX_ROWS = 5000;


	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private final JdbcClient jdbc;

	private final Programs programs;

	private final DeficiencyReports deficiencies;

	private final Advisories advisories;

	private final Directory directory;

	private final Entitlements entitlements;

	private final ServiceLevels serviceLevels;

	private final SupportGroups groups;

	private final Surveys surveys;

	private final java.time.Clock clock;

	private final org.tierdesk.intake.HandleTimes handleTimes;

	private final org.tierdesk.knowledge.Deflection deflection;

	private final org.tierdesk.identity.Accounts accounts;

	PeriodicReports(JdbcClient jdbc, Programs programs, DeficiencyReports deficiencies, Advisories advisories,
			Directory directory, Entitlements entitlements, ServiceLevels serviceLevels, SupportGroups groups,
			Surveys surveys, java.time.Clock clock, org.tierdesk.intake.HandleTimes handleTimes,
			org.tierdesk.knowledge.Deflection deflection, org.tierdesk.identity.Accounts accounts) {
		this.handleTimes = handleTimes;
		this.deflection = deflection;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.programs = programs;
		this.deficiencies = deficiencies;
		this.advisories = advisories;
		this.directory = directory;
		this.entitlements = entitlements;
		this.serviceLevels = serviceLevels;
		this.groups = groups;
		this.surveys = surveys;
		this.clock = clock;
	}

	/** The kinds named (all when none), in the order given, refused by name when unknown. */
	public static List<Kind> kinds(List<String> names) {
		if (names == null || names.stream().allMatch(n -> n == null || n.isBlank())) {
			return List.of(Kind.values());
		}
		List<Kind> out = new ArrayList<>();
		for (String n : names) {
			for (String part : n.split(",")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					Kind k = Kind.valueOf(part.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
					if (!out.contains(k)) {
						out.add(k);
					}
				}
				catch (IllegalArgumentException e) {
					throw new InvalidFieldException("report", "no report " + part.strip() + "; one of "
							+ Arrays.toString(Kind.values()));
				}
			}
		}
		return out;
	}

	/** The program a report is asked for, if the caller is its staff; the dates checked against it. */
	public Program program(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only the program's desk staff read its reports");
	}

	/** The period [from, to) in the program's zone; by default the last 30 days up to today. */
	public LocalDate[] period(Program program, LocalDate from, LocalDate to) {
		DateRange range = DateRange.checked(from, to, LocalDate.ofInstant(clock.instant(), program.timeZone()), 30);
		return new LocalDate[] { range.start(), range.end() };
	}

	/** Runs the reports for the caller, telling {@code progress} how many are done. */
	public List<Report> run(DeskPrincipal me, String programKey, List<Kind> kinds, LocalDate from, LocalDate to,
			IntConsumer progress) {
		Program program = program(me, programKey);
		LocalDate[] p = period(program, from, to);
		List<Report> out = new ArrayList<>();
		for (Kind k : kinds) {
			out.add(run(me, program, k, p[0], p[1]));
			progress.accept(out.size());
		}
		return out;
	}

	Report run(DeskPrincipal me, Program program, Kind kind, LocalDate from, LocalDate to) {
		ZoneId zone = program.timeZone();
		Instant lo = from.atStartOfDay(zone).toInstant();
		Instant hi = to.atStartOfDay(zone).toInstant();
		List<Table> tables = switch (kind) {
			case TROUBLE_CALLS -> troubleCalls(program, lo, hi);
			case SITE_STATUS -> siteStatus(me, program, lo, hi);
			case DEFICIENCY_REPORTS -> deficiencyReports(me, program, lo, hi);
			case ADVISORY_NOTICES -> advisoryNotices(me, program, lo, hi);
			case RELEASES -> releases(me, program);
			case LESSONS_LEARNED -> lessons(me, program, lo, hi);
			case FIX_FEEDBACK -> fixFeedback(me, program, to);
			case SERVICE_LEVELS -> serviceLevels(me, program, lo, hi);
			case SATISFACTION -> satisfaction(me, program, lo, hi);
			case AGENT_WORKLOAD -> agentWorkload(program, lo, hi);
			case KNOWLEDGE_USAGE -> knowledgeUsage(program, lo, hi);
		};
		return new Report(kind, kind.title, program.key(), program.name(), zone, from, to, clock.instant(),
				tables);
	}

	// -- the reports -------------------------------------------------------------------------------------------------

	private List<Table> troubleCalls(Program program, Instant lo, Instant hi) {
		Map<String, long[]> byChannel = new TreeMap<>();
		List<List<Object>> rows = new ArrayList<>();
		long[] total = { 0 };
		jdbc.sql("""
				select ticket_number, opened_at, channel, kind, priority, site, organization, system_name, subject,
				  status, resolved_at, resolved_tier, max_tier
				from reporting_ticket_fact where program_id = :program and opened_at >= :lo and opened_at < :hi
				order by opened_at, ticket_id""")
			.param("program", program.id()).param("lo", DateRange.utc(lo)).param("hi", DateRange.utc(hi))
			.query((rs, i) -> {
				total[0]++;
				long[] c = byChannel.computeIfAbsent(rs.getString("channel"), k -> new long[3]);
				c[0]++;
				c[1] += rs.getObject("resolved_at") != null ? 1 : 0;
				c[2] += rs.getInt("max_tier") > 1 ? 1 : 0;
				if (rows.size() < MAX_ROWS) {
					rows.add(row(rs.getString("ticket_number"), when(rs.getObject("opened_at", OffsetDateTime.class),
							program.timeZone()), rs.getString("channel"), rs.getString("kind"), rs.getString("priority"),
							rs.getString("site"), rs.getString("organization"), rs.getString("system_name"),
							rs.getString("subject"), rs.getString("status"), rs.getObject("resolved_tier")));
				}
				return null;
			}).list();
		List<List<Object>> summary = new ArrayList<>();
		byChannel.forEach((channel, c) -> summary.add(row(channel, c[0], c[1], c[2])));
		return List.of(
				new Table("By channel", List.of("Channel", "Opened", "Resolved", "Escalated beyond Tier 1"), summary,
						total[0] + " trouble call(s) in the period"),
				new Table("Trouble calls", List.of("Ticket", "Opened", "Channel", "Kind", "Priority", "Site",
						"Organization", "System", "Subject", "Status", "Resolved at tier"), rows, cut(total[0])));
	}

	private List<Table> siteStatus(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		Map<String, long[]> sites = new TreeMap<>();
		Map<String, String> orgOf = new HashMap<>();
		jdbc.sql("""
				select coalesce(site, '') as site, coalesce(organization, '') as organization,
				  sum(case when closed_at is null and cancelled_at is null then 1 else 0 end) as open_now,
				  sum(case when opened_at >= :lo and opened_at < :hi then 1 else 0 end) as opened,
				  sum(case when resolved_at >= :lo and resolved_at < :hi then 1 else 0 end) as resolved,
				  sum(case when closed_at is null and cancelled_at is null and kind = 'INCIDENT'
				      and priority in ('CRITICAL', 'HIGH') then 1 else 0 end) as outages
				from reporting_ticket_fact where program_id = :program
				  and (opened_at >= :lo or (closed_at is null and cancelled_at is null) or resolved_at >= :lo)
				group by coalesce(site, ''), coalesce(organization, '')""")
			.param("program", program.id()).param("lo", DateRange.utc(lo)).param("hi", DateRange.utc(hi))
			.query((rs, i) -> {
				String key = rs.getString("site") + "\u0000" + rs.getString("organization");
				orgOf.put(key, rs.getString("organization"));
				sites.put(key, new long[] { rs.getLong("open_now"), rs.getLong("opened"), rs.getLong("resolved"),
						rs.getLong("outages") });
				return null;
			}).list();
		LocalDate today = LocalDate.ofInstant(clock.instant(), program.timeZone());
		Map<String, String> contracts = new HashMap<>();
		for (Entitlements.ContractView c : entitlements.contracts(me, program.key())) {
			String org = c.organization() == null ? "" : c.organization().toLowerCase(Locale.ROOT);
			boolean inForce = (c.startsOn() == null || !c.startsOn().isAfter(today))
					&& (c.endsOn() == null || !c.endsOn().isBefore(today));
			String state = (inForce ? "in force: " : "ended " + c.endsOn() + ": ") + c.number() + " ("
					+ c.serviceLevel() + ")";
			contracts.merge(org, state, (a, b) -> a + "; " + b);
		}
		List<List<Object>> rows = new ArrayList<>();
		sites.forEach((key, c) -> {
			String org = orgOf.get(key);
			rows.add(row(key.substring(0, key.indexOf('\u0000')), org, c[0], c[1], c[2], c[3],
					contracts.getOrDefault(org.toLowerCase(Locale.ROOT), org.isEmpty() ? "" : "no contract on file")));
		});
		return List.of(new Table("Sites", List.of("Site", "Organization", "Open now", "Opened in period",
				"Resolved in period", "Outages open (critical/high incidents)", "Entitlement"), rows,
				"Open tickets now, and what came in and was resolved in the period, per customer site"));
	}

	private List<Table> deficiencyReports(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		List<DeficiencyReports.ReportView> all = deficiencies.list(me, program.key(), null, 1000);
		Map<String, Map<String, Long>> bySystem = new TreeMap<>();
		List<List<Object>> rows = new ArrayList<>();
		for (DeficiencyReports.ReportView r : all) {
			bySystem.computeIfAbsent(r.system(), k -> new LinkedHashMap<>()).merge(r.status().name(), 1L, Long::sum);
			boolean current = !r.status().ended() || !r.updatedAt().isBefore(lo) && r.updatedAt().isBefore(hi);
			if (current) {
				rows.add(row(r.number(), r.system(), r.versionFound(), r.severity(), r.status(), r.title(),
						r.fixRelease(), r.fixPlannedOn(), r.fixShippedOn(), r.tickets().size(),
						when(r.raisedAt(), program.timeZone())));
			}
		}
		List<String> statuses = Arrays.stream(org.tierdesk.deficiency.DeficiencyStatus.values()).map(Enum::name)
			.toList();
		List<List<Object>> summary = new ArrayList<>();
		bySystem.forEach((system, counts) -> {
			List<Object> r = new ArrayList<>(List.of(system));
			statuses.forEach(s -> r.add(counts.getOrDefault(s, 0L)));
			summary.add(r);
		});
		List<String> columns = new ArrayList<>(List.of("System"));
		columns.addAll(statuses);
		return List.of(new Table("By system and status", columns, summary, all.size() + " report(s) in all"),
				new Table("Open, in progress, fixed, and ended in the period", List.of("Report", "System",
						"Version found", "Severity", "Status", "Title", "Fix release", "Fix planned", "Fix shipped",
						"Tickets", "Raised"), rows, null));
	}

	private List<Table> advisoryNotices(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		List<List<Object>> rows = new ArrayList<>();
		for (Advisories.AdvisoryView a : advisories.list(me, program.key())) {
			boolean issued = a.publishedAt() != null && !a.publishedAt().isBefore(lo) && a.publishedAt().isBefore(hi);
			if (!issued && !a.inForce()) {
				continue;
			}
			int reached = a.tally() == null ? 0 : a.tally().customers() + a.tally().agents();
			int acknowledged = a.tally() == null ? 0 : a.tally().acknowledged();
			rows.add(row(a.number(), a.kind(), a.severity(), a.title(), when(a.publishedAt(), program.timeZone()),
					a.status(), a.inForce() ? "yes" : "no", a.tally() == null ? 0 : a.tally().customers(),
					a.tally() == null ? 0 : a.tally().agents(), acknowledged,
					reached == 0 ? "" : Math.round(acknowledged * 1000.0 / reached) / 10.0 + "%"));
		}
		return List.of(new Table("Issued in the period or in force", List.of("Advisory", "Kind", "Severity", "Title",
				"Published", "Status", "In force", "Customers", "Agents", "Acknowledged", "Acknowledged share"), rows,
				null));
	}

	private List<Table> releases(DeskPrincipal me, Program program) {
		List<List<Object>> rows = new ArrayList<>();
		for (org.tierdesk.directory.SupportedReleases s : directory.supportedReleases(me, program.key())) {
			rows.add(row(s.system(), s.type(), s.current(), String.join(", ", s.supported()),
					String.join(", ", s.endOfSupport()), String.join(", ", s.planned())));
		}
		return List.of(new Table("Per system", List.of("System", "Type", "Current release", "Versions supported",
				"End of support", "Planned"), rows, null));
	}

	private List<Table> lessons(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		List<List<Object>> rows = new ArrayList<>();
		jdbc.sql("""
				select ticket_number, system_name, subject, lesson_summary, lesson_at from reporting_ticket_fact
				where program_id = :program and lesson_at >= :lo and lesson_at < :hi order by lesson_at""")
			.param("program", program.id()).param("lo", DateRange.utc(lo)).param("hi", DateRange.utc(hi))
			.query((rs, i) -> rows.add(row("ticket " + rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), when(rs.getObject(5, OffsetDateTime.class), program.timeZone()))))
			.list();
		for (DeficiencyReports.Lesson l : deficiencies.lessons(me, program.key(), lo, hi)) {
			rows.add(row("deficiency " + l.number(), l.system(), l.title(), l.summary(),
					when(l.at(), program.timeZone())));
		}
		return List.of(new Table("Lessons learned", List.of("From", "System", "Subject", "Lesson", "Recorded"), rows,
				"From resolved tickets and deficiency reports, in the words of who recorded them"));
	}

	private List<Table> fixFeedback(DeskPrincipal me, Program program, LocalDate to) {
		List<List<Object>> rows = new ArrayList<>();
		for (DeficiencyReports.FixFeedback f : deficiencies.feedbackSince(me, program.key(), to.minusYears(1))) {
			rows.add(row(f.number(), f.system(), f.versionFound(), f.fixRelease(), f.shippedOn(), f.linkedTickets(),
					f.reopenedSinceFix(), f.newOnVersionFoundBefore(), f.newOnVersionFoundSince(),
					f.newOnFixReleaseSince(), f.linkedSatisfaction() == null ? "" : f.linkedSatisfaction(),
					f.verdict()));
		}
		return List.of(new Table("Fixes shipped in the last year", List.of("Report", "System", "Version found",
				"Fix release", "Shipped", "Linked tickets", "Reopened since", "New on version found (before)",
				"New on version found (since)", "New on fix release", "Satisfaction of linked tickets", "Verdict"), rows,
				"Reopened and new tickets before and after each fix shipped, over the same number of days"));
	}

	private List<Table> serviceLevels(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		List<ServiceLevels.Outcome> outcomes = serviceLevels.outcomes(program.id(), lo, hi);
		Map<String, long[]> byClock = new TreeMap<>();
		List<ServiceLevels.Outcome> breaches = new ArrayList<>();
		for (ServiceLevels.Outcome o : outcomes) {
			String key = o.kind() == org.tierdesk.sla.ClockKind.TIER ? "TIER " + o.tier() + " (OLA)" : o.kind().name();
			long[] c = byClock.computeIfAbsent(key, k -> new long[2]);
			c[o.met() ? 0 : 1]++;
			if (!o.met()) {
				breaches.add(o);
			}
		}
		List<List<Object>> attainment = new ArrayList<>();
		byClock.forEach((k, c) -> attainment.add(row(k, c[0], c[1],
				Math.round(c[0] * 1000.0 / (c[0] + c[1])) / 10.0 + "%")));
		Map<Long, String> numbers = numbers(breaches.stream().map(ServiceLevels.Outcome::ticketId).distinct().toList());
		Map<Long, String> groupNames = new HashMap<>();
		groups.inProgram(program.id()).forEach(g -> groupNames.put(g.id(), g.name()));
		List<List<Object>> breachRows = new ArrayList<>();
		breaches.stream().sorted(java.util.Comparator.comparing(ServiceLevels.Outcome::decidedAt)).limit(MAX_ROWS)
			.forEach(o -> breachRows.add(row(numbers.getOrDefault(o.ticketId(), String.valueOf(o.ticketId())),
					o.kind(), o.tier(), o.groupId() == null ? "" : groupNames.getOrDefault(o.groupId(), ""),
					when(o.dueAt(), program.timeZone()), o.overdueSeconds() / 60)));
		List<List<Object>> exceptions = new ArrayList<>();
		for (Entitlements.ExceptionView e : entitlements.exceptions(me, program.key())) {
			if (e.grantedAt() != null && !e.grantedAt().isBefore(lo) && e.grantedAt().isBefore(hi)) {
				exceptions.add(row(e.kind(), e.requester(), e.ticket(), e.serviceLevel(), e.reason(), e.grantedBy(),
						when(e.grantedAt(), program.timeZone()), e.expiresOn()));
			}
		}
		return List.of(
				new Table("Attainment per clock", List.of("Clock", "Met", "Breached", "Attainment"), attainment,
						"Clocks decided (met or breached) in the period"),
				new Table("Breaches", List.of("Ticket", "Clock", "Tier", "Group", "Due", "Overdue (business minutes)"),
						breachRows, cut(breaches.size())),
				new Table("Exceptions granted", List.of("Kind", "Customer", "Ticket", "Service level", "Why",
						"Granted by", "Granted", "Until"), exceptions,
						"VIP overrides and waivers: the documented exceptions to the service levels"));
	}

	private List<Table> satisfaction(DeskPrincipal me, Program program, Instant lo, Instant hi) {
		Surveys.Summary s = surveys.summary(program.id(), lo, hi);
		List<List<Object>> summary = List.of(row(s.offered(), s.answered(),
				s.responseRate() == null ? "" : Math.round(s.responseRate() * 1000) / 10.0 + "%",
				s.averageScore() == null ? "" : s.averageScore(), s.scores()[0], s.scores()[1], s.scores()[2],
				s.scores()[3], s.scores()[4]));
		List<List<Object>> comments = new ArrayList<>();
		for (Surveys.Survey a : surveys.answered(me, program.key(), lo, hi, 1000)) {
			if (a.comment() != null) {
				comments.add(row(a.number(), a.channel(), a.score(), a.comment(), when(a.answeredAt(), program.timeZone())));
			}
		}
		return List.of(new Table("Surveys offered in the period", List.of("Offered", "Answered", "Response rate",
				"Average (1-5)", "1", "2", "3", "4", "5"), summary, null),
				new Table("Comments", List.of("Ticket", "Channel", "Score", "Comment", "Answered"), comments, null));
	}

	private List<Table> agentWorkload(Program program, Instant lo, Instant hi) {
		Map<Long, long[]> tickets = new TreeMap<>();
		jdbc.sql("""
				select owner_id,
				  sum(case when closed_at is null and cancelled_at is null then 1 else 0 end) as owned_open,
				  sum(case when opened_at >= :lo and opened_at < :hi then 1 else 0 end) as taken,
				  sum(case when resolved_at >= :lo and resolved_at < :hi then 1 else 0 end) as resolved,
				  sum(case when resolved_at >= :lo and resolved_at < :hi and resolved_tier = 1 and escalations = 0
				      and reopens = 0 and customer_follow_ups = 0 then 1 else 0 end) as first_contact
				from reporting_ticket_fact where program_id = :program and owner_id is not null
				  and (opened_at >= :lo or (closed_at is null and cancelled_at is null) or resolved_at >= :lo)
				group by owner_id""")
			.param("program", program.id()).param("lo", DateRange.utc(lo)).param("hi", DateRange.utc(hi))
			.query((rs, i) -> tickets.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5) }))
			.list();
		Map<Long, org.tierdesk.intake.HandleTimes.AgentContacts> contacts = new HashMap<>();
		handleTimes.byAgent(program.id(), lo, hi).forEach(c -> contacts.put(c.agentId(), c));
		java.util.Set<Long> agents = new java.util.TreeSet<>(tickets.keySet());
		agents.addAll(contacts.keySet());
		Map<Long, org.tierdesk.identity.Accounts.Person> people = accounts.byIds(List.copyOf(agents));
		List<List<Object>> rows = new ArrayList<>();
		for (Long agent : agents) {
			long[] t = tickets.getOrDefault(agent, new long[4]);
			var c = contacts.get(agent);
			rows.add(row(people.containsKey(agent) ? people.get(agent).displayName() : "#" + agent, t[0], t[1], t[2],
					t[3], c == null ? 0 : c.calls(), c == null ? 0 : c.chats(),
					c == null || c.calls() + c.chats() == 0 ? "" : Math.round(c.averageSeconds() / 6.0) / 10.0));
		}
		return List.of(new Table("Per agent", List.of("Agent", "Owns open now", "Owned, opened in period",
				"Resolved in period", "Resolved at first contact", "Calls", "Chats", "Handle time (average minutes)"),
				rows, "Handle time from logged calls and from chats, picked up to ended"));
	}

	private List<Table> knowledgeUsage(Program program, Instant lo, Instant hi) {
		List<List<Object>> rows = new ArrayList<>();
		for (org.tierdesk.knowledge.Deflection.ArticleUsage u : deflection.usage(program.id(), lo, hi, 200)) {
			rows.add(row(u.number(), u.title(), u.views(), u.fromRequest(), u.deflected(), u.helpful(),
					u.notHelpful(), u.ticketLinks()));
		}
		List<List<Object>> summary = List.of(row(deflection.views(program.id(), lo, hi),
				deflection.deflected(program.id(), lo, hi)));
		return List.of(new Table("Tier 0", List.of("Article views", "Contacts deflected"), summary,
				"A contact is deflected when a customer read an article from the request form and asked nothing after"),
				new Table("Most read articles", List.of("Article", "Title", "Views", "From the request form",
						"Deflected", "Helpful", "Not helpful", "Linked to tickets"), rows, null));
	}

	// -- helpers ---------------------------------------------------------------------------------------------------

	private Map<Long, String> numbers(List<Long> ids) {
		Map<Long, String> out = new HashMap<>();
		for (int i = 0; i < ids.size(); i += 500) {
			jdbc.sql("select ticket_id, ticket_number from reporting_ticket_fact where ticket_id in (:ids)")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
				.query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
		}
		return out;
	}

	private static List<Object> row(Object... cells) {
		List<Object> out = new ArrayList<>(cells.length);
		for (Object c : cells) {
			out.add(c == null ? "" : c);
		}
		return out;
	}

	private static String cut(long total) {
		return total > MAX_ROWS ? "the first " + MAX_ROWS + " of " + total + "; ask for a shorter period for the rest"
				: null;
	}

	private static String when(OffsetDateTime at, ZoneId zone) {
		return at == null ? "" : WHEN.format(at.atZoneSameInstant(zone));
	}

	private static String when(Instant at, ZoneId zone) {
		return at == null ? "" : WHEN.format(at.atZone(zone));
	}
}
